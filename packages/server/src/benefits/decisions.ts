import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { ApiError } from '../api-error.ts';
import type { Schema } from '../db/schema.ts';
import { type ApplicationRow, reachableApplication } from './applications.ts';
import type { Acting, BenefitServices, DecisionWritten } from './benefit-services.ts';
import { evaluateApplication, type ProgramEvaluation } from './evaluation.ts';

/**
 * Four eyes (四眼原則): a district clerk of the application's district proposes an outcome per program
 * on the rules' evaluation; a reviewer of the district, never the proposer, decides. The decision stores
 * what the proposal rested on (explanation, facts, parameters, rules' version), so it reads the same years
 * later. Concurrent decisions: the application's version lets exactly one through.
 */
export interface Reason {
  code: string;
  message: { zh: string; en: string };
}

export interface OutcomeInput {
  program: string;
  outcome: 'approved' | 'rejected';
  /** A rejection's reasons (default: the conditions the rules found not met). */
  reasons?: Reason[];
}

/** One program's proposed outcome, with the evaluation it rests on. */
export interface ProposedOutcome extends ProgramEvaluation {
  outcome: 'approved' | 'rejected';
  reasons: Reason[];
}

const conflict = (zh: string, en: string) => new ApiError(409, zh, en);

function mustBeOfDistrict(who: Acting, role: 'district-clerk' | 'reviewer', district: string) {
  const { actor } = who;
  if (actor.kind !== 'staff' || actor.role !== role || !actor.districts.includes(district))
    throw new ApiError(
      403,
      role === 'reviewer' ? '僅本區審核人員得核定' : '僅本區承辦人得擬辦',
      role === 'reviewer'
        ? 'only a reviewer of the application’s district decides'
        : 'only a district clerk of the application’s district proposes',
    );
}

