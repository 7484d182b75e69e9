import { isIsoDate, parseRocDate } from '../calendar.ts';
import { findDistrict } from '../districts.ts';
import { checkIdNumber } from '../identity/id-number.ts';

/**
 * The registry's CSV files (docs/csv-format.md): one file per kind, a header row, one record per line.
 * Column types validate and normalise one cell each; every message in Traditional Chinese and English.
 */
export type ColumnType =
  | { kind: 'text'; maxLength: number }
  | { kind: 'date' }
  | { kind: 'district' }
  | { kind: 'idNumber' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'boolean' };

export interface Column {
  name: string;
  type: ColumnType;
  required: boolean;
}

export type CellValue = string | number | boolean | null;
export type CellResult = { ok: true; value: CellValue } | { ok: false; zh: string; en: string };

const TRUE = new Set(['true', 't', '1', 'y', 'yes', '是']);
const FALSE = new Set(['false', 'f', '0', 'n', 'no', '否']);

export function parseCell(column: Column, raw: string | undefined): CellResult {
  const text = (raw ?? '').trim();
  if (text === '') {
    return column.required ? { ok: false, zh: '必填', en: 'is required' } : { ok: true, value: null };
  }
  const type = column.type;
  switch (type.kind) {
    case 'text':
      return text.length <= type.maxLength
        ? { ok: true, value: text }
        : { ok: false, zh: `長度不可超過 ${type.maxLength}`, en: `longer than ${type.maxLength} characters` };
    case 'date': {
      const iso = isIsoDate(text) ? text : parseRocDate(text);
      return iso
        ? { ok: true, value: iso }
        : {
            ok: false,
            zh: `不是有效日期：${text}（YYYY-MM-DD 或民國 112/06/30）`,
            en: `not a valid date: ${text} (YYYY-MM-DD or ROC 112/06/30)`,
          };
    }
    case 'district': {
      const district = findDistrict(text);
      return district
        ? { ok: true, value: district.code }
        : { ok: false, zh: `不是高雄市的行政區：${text}`, en: `not a Kaohsiung district: ${text}` };
    }
    case 'idNumber': {
      const check = checkIdNumber(text);
      if (check.valid) return { ok: true, value: check.idNumber };
      return check.reason === 'format'
        ? {
            ok: false,
            zh: `身分證或統一證號格式不符：${text}`,
            en: `not a national ID or resident certificate number: ${text}`,
          }
        : { ok: false, zh: `檢查碼錯誤：${text}`, en: `wrong check digit: ${text}` };
    }
    case 'enum':
      return type.values.includes(text)
        ? { ok: true, value: text }
        : {
            ok: false,
            zh: `須為下列之一：${type.values.join('、')}`,
            en: `must be one of: ${type.values.join(', ')}`,
          };
    case 'integer': {
      const value = /^-?\d+$/.test(text.replace(/,/g, '')) ? Number(text.replace(/,/g, '')) : Number.NaN;
      if (!Number.isSafeInteger(value))
        return { ok: false, zh: `須為整數：${text}`, en: `must be a whole number: ${text}` };
      if (value < type.min)
        return { ok: false, zh: `不可小於 ${type.min}`, en: `must be at least ${type.min}` };
      if (value > type.max)
        return { ok: false, zh: `不可大於 ${type.max}`, en: `must be at most ${type.max}` };
      return { ok: true, value };
    }
    case 'boolean':
      if (TRUE.has(text.toLowerCase())) return { ok: true, value: true };
      if (FALSE.has(text.toLowerCase())) return { ok: true, value: false };
      return { ok: false, zh: `須為 true 或 false：${text}`, en: `must be true or false: ${text}` };
  }
}
