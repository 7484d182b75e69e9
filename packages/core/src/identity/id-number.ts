/**
 * Taiwan national ID numbers (國民身分證統一編號) and resident certificate numbers (統一證號).
 * Source: shared reference `tw-welfare-parameters.md` §12 (algorithm: confidence A; new format: MOI/NIA
 * announcement, CNA 2020-12-16).
 *
 *   National ID                   ^[A-Z][12]\d{8}$    2nd character 1 male, 2 female
 *   統一證號, new (from 2021-01-02) ^[A-Z][89]\d{8}$    8 male, 9 female
 *   統一證號, old (until 2030-12-31) ^[A-Z][A-D]\d{8}$  2nd letter; checksum uses its value's units digit
 *
 * Checksum: the first letter as its two digits d1 d2; n1 = 2nd character (old format: units digit of the
 * second letter's value, A→0 … D→3); n2…n8 = characters 3–9; c = character 10.
 * Valid when (d1×1 + d2×9 + n1×8 + n2×7 + … + n8×1 + c) mod 10 = 0.
 */
export type IdNumberKind = 'national_id' | 'resident_new' | 'resident_old';

/** First-letter values (the letter is the issuing region; Kaohsiung City = E, former county = S). */
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 10,
  B: 11,
  C: 12,
  D: 13,
  E: 14,
  F: 15,
  G: 16,
  H: 17,
  I: 34,
  J: 18,
  K: 19,
  L: 20,
  M: 21,
  N: 22,
  O: 35,
  P: 23,
  Q: 24,
  R: 25,
  S: 26,
  T: 27,
  U: 28,
  V: 29,
  W: 32,
  X: 30,
  Y: 31,
  Z: 33,
};

const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1] as const;

export type IdNumberCheck =
  | { valid: true; idNumber: string; kind: IdNumberKind; sex: 'M' | 'F' | undefined }
  | { valid: false; reason: 'format' | 'checksum' };

/** Upper-cases and trims; full-width letters and digits (Ａ１２…) become ASCII. */
export function normalizeIdNumber(input: string): string {
  return input
    .trim()
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    .toUpperCase();
}

function kindOf(id: string): IdNumberKind | undefined {
  if (/^[A-Z][12]\d{8}$/.test(id)) return 'national_id';
  if (/^[A-Z][89]\d{8}$/.test(id)) return 'resident_new';
  if (/^[A-Z][A-D]\d{8}$/.test(id)) return 'resident_old';
  return undefined;
}

/** The weighted sum of the first nine characters (everything but the check digit). */
function weightedSum(id: string, kind: IdNumberKind): number {
  const letter = LETTER_VALUES[id[0]!]!;
  const second = kind === 'resident_old' ? LETTER_VALUES[id[1]!]! % 10 : Number(id[1]);
  const digits = [Math.floor(letter / 10), letter % 10, second, ...id.slice(2, 9).split('').map(Number)];
  return digits.reduce((sum, digit, i) => sum + digit * WEIGHTS[i]!, 0);
}

export function checkIdNumber(input: string): IdNumberCheck {
  const id = normalizeIdNumber(input);
  const kind = kindOf(id);
  if (!kind) return { valid: false, reason: 'format' };
  if ((weightedSum(id, kind) + Number(id[9])) % 10 !== 0) return { valid: false, reason: 'checksum' };
  const second = id[1]!;
  const sex = second === '1' || second === '8' ? 'M' : second === '2' || second === '9' ? 'F' : undefined;
  return { valid: true, idNumber: id, kind, sex };
}

export function isValidIdNumber(input: string): boolean {
  return checkIdNumber(input).valid;
}

/** Completes nine characters (letter, sex/kind character, seven digits) with their check digit. */
export function withCheckDigit(firstNine: string): string {
  const id = `${firstNine}0`;
  const kind = kindOf(id);
  if (!kind) throw new Error(`not the first nine characters of an ID number: ${firstNine}`);
  return `${firstNine}${(10 - (weightedSum(id, kind) % 10)) % 10}`;
}

/** `A123456789` → `A12*****89`: what most roles see. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length !== 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}*****${idNumber.slice(8)}`;
}
