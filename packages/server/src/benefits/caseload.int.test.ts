import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { calculate, loadParameters } from '@safetynet/rules';
import { caseOfHousehold } from '@safetynet/rules/engine/case-of';
import { sql } from 'kysely';
import { AuditLog } from '../audit/audit-log.ts';
import { auditChainKey } from '../audit/audit-verify.ts';
import { operatorContext } from '../audit/operator.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { resolveIdKeys } from '../identity/id-keys.ts';
import { IdProtector } from '../identity/id-protector.ts';
import { loadSnapshot } from '../rules/snapshot-store.ts';
import { loadSyntheticCity } from '../synth/load.ts';
import { type CaseloadSummary, generateCaseload, MONTHLY_PROGRAMS } from './caseload.ts';
import { runMonthlyPayments } from './payment-run.ts';

const period = '2024-06';
const parameters = loadParameters();
let database: Database;
let trail: { log: AuditLog; context: ReturnType<typeof operatorContext> };
let summary: CaseloadSummary;

before(async () => {
  database = await openTestDatabase();
  await loadSyntheticCity(database, { scale: 0.003, seed: 5 });
  const protector = new IdProtector(resolveIdKeys(process.env, database));
  trail = { log: new AuditLog(auditChainKey(protector)), context: operatorContext('caseload test') };
  summary = await generateCaseload(database, { period, parameters, trail, chunkSize: 40 });
});
after(() => database.close());

const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows;

test(`the caseload is filed, decided by four eyes and granted as the ledger grants (${testEngine})`, async () => {
  assert.ok(summary.entitlements > 20, `a city of this size has recipients (${summary.entitlements})`);
  assert.equal(summary.decisions, summary.entitlements);
  const perProgram = await rows(
    sql<{ program_id: string; n: number; amount: string }>`SELECT program_id, count(*)::int AS n,
      sum(monthly_amount_ntd)::text AS amount FROM entitlement GROUP BY program_id`,
  );
  for (const program of MONTHLY_PROGRAMS) {
    const stored = perProgram.find((r) => r.program_id === program);
    assert.equal(stored?.n ?? 0, summary.programs[program]!.approved, program);
    assert.equal(Number(stored?.amount ?? 0), summary.programs[program]!.monthlyAmountNtd, program);
  }
  const [shape] = await rows(
    sql<{ applications: number; undecided: number; same_hands: number; orphans: number; payees: number }>`
      SELECT (SELECT count(*)::int FROM application) AS applications,
        (SELECT count(*)::int FROM application WHERE status <> 'decided') AS undecided,
        (SELECT count(*)::int FROM decision WHERE proposed_by = decided_by) AS same_hands,
        (SELECT count(*)::int FROM decision d WHERE NOT EXISTS
          (SELECT 1 FROM entitlement e WHERE e.decision_id = d.decision_id)) AS orphans,
        (SELECT count(*)::int FROM entitlement e JOIN decision d USING (decision_id) JOIN application a USING (application_id)
          WHERE e.payee_person_id <> CASE WHEN e.entity = 'person' THEN e.entity_id ELSE a.applicant_person_id END) AS payees`,
  );
  assert.deepEqual(shape, {
    applications: summary.applications,
    undecided: 0,
    same_hands: 0,
    orphans: 0,
    payees: 0,
  });
  // The two accounts cannot sign in.
  const accounts = await rows(
    sql<{
      password_hash: string | null;
      disabled: boolean;
    }>`SELECT password_hash, disabled_at IS NOT NULL AS disabled
      FROM account WHERE username LIKE 'synthetic-caseload-%'`,
  );
  assert.deepEqual(accounts, [
    { password_hash: null, disabled: true },
    { password_hash: null, disabled: true },
  ]);
});