export async function proposeOutcome(
  services: BenefitServices,
  who: Acting,
  applicationId: string,
  input: { outcomes: OutcomeInput[]; note?: string },
) {
  const application = await reachableApplication(services, who, applicationId, 'applications:propose');
  mustBeOfDistrict(who, 'district-clerk', application.district_code);
  if (application.status !== 'submitted')
    throw conflict(
      `案件${STATUS_WORDS[application.status].zh}，無法擬辦`,
      `the application is ${STATUS_WORDS[application.status].en}: it cannot be proposed on`,
    );
  const db = services.database.db;
  const programs = (
    await db
      .selectFrom('application_program')
      .select('program_id')
      .where('application_id', '=', applicationId)
      .execute()
  ).map((r) => r.program_id);
  const given = new Map(input.outcomes.map((o, k) => [o.program, { ...o, k }]));
  for (const [program, { k }] of given)
    if (!programs.includes(program))
      throw new ApiError(
        400,
        `本案未申請此方案：${program}`,
        `not a program of this application: ${program}`,
        `body.outcomes.${k}.program`,
      );
  const missing = programs.find((program) => !given.has(program));
  if (missing)
    throw new ApiError(
      400,
      `缺少方案之擬辦結果：${missing}`,
      `no outcome proposed for ${missing}`,
      'body.outcomes',
    );
  const evaluations = await evaluateApplication(services, application, programs);
  const outcomes: ProposedOutcome[] = evaluations.map((evaluation) => {
    const { outcome, reasons, k } = given.get(evaluation.program)!;
    if (outcome === 'rejected') {
      const why = reasons?.length
        ? reasons
        : evaluation.failed.map(({ code, message }) => ({ code, message }));
      if (why.length === 0)
        throw new ApiError(
          400,
          `駁回須附理由：${evaluation.program} 依規則符合資格，請敘明駁回理由`,
          `a rejection needs reasons: the rules find ${evaluation.program} met, so state why it is rejected`,
          `body.outcomes.${k}.reasons`,
        );
      return { ...evaluation, outcome, reasons: why, amountNtd: null };
    }
    if (evaluation.eligible !== true && !input.note?.trim())
      throw new ApiError(
        400,
        `規則認定不符 ${evaluation.program} 之資格，擬核准須附說明`,
        `the rules find ${evaluation.program} not met: a proposed approval needs a note`,
        'body.note',
      );
    return { ...evaluation, outcome, reasons: [] };
  });
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('application')
      .set({ status: 'in_review', version: sql`version + 1` })
      .where('application_id', '=', applicationId)
      .where('version', '=', application.version)
      .where('status', '=', 'submitted')
      .returning('version')
      .executeTakeFirst();
    if (!updated)
      throw conflict('案件已由他人變更，請重新載入', 'the application was changed meanwhile: reload it');
    const proposal = await trx
      .insertInto('proposal')
      .values({
        proposal_id: randomUUID(),
        application_id: applicationId,
        proposed_by: who.actor.id!,
        proposed_at: services.now(),
        outcomes: JSON.stringify(outcomes),
        note: input.note ?? null,
        status: 'open',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await services.audit.append(trx, who.audit, [
      {
        action: 'propose',
        recordType: 'application',
        recordId: applicationId,
        details: {
          proposalId: proposal.proposal_id,
          outcomes: outcomes.map((o) => ({ program: o.program, outcome: o.outcome, amountNtd: o.amountNtd })),
        },
      },
    ]);
    return { proposal, version: updated.version, outcomes };
  });
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export async function decide(
  services: BenefitServices,
  who: Acting,
  applicationId: string,
  input: { version?: number; rejections?: { program: string; reasons?: Reason[] }[] },
): Promise<{ decisions: DecisionWritten[]; version: number }> {
  const application = await reachableApplication(services, who, applicationId, 'applications:decide');
  mustBeOfDistrict(who, 'reviewer', application.district_code);
  if (input.version !== undefined && input.version !== application.version) throw lostRace();
  if (application.status === 'decided') throw lostRace();
  if (application.status !== 'in_review')
    throw conflict(
      `案件${STATUS_WORDS[application.status].zh}，無待核定之擬辦`,
      `the application is ${STATUS_WORDS[application.status].en}: there is no proposal to decide`,
    );
  const db = services.database.db;
  const proposal = await db
    .selectFrom('proposal')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  // An application in review always has its open proposal: none means a reviewer decided in between.
  if (!proposal) throw lostRace();
  if (proposal.proposed_by === who.actor.id)
    throw new ApiError(
      403,
      '擬辦者不得核定同一案件（四眼原則）',
      'the proposer cannot decide the same application (four eyes)',
    );
  const outcomes = overruled(parse<ProposedOutcome[]>(proposal.outcomes), input.rejections ?? []);
  const decidedAt = services.now();
  return db.transaction().execute(async (trx) => {
    // The version read above: a reviewer who decided meanwhile moved it on, and this one finds no row.
    const updated = await trx
      .updateTable('application')
      .set({ status: 'decided', version: sql`version + 1` })
      .where('application_id', '=', applicationId)
      .where('version', '=', application.version)
      .where('status', '=', 'in_review')
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw lostRace();
    await trx
      .updateTable('proposal')
      .set({ status: 'decided' })
      .where('proposal_id', '=', proposal.proposal_id)
      .execute();
    const decisions: DecisionWritten[] = [];
    for (const o of outcomes) {
      const decisionId = randomUUID();
      await trx
        .insertInto('decision')
        .values({
          decision_id: decisionId,
          application_id: applicationId,
          proposal_id: proposal.proposal_id,
          program_id: o.program,
          kind: 'initial',
          outcome: o.outcome,
          entity: o.entity,
          entity_id: o.entityId,
          monthly_amount_ntd: o.outcome === 'approved' ? o.amountNtd : null,
          reasons: JSON.stringify(o.reasons),
          explanation: JSON.stringify(o.explanation),
          evidence: JSON.stringify(o.evidence),
          parameters: JSON.stringify(o.parameters),
          rules_version: o.rulesVersion,
          proposed_by: proposal.proposed_by,
          decided_by: who.actor.id!,
          decided_at: decidedAt,
        })
        .execute();
      decisions.push({
        decisionId,
        applicationId,
        programId: o.program,
        outcome: o.outcome,
        entity: o.entity,
        entityId: o.entityId,
        monthlyAmountNtd: o.outcome === 'approved' ? o.amountNtd : null,
        period: application.period,
        districtCode: application.district_code,
        applicantPersonId: application.applicant_person_id,
      });
    }
    await services.audit.append(trx, who.audit, [
      {
        action: 'decide',
        recordType: 'application',
        recordId: applicationId,
        details: {
          decisions: decisions.map((d) => ({ id: d.decisionId, program: d.programId, outcome: d.outcome })),
        },
      },
    ]);
    await services.onDecided(trx, decisions, who.audit);
    return { decisions, version: updated.version };
  });
}

/**
 * The reviewer may reject what was proposed for approval, with reasons (default: the conditions the rules
 * found not met); approving what was proposed for rejection goes back to the clerk as a new proposal.
 */
function overruled(
  outcomes: ProposedOutcome[],
  rejections: { program: string; reasons?: Reason[] }[],
): ProposedOutcome[] {
  const byProgram = new Map(rejections.map((r, k) => [r.program, { ...r, k }]));
  for (const [program, { k }] of byProgram)
    if (!outcomes.some((o) => o.program === program))
      throw new ApiError(
        400,
        `本案未申請此方案：${program}`,
        `not a program of this application: ${program}`,
        `body.rejections.${k}.program`,
      );
  return outcomes.map((o) => {
    const rejection = byProgram.get(o.program);
    if (!rejection || o.outcome === 'rejected') return o;
    const reasons = rejection.reasons?.length
      ? rejection.reasons
      : o.failed.map(({ code, message }) => ({ code, message }));
    if (reasons.length === 0)
      throw new ApiError(
        400,
        `駁回須附理由：${o.program} 依規則符合資格，請敘明駁回理由`,
        `a rejection needs reasons: the rules find ${o.program} met, so state why it is rejected`,
        `body.rejections.${rejection.k}.reasons`,
      );
    return { ...o, outcome: 'rejected' as const, reasons, amountNtd: null };
  });
}

/** An application's status in the words a clerk reads in a refusal. */
const STATUS_WORDS: Record<ApplicationRow['status'], { zh: string; en: string }> = {
  draft: { zh: '尚為草稿', en: 'still a draft' },
  submitted: { zh: '尚待擬辦', en: 'waiting for a proposal' },
  in_review: { zh: '已擬辦待核定', en: 'proposed, waiting for a decision' },
  decided: { zh: '已核定', en: 'already decided' },
  appealed: { zh: '訴願中', en: 'under appeal' },
  redecided: { zh: '已重新核定', en: 'decided again' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

const lostRace = () =>
  conflict(
    '此案件已由其他審核人員核定或變更，請重新載入',
    'another reviewer decided or changed this application meanwhile: reload it',
  );

/** The approved decisions of an application (for entitlements). */
export async function approvedDecisions(trx: Kysely<Schema>, applicationId: string) {
  return trx
    .selectFrom('decision')
    .select([
      'decision_id',
      'program_id',
      'entity',
      'entity_id',
      'monthly_amount_ntd',
      'decided_at',
      'decided_by',
    ])
    .where('application_id', '=', applicationId)
    .where('outcome', '=', 'approved')
    .orderBy('program_id')
    .execute();
}
