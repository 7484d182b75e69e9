import { formatNtd } from '@safetynet/core/money';
import { type ExplainedResult, type ParameterSet, PROGRAMS } from '@safetynet/rules';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { DecisionTable, Schema } from '../db/schema.ts';
import { ASSET_PROGRAMS } from './asset-accounts.ts';
import type { DecisionWritten } from './benefit-services.ts';
import { GRANT_CAP_PARAMETERS, type PaymentRow, paidInYear, payGrant } from './payment-run.ts';

/**
 * One-off grants (一次性給付) from approved decisions, in the decision's transaction: a cash program paid
 * per event or per year (the rules' `period` 'event' or 'year') is paid once through the ledger (payGrant),
 * not made an entitlement. The amount is the rules' evaluation stored on the decision (its
 * `monthly_amount_ntd` column holds the event's amount for these programs). A refusal here undoes the
 * decision: nothing is written.
 *
 * The grant key says what "the same grant" is, so a second application for it is not paid again:
 * - birth-allowance: the child (生育津貼 is per newborn, whoever applies);
 * - immediate-care-aid (馬上關懷): the crisis (household, day it occurred, cause) and the application —
 *   000 參(十)「同一事由經救助後仍陷困境，最多得再予一次之救助」: one further grant (the parameter
 *   `further-grants`), so a third for the same crisis is refused (409);
 * - disaster-relief: the household and the day the disaster struck (one relief per disaster);
 * - capped programs (medical and nursing subsidies): each application is a claim of its own;
 * - other yearly programs (春節慰問金, 重陽節敬老禮金…): once per person or household and year;
 * - other event programs: the application.
 *
 * Yearly caps (GRANT_CAP_PARAMETERS, tier by the payee's status where the law has tiers): the law reads
 * 「每人每年以 15 萬元為限」(000 參(五)、(六)) — the subsidy is paid up to the cap, so a claim that would pass
 * it is limited to what is left of the year's cap. The rules do so already (evaluation.ts gives them the
 * year's payments from the ledger); here it is checked again under the lock, for what was paid between
 * the proposal and the decision. With nothing left (or no amount at all), the decision is refused with 409. The cap counts every payment of the program to the
 * payee in the calendar year (paidInYear), under payGrant's lock per program and payee.
 */

/** Asset-building accounts are cash programs with ledgers of their own (deposits and matches), not grants. */
const NOT_GRANTS = new Set<string>(ASSET_PROGRAMS);

export function isOneOffCash(programId: string): boolean {
  const program = PROGRAMS.get(programId);
  return (
    program?.kind === 'cash' &&
    (program.period === 'event' || program.period === 'year') &&
    !NOT_GRANTS.has(programId)
  );
}

/** The cap's parameter for the payee's status tier, as the decision's evaluation found the household. */
const TIERED_CAPS: Record<string, { low: string; midLow?: string; other?: string }> = {
  'medical-subsidy': {
    low: 'social-assistance.medical-subsidy.annual-cap-low-income',
    midLow: 'social-assistance.medical-subsidy.annual-cap-mid-low-income',
  },
  'hospital-nursing-subsidy': {
    low: 'social-assistance.hospital-nursing-subsidy.annual-cap-low-income',
    midLow: 'social-assistance.hospital-nursing-subsidy.annual-cap-other',
    other: 'social-assistance.hospital-nursing-subsidy.annual-cap-other',
  },
};

