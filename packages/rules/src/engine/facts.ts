import { isIsoDate, lastDayOfMonth, toDayNumber } from '@safetynet/core/calendar';
import {
  DISABILITY_LEVELS,
  type HouseholdColumns,
  type PersonColumns,
  type Population,
  ROLES,
  WORK_INABILITY_REASONS,
} from './population.ts';

/**
 * The facts a single case gives about persons and households (the API's request body): each documented
 * once here, validated, and turned into columns. One table drives validation, defaults and the OpenAPI
 * schema, so they cannot disagree.
 */
type FactType =
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'ntd' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] };

export interface FactSpec {
  type: FactType;
  required?: boolean;
  default?: string | number | boolean;
  zh: string;
  en: string;
  example: string | number | boolean;
}

export const PERSON_FACTS = {
  birthDate: {
    type: { kind: 'date' },
    required: true,
    zh: '出生日期',
    en: 'Date of birth',
    example: '1955-03-02',
  },
  sex: { type: { kind: 'enum', values: ['M', 'F'] }, default: 'F', zh: '性別', en: 'Sex', example: 'F' },
  registeredInCity: {
    type: { kind: 'boolean' },
    default: true,
    zh: '設籍本市',
    en: 'Registered in the city (設籍)',
    example: true,
  },
  registeredSince: {
    type: { kind: 'date' },
    zh: '設籍日期',
    en: 'Date the city registration began',
    example: '1990-01-01',
  },
  residesInCity: {
    type: { kind: 'boolean' },
    default: true,
    zh: '實際居住本市',
    en: 'Actually lives in the city',
    example: true,
  },
  daysInTaiwanLastYear: {
    type: { kind: 'integer', min: 0, max: 366 },
    default: 365,
    zh: '最近一年居住國內日數',
    en: 'Days lived in Taiwan in the last year',
    example: 365,
  },
  disabilityLevel: {
    type: { kind: 'enum', values: DISABILITY_LEVELS },
    default: 'none',
    zh: '身心障礙等級',
    en: 'Disability level on a valid certificate',
    example: 'none',
  },
  earnedIncomeNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月工作收入',
    en: 'Monthly work income (NTD)',
    example: 0,
  },
  propertyIncomeNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月動產及不動產收益',
    en: 'Monthly income from property (NTD)',
    example: 0,
  },
  otherIncomeNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '每月其他收入',
    en: 'Other monthly income, not social assistance (NTD)',
    example: 0,
  },
  employed: { type: { kind: 'boolean' }, default: false, zh: '已就業', en: 'Employed', example: false },
  registeredUnemployed: {
    type: { kind: 'boolean' },
    default: false,
    zh: '經公立就業服務機構認定失業或參加全日制職訓',
    en: 'Registered unemployed, or in full-time government training',
    example: false,
  },
  workInability: {
    type: { kind: 'enum', values: WORK_INABILITY_REASONS },
    default: 'none',
    zh: '無工作能力事由（社會救助法第5-3條）',
    en: 'Reason unable to work (D0050078 art. 5-3); none = able',
    example: 'none',
  },
  movablePropertyNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '動產（存款、投資、有價證券等）',
    en: 'Movable property (NTD)',
    example: 0,
  },
  immovablePropertyNtd: {
    type: { kind: 'ntd' },
    default: 0,
    zh: '不動產（土地及房屋價值）',
    en: 'Immovable property (NTD)',
    example: 0,
  },
} as const satisfies Record<string, FactSpec>;

export type PersonFactName = keyof typeof PERSON_FACTS;
export type PersonFacts = { [K in PersonFactName]?: unknown };

export interface HouseholdFacts {
  members: Record<string, string>;
  district?: string;
}

export interface FactProblem {
  /** JSON-path-like field name, e.g. `persons.p1.birthDate`. */
  field: string;
  zh: string;
  en: string;
}

