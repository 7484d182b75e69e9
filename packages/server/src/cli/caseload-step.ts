import type { IsoMonth } from '@safetynet/core/calendar';
import { loadParameters } from '@safetynet/rules';
import { operatorTrail } from '../audit/operator.ts';
import { type CaseloadSummary, generateCaseload } from '../benefits/caseload.ts';
import type { Database } from '../db/database.ts';
import { progressBar } from './progress.ts';

/** The synthetic city's caseload for a month (benefits/caseload.ts), with a progress bar, audited as the operator's. */
export async function caseloadStep(database: Database, period: IsoMonth): Promise<CaseloadSummary> {
  const trail = operatorTrail(database, 'caseload');
  console.error(`個案量 caseload: evaluating ${period} and filing what the city's households qualify for…`);
  const bar = progressBar(`個案量 caseload ${period}`);
  try {
    return await generateCaseload(database, {
      period,
      parameters: loadParameters(),
      trail,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.stop();
  }
}

/** One line per program of what the caseload holds, and what the rules left for a clerk. */
export function caseloadLines(summary: CaseloadSummary): string[] {
  return Object.entries(summary.programs)
    .filter(([, p]) => p.approved > 0 || p.undetermined > 0)
    .map(
      ([program, p]) =>
        `  ${program.padEnd(44)} ${String(p.approved).padStart(8)} approved ${String(p.undetermined).padStart(8)} undetermined`,
    );
}
