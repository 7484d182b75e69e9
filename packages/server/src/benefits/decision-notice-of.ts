import { taipeiDay } from '@safetynet/core/calendar';
import { PROGRAMS } from '@safetynet/rules';
import type { DecisionNotice } from '../notices/decision-notice.ts';
import { addresseeName } from '../registry/addressee-name.ts';
import { decisionAsMade } from './application-queries.ts';
import type { Acting, BenefitServices } from './benefit-services.ts';

/** Law codes (D0050078 第4條) are cited on a notice; the seeds' section numbers are for us, not citizens. */
export const isLawReference = (reference: string): boolean => /^[A-Z]\d{7}/.test(reference);

/** A condition's legal reference, from the explanation stored with the decision (code → reference). */
export function referencesOf(explanation: unknown, programId: string): Map<string, string> {
  type Explained = { program: string; reasons: { code: string; reference: string }[] }[];
  const references = new Map<string, string>();
  // Stored as the calculate answer's `results` (an array); older rows may hold the whole answer.
  const results = Array.isArray(explanation)
    ? (explanation as Explained)
    : (explanation as { results?: Explained } | null)?.results;
  for (const result of results ?? [])
    if (result.program === programId)
      for (const reason of result.reasons) references.set(reason.code, reason.reference);
  return references;
}

/**
 * 核定通知書 What a decision's notice says, from the decision as made (its reasons, amount and date) and
 * the applicant's name; the caller's reach is checked as for reading the decision.
 */
export async function decisionNoticeOf(
  services: BenefitServices,
  who: Acting,
  decisionId: string,
): Promise<DecisionNotice> {
  const decision = await decisionAsMade(services, who, decisionId);
  const application = await services.database.db
    .selectFrom('application')
    .select(['applicant_person_id'])
    .where('application_id', '=', decision.applicationId)
    .executeTakeFirstOrThrow();
  const name = await addresseeName(services.database.db, application.applicant_person_id);
  const program = PROGRAMS.get(decision.program);
  const approved = decision.outcome === 'approved';
  const amount = approved ? decision.monthlyAmountNtd : null;
  return {
    referenceNumber: decision.reference,
    applicantName: name,
    program: { zh: program?.nameZh ?? decision.program, en: program?.nameEn ?? decision.program },
    outcome: decision.outcome,
    monthlyAmountNtd: amount,
    firstMonth: amount === null ? null : decision.period,
    reasons: approved
      ? []
      : decision.reasons.map((reason) => ({
          message: reason.message,
          reference: referencesOf(decision.explanation, decision.program).get(reason.code) ?? '',
        })),
    legalBasis: (program?.legalBasis ?? []).filter(isLawReference),
    decidedOn: taipeiDay(decision.decidedAt ?? new Date().toISOString()),
  };
}