test(`each decision agrees with the rules evaluating its household alone (${testEngine})`, async () => {
  const decisions = await rows(
    sql<{
      program_id: string;
      entity_id: string;
      monthly_amount_ntd: number;
      household_id: string | null;
      evidence: { snapshotId: string };
      explanation: { reasons: { passed: boolean; reference: string }[] }[];
    }>`
      SELECT d.program_id, d.entity_id, d.monthly_amount_ntd, a.household_id, d.evidence, d.explanation
      FROM decision d JOIN application a USING (application_id)
      WHERE a.household_id IS NOT NULL ORDER BY d.decision_id LIMIT 25`,
  );
  assert.ok(decisions.length > 0);
  const snapshotId = decisions[0]!.evidence.snapshotId;
  assert.equal(snapshotId, summary.snapshotId);
  const [info] = await rows(
    sql<{ snapshot_id: string; period: string; as_of: string; persons: number; households: number }>`
      SELECT snapshot_id, period, as_of, persons, households FROM population_snapshot WHERE snapshot_id = ${snapshotId}`,
  );
  const population = await loadSnapshot(database, {
    snapshotId: info!.snapshot_id,
    period: info!.period,
    asOf: info!.as_of,
    persons: info!.persons,
    households: info!.households,
  });
  for (const decision of decisions) {
    const k = population.households.id.indexOf(decision.household_id!);
    const answer = calculate(
      { period, ...caseOfHousehold(population, k), programs: [decision.program_id] },
      parameters,
    );
    const result = answer.results.find(
      (r) => r.program === decision.program_id && r.id === decision.entity_id,
    );
    assert.equal(result?.eligible, true, `${decision.program_id} ${decision.entity_id}`);
    assert.equal(result?.amountNtd, decision.monthly_amount_ntd);
    // The stored explanation names every condition the single-case path checked, each met, with its reference.
    const stored = decision.explanation[0]!.reasons;
    assert.ok(stored.every((reason) => reason.passed === true && reason.reference !== ''));
    assert.deepEqual(
      stored.map((r) => (r as unknown as { code: string }).code),
      result!.reasons.map((r) => r.code),
    );
  }
});

test(`the month's payroll pays the caseload once; generating again files no one twice (${testEngine})`, async () => {
  const run = await runMonthlyPayments(database, period, trail);
  assert.equal(run.created, summary.entitlements);
  assert.equal(run.totalNtd, summary.monthlyAmountNtd);
  const again = await generateCaseload(database, { period, parameters, trail });
  assert.deepEqual([again.applications, again.entitlements], [0, 0]);
  const [{ n }] = (await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM entitlement`)) as [
    { n: number },
  ];
  assert.equal(n, summary.entitlements);
});

test(`a caseload interrupted after its first chunk goes on where it stopped when run again (${testEngine})`, async () => {
  const july = '2024-07';
  let chunks = 0;
  await assert.rejects(
    generateCaseload(database, {
      period: july,
      parameters,
      trail,
      chunkSize: 40,
      onProgress: (done) => {
        if (done > 0 && ++chunks === 1) throw new Error('interrupted');
      },
    }),
    /interrupted/,
  );
  const count = async () =>
    (
      (await rows(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM entitlement WHERE first_month = ${july}`,
      )) as [{ n: number }]
    )[0].n;
  const afterFirst = await count();
  assert.ok(afterFirst > 0, 'the first chunk committed whole');
  const rest = await generateCaseload(database, { period: july, parameters, trail, chunkSize: 40 });
  const approved = Object.values(rest.programs).reduce((sum, p) => sum + p.approved, 0);
  assert.equal(afterFirst + rest.entitlements, approved);
  assert.equal(await count(), approved);
  const [{ twice }] = (await rows(
    sql<{ twice: number }>`SELECT count(*)::int AS twice FROM (SELECT entity_id, program_id FROM entitlement
      WHERE first_month = ${july} GROUP BY 1, 2 HAVING count(*) > 1) x`,
  )) as [{ twice: number }];
  assert.equal(twice, 0);
});