function capParameter(programId: string, explanation: ExplainedResult[]): string | undefined {
  const tiers = TIERED_CAPS[programId];
  if (!tiers) return GRANT_CAP_PARAMETERS[programId];
  const status = (id: string) =>
    explanation.find((r) => r.program === id && r.entity === 'household')?.eligible;
  if (status('low-income-status') === true) return tiers.low;
  if (status('mid-low-income-status') === true) return tiers.midLow ?? tiers.low;
  // Status not determined: the default tier (GRANT_CAP_PARAMETERS).
  if (status('low-income-status') === false && status('mid-low-income-status') === false && tiers.other)
    return tiers.other;
  return GRANT_CAP_PARAMETERS[programId];
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

interface EventClaim {
  type: string;
  date: string;
  occurredOn?: string;
  cause?: string;
}

export async function payDecisionGrants(
  trx: Kysely<Schema>,
  decisions: readonly DecisionWritten[],
  trail: AuditTrail,
  parameters: ParameterSet,
): Promise<PaymentRow[]> {
  const paid: PaymentRow[] = [];
  for (const decision of decisions) {
    if (decision.outcome !== 'approved' || !isOneOffCash(decision.programId)) continue;
    // An approved grant of nothing (the rules found it not met, e.g. the yearly cap reached, and it was
    // proposed for approval with a note): refused, so it is not read as paid; the reviewer rejects it.
    if (decision.monthlyAmountNtd === null || decision.monthlyAmountNtd <= 0)
      throw new ApiError(
        409,
        `依規則 ${decision.programId} 本次無可核發之金額（如已達年度上限），請駁回`,
        `the rules give ${decision.programId} no amount to pay (e.g. the yearly cap is reached): reject it`,
      );
    const stored = await trx
      .selectFrom('decision')
      .select(['explanation'])
      .where('decision_id', '=', decision.decisionId)
      .executeTakeFirstOrThrow();
    const application = await trx
      .selectFrom('application')
      .select(['events', 'household_id'])
      .where('application_id', '=', decision.applicationId)
      .executeTakeFirstOrThrow();
    const events = parse<EventClaim[]>(application.events ?? []);
    const program = PROGRAMS.get(decision.programId)!;
    const year = decision.period.slice(0, 4);
    const grantKey = await grantKeyOf(trx, decision, events, year, program.period, parameters);
    const payee =
      decision.programId === 'birth-allowance'
        ? await parentOf(trx, decision, application.household_id)
        : decision.entity === 'household'
          ? decision.applicantPersonId
          : decision.entityId;
    let amountNtd = decision.monthlyAmountNtd;
    const capId = capParameter(decision.programId, parse<ExplainedResult[]>(stored.explanation));
    let yearlyCapNtd: number | undefined;
    if (capId) {
      yearlyCapNtd = parameters.valueOn(capId, `${decision.period}-01`);
      // payGrant takes the same lock again (it is reentrant): what is left is counted under it.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`grant:${decision.programId}:${payee}`}))`.execute(
        trx,
      );
      const left = yearlyCapNtd - (await paidInYear(trx, decision.programId, payee, year));
      if (left <= 0)
        throw new ApiError(
          409,
          `已達 ${year} 年度補助上限 ${formatNtd(yearlyCapNtd)} 元，本次無法核發：${decision.programId}`,
          `the yearly cap of ${formatNtd(yearlyCapNtd)} NTD for ${year} is reached: ${decision.programId} cannot be paid`,
        );
      amountNtd = Math.min(amountNtd, left);
    }
    const { payment, created } = await payGrant(
      trx,
      {
        program: decision.programId,
        grantKey,
        payeePersonId: payee,
        entity: decision.entity,
        entityId: decision.entityId,
        districtCode: decision.districtCode,
        householdId: decision.entity === 'household' ? decision.entityId : application.household_id,
        amountNtd,
        period: decision.period,
        ...(yearlyCapNtd === undefined ? {} : { yearlyCapNtd }),
      },
      trail,
    );
    // The same event paid on an earlier decision (a second application for the same birth or disaster):
    // the reviewer rejects this one instead; approving it would pay nothing and read as paid.
    if (!created)
      throw new ApiError(
        409,
        `此事件之 ${decision.programId} 已於 ${payment.period} 核發（${formatNtd(payment.amount_ntd)} 元），不得重複發給，請駁回`,
        `${decision.programId} was paid for this event already (${payment.period}, ${formatNtd(payment.amount_ntd)} NTD): it is not paid twice; reject this application`,
      );
    paid.push(payment);
  }
  return paid;
}

