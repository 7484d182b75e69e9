import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { CATALOG } from '@safetynet/rules/programs/catalog';
import { sql } from 'kysely';
import type { ApiError } from '../api-error.ts';
import type { AuditTrail } from '../audit/audit-log.ts';
import {
  approvedDecision,
  type BenefitWorld,
  benefitWorld,
  household,
} from '../benefits/benefit-fixtures.ts';
import { changeEntitlement, grantEntitlements } from '../benefits/entitlements.ts';
import { runMonthlyPayments } from '../benefits/payment-run.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { addAccount } from '../http/test-clients.ts';
import { actorOf } from '../identity/accounts.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { budgetExecution } from '../reports/budget-execution.ts';
import { amendLine } from './line-amendments.ts';
import { listAmendments, readPlan } from './plan-queries.ts';
import { createPlan } from './plans.ts';
import { loadDemoPlans, loadSamplePlan, readSamplePlan } from './sample-plan.ts';

let database: Database;
let world: BenefitWorld;
let officer: AuditTrail;

before(async () => {
  database = await openTestDatabase();
  const protector = new IdProtector(generateIdKeys('test'));
  world = await benefitWorld(database, protector);
  const account = await addAccount(database, protector, {
    username: 'budget-officer',
    role: 'program-officer',
  });
  officer = { log: world.trail.log, context: { actor: actorOf(account), ip: null, purpose: null } };
});
after(() => database.close());

const rejects = (promise: Promise<unknown>, status: number, field?: string) =>
  assert.rejects(promise, (error: ApiError) => {
    assert.equal(error.status, status, error.message);
    if (field) assert.equal(error.field, field);
    return true;
  });

const auditOf = (recordType: string) =>
  database.db
    .selectFrom('audit_entry')
    .select(['action', 'record_id', 'details', 'actor_name'])
    .where('record_type', '=', recordType)
    .orderBy('seq')
    .execute();

test(`the 2018 sample loads as printed, once; loading again changes nothing (${testEngine})`, async () => {
  const first = await loadSamplePlan(database, world.trail);
  const second = await loadSamplePlan(database, world.trail);
  assert.deepEqual([first.created, second.created], [true, false]);
  const plans = await database.db.selectFrom('budget_plan').select('plan_year').execute();
  assert.deepEqual(plans, [{ plan_year: 2018 }]);
  const plan = (await readPlan(database.db, 2018))!;
  assert.equal(plan.rocYear, 107);
  assert.equal(plan.lines.length, 14);
  assert.equal(plan.totalThousandNtd, 15_694_482);
  const byCategory = new Map<string, number>();
  for (const line of plan.lines)
    byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + line.budgetThousandNtd);
  assert.deepEqual(Object.fromEntries(byCategory), {
    '壹、一般行政': 40_724,
    '貳、人民團體輔導、社區發展暨推行合作業務': 8_650,
    '參、社會救助': 1_241_715,
    '肆、福利服務': 10_938_524,
    '伍、社會工作': 6_370,
    '陸、社會保險': 2_945_801,
    '柒、廳舍修建與充實設備': 90_259,
    '捌、人事費及第一預備金': 422_439,
  });
  const line = (item: string) => plan.lines.find((l) => l.item === item)!;
  assert.deepEqual(
    [line('一、人事費').budgetThousandNtd, line('二、第一預備金').budgetThousandNtd],
    [418_031, 4_408],
  );
  assert.equal(line('一、行政管理').note, '不含人事費');
  // Programs by their catalog seed references; statuses measure nothing; a program on one line only.
  const assistance = line('貧困及災害救助').programIds;
  const services = line('社會福利措施').programIds;
  const insurance = line('社會保險').programIds;
  for (const id of [
    'low-income-living-allowance',
    'spring-festival-payment',
    'emergency-aid',
    'children-future-account',
  ])
    assert.ok(assistance.includes(id), id);
  for (const id of ['senior-living-allowance', 'disability-living-allowance', 'birth-allowance'])
    assert.ok(services.includes(id), id);
  for (const id of [
    'national-pension-premium-subsidy',
    'senior-nhi-premium-subsidy',
    'third-child-nhi-premium',
  ])
    assert.ok(insurance.includes(id), id);
  assert.ok(!assistance.includes('low-income-status') && !services.includes('third-child-nhi-premium'));
  assert.ok(!assistance.includes('low-income-child-allowance'), 'a program the 2018 plan does not name');
  const all = plan.lines.flatMap((l) => l.programIds);
  assert.equal(new Set(all).size, all.length);
  const expected = CATALOG.filter((c) => c.kind !== 'status' && /000 [參肆陸]/.test(c.seed)).length;
  assert.equal(all.length, expected);
  // One audit entry for the load, one first version per line.
  const audit = await auditOf('budget-plan');
  assert.deepEqual(
    audit.map((a) => [a.action, a.record_id]),
    [['create', '2018']],
  );
  const versions = await listAmendments(database.db, 2018);
  assert.equal(versions.length, 14);
  assert.ok(versions.every((v) => v.version === 1 && v.previousBudgetThousandNtd === null));
  // The data file's own printed totals are what was loaded.
  assert.equal(readSamplePlan().totalThousandNtd, plan.totalThousandNtd);
});

