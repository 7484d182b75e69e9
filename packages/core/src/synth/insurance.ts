import type { Random } from './random.ts';
import { SOURCE, type SyntheticChunk } from './tables.ts';

/**
 * Insurance enrolment evidence for one person: the NHI premium they pay themselves (recorded for seniors and
 * certificate holders, whom the premium subsidies read) and the cash-benefit insurance of the employed
 * (which keeps them out of the national pension, 國民年金法 第7條).
 */

/** The NHI category-6 (地區人口) self-paid premium, 826 from 2021 (B, tw-welfare-parameters.md §9.1). */
export const NHI_REGIONAL_PREMIUM = 826;
/** (assumption) Seniors outside the registers whose premium another budget pays (veterans and the like). */
const OTHER_BUDGET_SHARE = 0.1;
/** (assumption) The employed in a cash-benefit insurance: nearly all, fewer in part-time work. */
const INSURED_SHARE = { ordinary: 0.97, status: 0.7 } as const;
/** (assumption) Schemes of the insured employed: labour, civil-service, military, farmers'. */
const SCHEMES = ['labour', 'civil_service', 'military', 'farmers'] as const;
const SCHEME_WEIGHTS = [0.87, 0.07, 0.02, 0.04] as const;

export interface InsuredPerson {
  personId: string;
  age: number;
  disabled: boolean;
  /** Monthly earnings (0: not employed). */
  earned: number;
}

export function addInsurance(
  chunk: SyntheticChunk,
  person: InsuredPerson,
  status: 'low_income' | 'mid_low_income' | null,
  { random, yearStart, evidenceId }: { random: Random; yearStart: string; evidenceId: () => string },
): void {
  const { personId, age, disabled, earned } = person;
  const row = (scheme: string, premium: number, byGovernment: boolean) =>
    chunk.insurance_enrolment.push([
      evidenceId(),
      personId,
      yearStart,
      null,
      SOURCE,
      scheme,
      premium,
      byGovernment,
    ]);
  if (earned > 0 && random.chance(status ? INSURED_SHARE.status : INSURED_SHARE.ordinary)) {
    // (assumption) the employee's share is about 2.4% of earnings.
    row(SCHEMES[random.weighted(SCHEME_WEIGHTS)]!, Math.round(earned * 0.024), false);
  }
  if (age < 65 && !disabled) return;
  // 社會救助法 第19條 (tw-welfare-parameters.md §9.3): a low-income household's premium is paid in full by
  // the central government, a mid-low-income one's by half.
  if (status === 'low_income') row('nhi', 0, true);
  else if (status === 'mid_low_income') row('nhi', Math.round(NHI_REGIONAL_PREMIUM / 2), false);
  else if (age >= 65 && random.chance(OTHER_BUDGET_SHARE)) row('nhi', 0, true);
  // Employees' premiums follow their wage, dependants' and the others' the regional premium (simplified).
  else row('nhi', earned > 0 ? Math.max(Math.round(earned * 0.0155), 300) : NHI_REGIONAL_PREMIUM, false);
}
