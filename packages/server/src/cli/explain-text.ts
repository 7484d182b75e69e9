import { PROGRAMS } from '@safetynet/rules';

/** The JSON of POST /api/v1/calculate, as far as the explanation reads it. */
interface ReasonJson {
  code: string;
  passed: boolean | null;
  reference: string;
  message: { zh: string; en: string };
  threshold: number | null;
  value: number | null;
  because?: ResultJson;
}

interface ResultJson {
  program: string;
  entity: 'person' | 'household';
  id: string;
  eligible: boolean | null;
  amountNtd: number | null;
  reasons: ReasonJson[];
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

function resultLines(result: ResultJson, indent: string, lines: string[]): void {
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
      const name = PROGRAMS.get(reason.because.program);
      lines.push(
        `${indent}    ↳ ${name ? `${name.nameZh} ${name.nameEn}` : reason.because.program}: ${verdict(reason.because)}`,
      );
      resultLines(reason.because, `${indent}      `, lines);
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
  for (const result of response.results) {
    const program = PROGRAMS.get(result.program);
    const entity = result.entity === 'person' ? '個人 person' : '家戶 household';
    lines.push(
      `${program ? `${program.nameZh} ${program.nameEn}` : result.program} (${result.program}) — ${entity} ${result.id}`,
      `  ${verdict(result)}`,
    );
    resultLines(result, '    ', lines);
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