async function grantKeyOf(
  trx: Kysely<Schema>,
  decision: DecisionWritten,
  events: EventClaim[],
  year: string,
  period: string,
  parameters: ParameterSet,
): Promise<string> {
  const application = `application:${decision.applicationId}`;
  switch (decision.programId) {
    case 'birth-allowance':
      return `birth:${decision.entityId}`;
    case 'disaster-relief': {
      const disaster = events.find((e) => e.type === 'disaster');
      return disaster ? `disaster:${decision.entityId}:${disaster.date}` : application;
    }
    case 'immediate-care-aid': {
      const crisis = events.find((e) => e.type === 'immediate-care');
      if (!crisis) return application;
      const cause = `crisis:${decision.entityId}:${crisis.occurredOn}:${crisis.cause}:`;
      await sql`SELECT pg_advisory_xact_lock(hashtext(${cause}))`.execute(trx);
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM payment
        WHERE kind = 'grant' AND program_id = 'immediate-care-aid' AND grant_key LIKE ${`${cause}%`}
          AND grant_key <> ${cause + decision.applicationId} AND status <> 'cancelled'`.execute(trx);
      const further = parameters.valueOn(
        'social-assistance.immediate-care-aid.further-grants',
        `${decision.period}-01`,
      );
      if ((rows[0]?.n ?? 0) > further)
        throw new ApiError(
          409,
          `同一事由已救助 ${rows[0]!.n} 次，依規定最多再予一次救助（馬上關懷）`,
          `${rows[0]!.n} grants were made for the same crisis already: at most one further grant (馬上關懷)`,
        );
      return cause + decision.applicationId;
    }
  }
  if (period === 'year' && !GRANT_CAP_PARAMETERS[decision.programId] && !TIERED_CAPS[decision.programId])
    return `${decision.entity}:${decision.entityId}:${year}`;
  return application;
}

/** A birth allowance is paid to a parent: the applicant of the child's household (else its spouse role). */
async function parentOf(trx: Kysely<Schema>, decision: DecisionWritten, householdId: string | null) {
  if (!householdId || decision.applicantPersonId !== decision.entityId) return decision.applicantPersonId;
  const { rows } = await sql<{ person_id: string }>`SELECT person_id FROM household_membership
    WHERE household_id = ${householdId} AND role IN ('applicant', 'spouse') AND person_id <> ${decision.entityId}
      AND valid_from <= ${`${decision.period}-28`}::date AND (valid_to IS NULL OR valid_to > ${`${decision.period}-01`}::date)
    ORDER BY (role = 'applicant') DESC, person_id LIMIT 1`.execute(trx);
  return rows[0]?.person_id ?? decision.entityId;
}

/**
 * A one-off program approved on appeal is paid as a first decision would have been (decision-grants.ts):
 * the grant for the application's month, once per event, within the yearly cap.
 */
export async function payGrantOnAppeal(
  trx: Kysely<Schema>,
  decision: Selectable<DecisionTable>,
  trail: AuditTrail,
  parameters: ParameterSet | undefined,
) {
  if (decision.outcome !== 'approved' || !isOneOffCash(decision.program_id)) return;
  if (!parameters) throw new Error('one-off grants on appeal need the rules’ parameters');
  const application = await trx
    .selectFrom('application')
    .select(['period', 'district_code', 'applicant_person_id'])
    .where('application_id', '=', decision.application_id)
    .executeTakeFirstOrThrow();
  await payDecisionGrants(
    trx,
    [
      {
        decisionId: decision.decision_id,
        applicationId: decision.application_id,
        programId: decision.program_id,
        outcome: decision.outcome,
        entity: decision.entity,
        entityId: decision.entity_id,
        monthlyAmountNtd: decision.monthly_amount_ntd,
        period: application.period,
        districtCode: application.district_code,
        applicantPersonId: application.applicant_person_id,
      },
    ],
    trail,
    parameters,
  );
}
