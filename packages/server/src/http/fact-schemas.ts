import type { FactSpec } from '@safetynet/rules';
import { type TObject, type TSchema, Type } from 'typebox';

/**
 * Request schemas generated from the rules' fact tables (PERSON_FACTS, HOUSEHOLD_FACTS, EVENT_TYPES), so
 * the OpenAPI description, the request's validation and the rules cannot disagree: a fact added to a
 * table is documented (zh, en, example, default) and validated here without touching the API.
 */
export type FactTable = Readonly<Record<string, FactSpec>>;

export function factSchema(spec: FactSpec): TSchema {
  const type = spec.type;
  const options = {
    description: `${spec.zh} ${spec.en}`,
    // `example` (singular) is what OpenAPI 3.0 reads inside nested schemas.
    example: spec.example,
    ...(spec.default !== undefined ? { default: spec.default } : {}),
  };
  switch (type.kind) {
    case 'date':
      return Type.String({ format: 'date', ...options });
    case 'boolean':
      return Type.Boolean(options);
    case 'ntd':
      return Type.Integer({ minimum: 0, ...options });
    case 'integer':
      return Type.Integer({
        minimum: type.min,
        maximum: type.max,
        ...(type.allowed ? { enum: [...type.allowed] } : {}),
        ...options,
      });
    case 'enum':
      return Type.String({ enum: [...type.values], ...options });
    default:
      return unhandledKind(type);
  }
}

// A new kind of fact in the rules fails the typecheck here until the API knows how to describe it.
function unhandledKind(type: never): never {
  throw new Error(`fact type without an API schema: ${JSON.stringify(type)}`);
}

/** The properties of a table's facts, the required ones required. */
export function factProperties(table: FactTable): Record<string, TSchema> {
  const properties: Record<string, TSchema> = {};
  for (const [name, spec] of Object.entries(table)) {
    const schema = factSchema(spec);
    properties[name] = spec.required ? schema : Type.Optional(schema);
  }
  return properties;
}

/**
 * An object of facts (and any fields besides, e.g. a household's members); anything else is refused, so
 * an unknown or misspelt field is named in the 400 rather than silently ignored.
 */
export function factsObject(
  table: FactTable,
  extra: Record<string, TSchema> = {},
  options: Record<string, unknown> = {},
): TObject {
  return Type.Object({ ...extra, ...factProperties(table) }, { additionalProperties: false, ...options });
}

/** An event type as the rules describe it (facts/events.ts). */
export interface EventTypeSpec {
  entity: 'person' | 'household';
  zh: string;
  en: string;
  fields: FactTable;
}

/**
 * One schema per event type, told apart by `type` (a discriminator: the validator checks only the
 * branch the type names, so errors name the event's own fields; OpenAPI shows each type's fields).
 */
export function eventSchema(types: Readonly<Record<string, EventTypeSpec>>): TSchema {
  const branches = Object.entries(types).map(([name, spec]) =>
    Type.Object(
      {
        type: Type.Literal(name, { description: `${spec.zh} ${spec.en}` }),
        [spec.entity]: Type.String({
          minLength: 1,
          description:
            spec.entity === 'person'
              ? '事件當事人（persons 之編號） The person it concerns (an id in persons)'
              : '事件所涉之戶（households 之編號） The household it concerns (an id in households)',
        }),
        date: Type.String({
          format: 'date',
          description: '發生日期 Date it happened',
          example: '2024-06-10',
        }),
        ...factProperties(spec.fields),
      },
      { additionalProperties: false, title: name, description: `${spec.zh} ${spec.en}` },
    ),
  );
  return Type.Unsafe({
    type: 'object',
    oneOf: branches,
    discriminator: { propertyName: 'type' },
    description: `事件 An event: ${Object.keys(types).join(', ')}`,
  });
}
