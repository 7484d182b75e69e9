import { districtByCode } from '@safetynet/core/districts';
import { Type } from 'typebox';
import { ApiError } from '../../api-error.ts';
import { DistrictCode } from '../schemas.ts';

/** Fields and checks the administration routes share (accounts, API clients, caseloads). */
export const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Districts = Type.Array(DistrictCode, { maxItems: 38, uniqueItems: true });

/** A 400 naming the field, in both languages. */
export const bad = (field: string, zh: string, en: string) =>
  new ApiError(400, `${field}：${zh}`, `${field}: ${en}`, field);

/** The pattern admits codes no district has; the city's list decides. */
export function checkDistricts(field: string, codes: readonly string[]): void {
  for (const code of codes)
    if (!districtByCode(code))
      throw bad(field, `不是高雄市的行政區代碼 ${code}`, `not a Kaohsiung district code: ${code}`);
}
