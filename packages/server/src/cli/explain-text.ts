import { PROGRAMS } from '@safetynet/rules';

/** The JSON of POST /api/v1/calculate, as far as the explanation reads it. */
interface ReasonJson {
  code: string;
  passed: boolean | null;
  reference: string;
  message: { zh: string; en: string };
  threshold: number | null;
  value: number | null;
  /** Another result of the response, which this condition is. */
  because?: ResultRefJson;
}

interface ResultRefJson {
  program: string;
  entity: 'person' | 'household';
  id: string;
}

interface ResultJson extends ResultRefJson {
  eligible: boolean | null;
  amountNtd: number | null;
  reasons: ReasonJson[];
  /** false for a result listed only because another depends on it. */
  requested: boolean;
}

export interface CalculationJson {
  results: ResultJson[];
  parameters: {
    id: string;
    value: number | 'unknown';
    effectiveFrom: string;
    source: string;
    confidence: string;
  }[];
}

const mark = (passed: boolean | null) => (passed === null ? '?' : passed ? '✓' : '✗');
const number = (n: number) => n.toLocaleString('en-US');

function verdict(result: ResultJson): string {
  const state =
    result.eligible === null
      ? '? 無法判定 cannot be determined'
      : result.eligible
        ? '✓ 符合 eligible'
        : '✗ 不符合 not eligible';
  return result.amountNtd === null ? state : `${state} · 金額 amount NT$ ${number(result.amountNtd)}`;
}

const keyOf = (ref: ResultRefJson) => `${ref.program}\u0000${ref.entity}\u0000${ref.id}`;

/** Writes a result's reasons; a reason that is another result is followed by that result's own, indented. */
function resultLines(
  result: ResultJson,
  indent: string,
  lines: string[],
  byRef: ReadonlyMap<string, ResultJson>,
  shown: ReadonlySet<string> = new Set([keyOf(result)]),
): void {
  for (const reason of result.reasons) {
    // The rules already prefix an unmet condition with 不符： / not met: .
    const figures = [
      reason.value !== null ? `值 value ${number(reason.value)}` : '',
      reason.threshold !== null ? `門檻 threshold ${number(reason.threshold)}` : '',
    ]
      .filter(Boolean)
      .join(' / ');
    lines.push(
      `${indent}${mark(reason.passed)} ${reason.message.zh} ${reason.message.en}` +
        `${figures ? ` — ${figures}` : ''} [${reason.reference}]`,
    );
    if (reason.because) {
      const ref = reason.because;
      const name = PROGRAMS.get(ref.program);
      const title = name ? `${name.nameZh} ${name.nameEn}` : ref.program;
      const dependency = byRef.get(keyOf(ref));
      if (!dependency || shown.has(keyOf(ref))) {
        // Not in the response (or already being shown above): name it without its reasons.
        lines.push(`${indent}    ↳ ${title} (${ref.program}) — ${ref.id}`);
        continue;
      }
      lines.push(`${indent}    ↳ ${title}: ${verdict(dependency)}`);
      resultLines(dependency, `${indent}      `, lines, byRef, new Set([...shown, keyOf(ref)]));
    }
  }
}

/**
 * A calculation as a person reads it: each program and entity with its verdict and amount, then every
 * condition ✓ met / ✗ not met / ? undetermined with the case's value, the threshold and the legal
 * reference, in Traditional Chinese and English; then the parameters used and their sources.
 */
export function explainText(response: CalculationJson, period?: string): string {
  const lines: string[] = [];
  if (period) lines.push(`期間 Period ${period}`, '');
  const byRef = new Map(response.results.map((result) => [keyOf(result), result]));
  // Results listed only because another depends on them are shown under it, where they are a reason.
  for (const result of response.results) {
    if (result.requested === false) continue;
    const program = PROGRAMS.get(result.program);
    const entity = result.entity === 'person' ? '個人 person' : '家戶 household';
    lines.push(
      `${program ? `${program.nameZh} ${program.nameEn}` : result.program} (${result.program}) — ${entity} ${result.id}`,
      `  ${verdict(result)}`,
    );
    resultLines(result, '    ', lines, byRef);
    lines.push('');
  }
  if (response.parameters.length) {
    lines.push('參數 Parameters (在本期間生效 in force in the period):');
    for (const p of response.parameters) {
      const value = p.value === 'unknown' ? '未知 unknown' : number(p.value);
      lines.push(
        `  ${p.id} = ${value} (自 from ${p.effectiveFrom}; 出處 source ${p.source}; 可信度 confidence ${p.confidence})`,
      );
    }
  }
  return lines.join('\n');
}