test(`a year copied from another, a retry answers it, another way of making it is a conflict (${testEngine})`, async () => {
  await loadSamplePlan(database, world.trail);
  await rejects(createPlan(database.db, officer, { year: 2025, copyFrom: 2019 }), 404, 'body.copyFrom');
  await rejects(createPlan(database.db, officer, { year: 2025, copyFrom: 2025 }), 400, 'body.copyFrom');
  const copy = await createPlan(database.db, officer, { year: 2025, copyFrom: 2018 });
  assert.equal(copy.created, true);
  assert.equal(copy.plan.copiedFromYear, 2018);
  assert.equal(copy.plan.totalThousandNtd, 15_694_482);
  assert.match(copy.plan.source, /2018/);
  const original = (await readPlan(database.db, 2018))!;
  assert.deepEqual(
    copy.plan.lines.map((l) => [l.category, l.item, l.budgetThousandNtd, l.programIds, l.version]),
    original.lines.map((l) => [l.category, l.item, l.budgetThousandNtd, l.programIds, 1]),
  );
  assert.ok(copy.plan.lines.every((l, k) => l.lineId !== original.lines[k]!.lineId));
  const retry = await createPlan(database.db, officer, { year: 2025, copyFrom: 2018 });
  assert.equal(retry.created, false);
  await rejects(createPlan(database.db, officer, { year: 2025 }), 409, 'body.year');
  const empty = await createPlan(database.db, officer, { year: 2026, source: '114年度預算書' });
  assert.deepEqual([empty.plan.lines.length, empty.plan.source], [0, '114年度預算書']);
  assert.equal((await readPlan(database.db, 2018))!.lines[0]!.lineId, original.lines[0]!.lineId);
});

test(`an amendment keeps the history and its audit entry; a retry is answered, a stale one refused (${testEngine})`, async () => {
  await loadSamplePlan(database, world.trail);
  await createPlan(database.db, officer, { year: 2021, copyFrom: 2018 });
  const plan = (await readPlan(database.db, 2021))!;
  const assistance = plan.lines.find((l) => l.item === '貧困及災害救助')!;
  const services = plan.lines.find((l) => l.item === '社會福利措施')!;
  const amend = { version: 1, budgetThousandNtd: 1_300_000, reason: '112年度預算書核定數' };
  const first = await amendLine(database.db, officer, 2021, assistance.lineId, amend);
  assert.deepEqual([first.repeated, first.line.version, first.line.budgetThousandNtd], [false, 2, 1_300_000]);
  const again = await amendLine(database.db, officer, 2021, assistance.lineId, amend);
  assert.deepEqual([again.repeated, again.line.version], [true, 2]);
  await rejects(
    amendLine(database.db, officer, 2021, assistance.lineId, { ...amend, budgetThousandNtd: 1 }),
    409,
    'body.version',
  );
  await rejects(
    amendLine(database.db, officer, 2021, assistance.lineId, { version: 2, reason: '  ' }),
    400,
    'body.reason',
  );
  await rejects(
    amendLine(database.db, officer, 2021, assistance.lineId, { version: 2, reason: 'x' }),
    400,
    'body.budgetThousandNtd',
  );
  await rejects(
    amendLine(database.db, officer, 2021, assistance.lineId, {
      version: 2,
      budgetThousandNtd: 1_300_000,
      reason: 'x',
    }),
    400,
  );
  await rejects(
    amendLine(database.db, officer, 2021, assistance.lineId, {
      version: 2,
      programIds: ['no-such'],
      reason: 'x',
    }),
    400,
    'body.programIds',
  );
  // senior-living-allowance is on the welfare-services line: not on two lines.
  await rejects(
    amendLine(database.db, officer, 2021, assistance.lineId, {
      version: 2,
      programIds: [...assistance.programIds, 'senior-living-allowance'],
      reason: '改列',
    }),
    409,
    'body.programIds',
  );
  await rejects(amendLine(database.db, officer, 2018, assistance.lineId, amend), 404);
  const moved = await amendLine(database.db, officer, 2021, assistance.lineId, {
    version: 2,
    programIds: [...assistance.programIds, 'low-income-child-allowance'],
    reason: '112年新增方案',
  });
  assert.ok(moved.line.programIds.includes('low-income-child-allowance'));
  assert.equal(moved.line.budgetThousandNtd, 1_300_000);
  const history = (await listAmendments(database.db, 2021)).filter((a) => a.lineId === assistance.lineId);
  assert.deepEqual(
    history.map((h) => [h.version, h.budgetThousandNtd, h.previousBudgetThousandNtd, h.amendedBy]),
    [
      [3, 1_300_000, 1_300_000, 'budget-officer'],
      [2, 1_300_000, 1_241_715, 'budget-officer'],
      [1, 1_241_715, null, 'budget-officer'],
    ],
  );
  assert.deepEqual(history[0]!.previousProgramIds, [...assistance.programIds].sort());
  const audit = (await auditOf('budget-line')).filter((a) => a.record_id === assistance.lineId);
  assert.deepEqual(
    audit.map((a) => [a.action, (JSON.parse(a.details) as { version: number }).version, a.actor_name]),
    [
      ['amend', 2, 'budget-officer'],
      ['amend', 3, 'budget-officer'],
    ],
  );
  // The 2018 plan is untouched by the 2021 amendments.
  const original = (await readPlan(database.db, 2018))!;
  assert.equal(original.lines.find((l) => l.item === '貧困及災害救助')!.budgetThousandNtd, 1_241_715);
  assert.equal(services.version, 1);
});