export class FactError extends Error {
  override name = 'FactError';
  constructor(readonly problems: FactProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.en}`).join('; '));
  }
}

function checkFact(
  spec: FactSpec,
  value: unknown,
  field: string,
  periodEnd: string,
): FactProblem | undefined {
  const bad = (zh: string, en: string) => ({ field, zh, en });
  switch (spec.type.kind) {
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value))
        return bad('須為 YYYY-MM-DD 日期', 'must be a YYYY-MM-DD date');
      if (value > periodEnd) return bad('不可晚於計算期間', 'must not be after the period');
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : bad('須為 true 或 false', 'must be true or false');
    case 'ntd':
      if (!Number.isSafeInteger(value)) return bad('須為整數（新臺幣元）', 'must be a whole number of NTD');
      return (value as number) < 0 ? bad('不可為負數', 'must not be negative') : undefined;
    case 'integer': {
      const { min, max } = spec.type;
      if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
        return bad(`須為 ${min} 至 ${max} 之整數`, `must be a whole number from ${min} to ${max}`);
      }
      return undefined;
    }
    case 'enum':
      return spec.type.values.includes(value as string)
        ? undefined
        : bad(
            `須為下列之一：${spec.type.values.join('、')}`,
            `must be one of: ${spec.type.values.join(', ')}`,
          );
  }
}

/** Validates a case and lays it out in columns (persons grouped by household, in the order given). */
export function buildPopulation(
  period: string,
  persons: Record<string, PersonFacts>,
  households: Record<string, HouseholdFacts>,
): Population {
  const problems: FactProblem[] = [];
  const periodEnd = lastDayOfMonth(period);
  const order: { personId: string; householdIndex: number; role: number }[] = [];
  const householdIds = Object.keys(households);
  const seen = new Set<string>();
  householdIds.forEach((householdId, householdIndex) => {
    const members = households[householdId]?.members ?? {};
    for (const [personId, role] of Object.entries(members)) {
      const field = `households.${householdId}.members.${personId}`;
      if (!(personId in persons))
        problems.push({ field, zh: '此人未列於 persons', en: 'this person is not in persons' });
      else if (seen.has(personId))
        problems.push({ field, zh: '同一人不可屬於兩戶', en: 'a person belongs to one household only' });
      const roleIndex = ROLES.indexOf(role as (typeof ROLES)[number]);
      if (roleIndex < 0)
        problems.push({
          field,
          zh: `角色須為 ${ROLES.join('、')}`,
          en: `role must be one of: ${ROLES.join(', ')}`,
        });
      seen.add(personId);
      order.push({ personId, householdIndex, role: Math.max(roleIndex, 0) });
    }
  });
  for (const personId of Object.keys(persons)) {
    if (!seen.has(personId))
      problems.push({
        field: `persons.${personId}`,
        zh: '此人不屬於任何一戶',
        en: 'this person is in no household',
      });
    const facts = persons[personId] ?? {};
    for (const name of Object.keys(facts)) {
      if (!(name in PERSON_FACTS))
        problems.push({ field: `persons.${personId}.${name}`, zh: '未知的欄位', en: 'unknown field' });
    }
    for (const [name, spec] of Object.entries(PERSON_FACTS) as [PersonFactName, FactSpec][]) {
      const value = facts[name] ?? spec.default;
      const field = `persons.${personId}.${name}`;
      if (value === undefined) {
        if (spec.required) problems.push({ field, zh: '必填', en: 'is required' });
        continue;
      }
      const problem = checkFact(spec, value, field, periodEnd);
      if (problem) problems.push(problem);
    }
  }
  if (problems.length) throw new FactError(problems);

  const n = order.length;
  const fact = <K extends PersonFactName>(personId: string, name: K) =>
    (persons[personId]?.[name] ?? (PERSON_FACTS[name] as FactSpec).default) as never;
  const p: PersonColumns = {
    count: n,
    id: order.map((o) => o.personId),
    household: Int32Array.from(order, (o) => o.householdIndex),
    role: Uint8Array.from(order, (o) => o.role),
    birthDay: Int32Array.from(order, (o) => toDayNumber(fact(o.personId, 'birthDate'))),
    sex: Uint8Array.from(order, (o) => (fact(o.personId, 'sex') === 'M' ? 1 : 2)),
    registeredInCity: Uint8Array.from(order, (o) => (fact(o.personId, 'registeredInCity') ? 1 : 0)),
    registeredSinceDay: Int32Array.from(order, (o) => {
      const since = fact<'registeredSince'>(o.personId, 'registeredSince') as string | undefined;
      return since ? toDayNumber(since) : toDayNumber(fact(o.personId, 'birthDate'));
    }),
    residesInCity: Uint8Array.from(order, (o) => (fact(o.personId, 'residesInCity') ? 1 : 0)),
    daysInTaiwanLastYear: Int32Array.from(order, (o) => fact(o.personId, 'daysInTaiwanLastYear')),
    disabilityLevel: Uint8Array.from(order, (o) =>
      DISABILITY_LEVELS.indexOf(fact(o.personId, 'disabilityLevel')),
    ),
    earnedIncomeNtd: Int32Array.from(order, (o) => fact(o.personId, 'earnedIncomeNtd')),
    propertyIncomeNtd: Int32Array.from(order, (o) => fact(o.personId, 'propertyIncomeNtd')),
    otherIncomeNtd: Int32Array.from(order, (o) => fact(o.personId, 'otherIncomeNtd')),
    employed: Uint8Array.from(order, (o) => (fact(o.personId, 'employed') ? 1 : 0)),
    registeredUnemployed: Uint8Array.from(order, (o) => (fact(o.personId, 'registeredUnemployed') ? 1 : 0)),
    workInability: Uint8Array.from(order, (o) =>
      WORK_INABILITY_REASONS.indexOf(fact(o.personId, 'workInability')),
    ),
    movablePropertyNtd: Float64Array.from(order, (o) => fact(o.personId, 'movablePropertyNtd')),
    immovablePropertyNtd: Float64Array.from(order, (o) => fact(o.personId, 'immovablePropertyNtd')),
  };
  const memberStart = new Int32Array(householdIds.length);
  const memberCount = new Int32Array(householdIds.length);
  for (let i = n - 1; i >= 0; i--) {
    const h = p.household[i]!;
    memberStart[h] = i;
    memberCount[h] = memberCount[h]! + 1;
  }
  const h: HouseholdColumns = {
    count: householdIds.length,
    id: householdIds,
    district: new Int16Array(householdIds.length).fill(-1),
    memberStart,
    memberCount,
  };
  return { period, persons: p, households: h };
}
