import { isIsoDate } from '@safetynet/core/calendar';
import { parse } from 'yaml';
import type { Confidence, Parameter, ParameterSource, ParameterValue } from './parameter.ts';

/**
 * A parameter file (YAML), in the manner of OpenFisca's parameters:
 *
 *   description: { zh: 高雄市最低生活費, en: Kaohsiung minimum living cost }
 *   unit: NTD/month/person
 *   values:
 *     2023-01-01:
 *       value: 14419            # or: unknown
 *       seed: 001 四(四)4(5)     # exactly one of seed / law / url
 *       confidence: A
 *       note: 57,676 ÷ 4 = 14,419
 *
 * Pure: takes the text, gives the parameter or a list of what is wrong.
 */
export class ParameterFileError extends Error {
  override name = 'ParameterFileError';
  constructor(
    readonly parameterId: string,
    readonly problems: string[],
  ) {
    super(`${parameterId}: ${problems.join('; ')}`);
  }
}

const CONFIDENCES = new Set(['A', 'B', 'C']);

export function parseParameterFile(id: string, text: string): Parameter {
  const problems: string[] = [];
  const doc = parse(text, { schema: 'core' }) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') throw new ParameterFileError(id, ['not a YAML mapping']);
  const description = doc.description as { zh?: unknown; en?: unknown } | undefined;
  if (typeof description?.zh !== 'string' || typeof description?.en !== 'string') {
    problems.push('description needs zh and en');
  }
  if (typeof doc.unit !== 'string') problems.push('unit is missing');
  const rawValues = doc.values as Record<string, Record<string, unknown>> | undefined;
  if (!rawValues || typeof rawValues !== 'object') problems.push('values is missing');
  const values: ParameterValue[] = [];
  for (const [from, entry] of Object.entries(rawValues ?? {})) {
    const where = `values.${from}`;
    if (!isIsoDate(from)) problems.push(`${where}: the key must be a YYYY-MM-DD date`);
    const value = entry?.value;
    if (!(value === 'unknown' || (typeof value === 'number' && Number.isFinite(value)))) {
      problems.push(`${where}.value must be a number or "unknown"`);
    }
    const kinds = (['seed', 'law', 'url', 'reference'] as const).filter(
      (k) => typeof entry?.[k] === 'string',
    );
    if (kinds.length !== 1) problems.push(`${where}: exactly one of seed, law, url or reference`);
    if (!CONFIDENCES.has(String(entry?.confidence))) problems.push(`${where}.confidence must be A, B or C`);
    if (value === 'unknown' && typeof entry?.note !== 'string')
      problems.push(`${where}: an unknown value needs a note`);
    const kind = kinds[0] ?? 'url';
    const source: ParameterSource = {
      kind,
      reference: String(entry?.[kind] ?? ''),
      confidence: String(entry?.confidence) as Confidence,
      ...(typeof entry?.note === 'string' ? { note: entry.note } : {}),
    };
    values.push({ from, value: value as number | 'unknown', source });
  }
  if (problems.length) throw new ParameterFileError(id, problems);
  values.sort((a, b) => (a.from < b.from ? -1 : 1));
  return {
    id,
    descriptionZh: description!.zh as string,
    descriptionEn: description!.en as string,
    unit: doc.unit as string,
    values,
  };
}