/** A grant payment written as a row: the statuses a payment passes through, in any month. */
async function grant(program: string, period: string, amountNtd: number, status = 'paid') {
  await database.db
    .insertInto('payment')
    .values({
      payment_id: randomUUID(),
      kind: 'grant',
      program_id: program,
      period,
      payee_person_id: randomUUID(),
      entity: 'household',
      entity_id: randomUUID(),
      district_code: '64000080',
      amount_ntd: amountNtd,
      grant_key: randomUUID(),
      status: status as 'paid',
    })
    .execute();
}

test(`execution equals the payments summed independently; the alert follows the amended budget (${testEngine})`, async () => {
  await loadSamplePlan(database, world.trail);
  await createPlan(database.db, officer, { year: 2023, copyFrom: 2018 });
  // A monthly allowance paid Jan–Mar by the payment run, raised in March (the run rate sees the raise).
  const h = await household(world);
  const decision = await approvedDecision(database, world, {
    ...h,
    program: 'low-income-living-allowance',
    entity: 'household',
    entityId: h.householdId,
    monthlyAmountNtd: 12_000,
    period: '2023-01',
  });
  const [entitlement] = await database.db
    .transaction()
    .execute((trx) => grantEntitlements(trx, [decision], world.trail));
  await runMonthlyPayments(database, '2023-01', world.trail);
  await runMonthlyPayments(database, '2023-02', world.trail);
  await database.db
    .transaction()
    .execute((trx) =>
      changeEntitlement(
        trx,
        entitlement!.entitlement_id,
        { from: '2023-03', monthlyAmountNtd: 13_500, reason: '調整' },
        world.trail,
      ),
    );
  await runMonthlyPayments(database, '2023-03', world.trail);
  // Grants per event, the Spring Festival payment once a year, statuses that do not count, other years,
  // and a program no line of the 2018 copy names.
  await grant('emergency-aid', '2023-01', 10_000);
  await grant('emergency-aid', '2023-03', 20_000, 'sent');
  await grant('emergency-aid', '2023-03', 5_000, 'returned');
  await grant('emergency-aid', '2023-02', 7_000, 'cancelled');
  await grant('spring-festival-payment', '2023-01', 6_000, 'pending');
  await grant('national-pension-premium-subsidy', '2023-02', 1_001);
  await grant('emergency-aid', '2022-12', 99_000);
  await grant('emergency-aid', '2023-04', 99_000);
  await grant('low-income-child-allowance', '2023-02', 2_500);

  const report = await budgetExecution(database.db, 2023, '2023-03');
  assert.equal(report.asOf, '2023-03');
  assert.equal(report.monthsLeft, 9);
  // Independent sums: the payment table joined to the plan's programs, counted statuses only.
  const { rows } = await sql<{ line_id: string; month: string; amount: string }>`
    SELECT b.line_id, substr(p.period, 6, 2) AS month, sum(p.amount_ntd)::text AS amount
    FROM payment p JOIN budget_line_program b ON b.program_id = p.program_id AND b.plan_year = 2023
    WHERE p.period BETWEEN '2023-01' AND '2023-03' AND p.status IN ('pending', 'sent', 'paid')
    GROUP BY 1, 2`.execute(database.db);
  for (const line of report.lines) {
    const months = [1, 2, 3].map((m) =>
      Number(rows.find((r) => r.line_id === line.lineId && Number(r.month) === m)?.amount ?? 0),
    );
    assert.deepEqual(line.monthlyNtd.slice(0, 3), months, line.item);
    assert.equal(line.paidToDateNtd, months[0]! + months[1]! + months[2]!, line.item);
    assert.ok(line.monthlyNtd.slice(3).every((m) => m === null));
  }
  const assistance = report.lines.find((l) => l.item === '貧困及災害救助')!;
  assert.deepEqual(assistance.monthlyNtd.slice(0, 3), [12_000 + 10_000 + 6_000, 12_000, 13_500 + 20_000]);
  const programs = Object.fromEntries(assistance.programs.map((p) => [p.programId, p]));
  assert.equal(programs['low-income-living-allowance']!.method, 'run-rate');
  assert.equal(programs['low-income-living-allowance']!.projectedNtd, 37_500 + 13_500 * 9);
  assert.equal(programs['emergency-aid']!.method, 'average');
  assert.equal(programs['emergency-aid']!.projectedNtd, 30_000 + 90_000);
  assert.equal(programs['spring-festival-payment']!.projectedNtd, 6_000);
  const projected = 37_500 + 121_500 + 120_000 + 6_000;
  assert.equal(assistance.projectedNtd, projected);
  assert.equal(assistance.budgetNtd, 1_241_715_000);
  assert.equal(assistance.alert, 'none');
  assert.deepEqual(
    report.unassigned.map((p) => [p.programId, p.paidToDateNtd]),
    [['low-income-child-allowance', 2_500]],
  );
  assert.equal(report.total.paidToDateNtd, 28_000 + 12_000 + 33_500 + 1_001 + 2_500);

  // A person amends the budget: exactly at the projection no alert, one thousand NTD less the alert.
  const line = (await readPlan(database.db, 2023))!.lines.find((l) => l.lineId === assistance.lineId)!;
  const atBudget = Math.ceil(projected / 1000);
  await amendLine(database.db, officer, 2023, line.lineId, {
    version: line.version,
    budgetThousandNtd: atBudget,
    reason: '測試',
  });
  const fits = (await budgetExecution(database.db, 2023, '2023-03')).lines.find(
    (l) => l.lineId === line.lineId,
  )!;
  assert.equal(fits.projectedOverrun, projected > atBudget * 1000);
  assert.equal(fits.alert, 'none');
  await amendLine(database.db, officer, 2023, line.lineId, {
    version: line.version + 1,
    budgetThousandNtd: Math.floor((projected - 1) / 1000),
    reason: '測試超支',
  });
  const over = await budgetExecution(database.db, 2023, '2023-03');
  const overLine = over.lines.find((l) => l.lineId === line.lineId)!;
  assert.equal(overLine.alert, 'projected-overrun');
  assert.equal(over.alerts, 1);
  await amendLine(database.db, officer, 2023, line.lineId, {
    version: line.version + 2,
    budgetThousandNtd: 50,
    reason: '測試已超支',
  });
  const spent = (await budgetExecution(database.db, 2023, '2023-03')).lines.find(
    (l) => l.lineId === line.lineId,
  )!;
  assert.equal(spent.alert, 'overspent');

  // Without an as-of month: the latest month paid (April's stray grant); a month of another year is refused.
  const latest = await budgetExecution(database.db, 2023);
  assert.deepEqual([latest.asOf, latest.asOfChosen], ['2023-04', 'latest-paid']);
  await rejects(budgetExecution(database.db, 2023, '2022-12'), 400, 'querystring.asOf');
  await rejects(budgetExecution(database.db, 2019), 404);
  // The demo's plans: the sample and the paid year as its copy, made once.
  assert.deepEqual(await loadDemoPlans(database, world.trail), [2018, 2023]);
  assert.equal((await readPlan(database.db, 2023))!.copiedFromYear, 2018);
  // A paid year whose plan a person made another way (2026, empty) is left as it is.
  await grant('emergency-aid', '2026-01', 1);
  assert.deepEqual(await loadDemoPlans(database, world.trail), [2018, 2026]);
  assert.equal((await readPlan(database.db, 2026))!.lines.length, 0);
  const empty = await budgetExecution(database.db, 2018);
  assert.deepEqual(
    [empty.asOf, empty.asOfChosen, empty.total.paidToDateNtd, empty.alerts],
    ['2018-01', 'no-payments', 0, 0],
  );
});
