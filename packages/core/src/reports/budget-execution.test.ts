import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ExecutionInput, percentOf, planExecution, projectYearEnd } from './budget-execution.ts';

const months = (...amounts: number[]) => amounts;

function plan(
  budgetThousandNtd: number,
  paid: readonly number[],
  asOfMonth: number,
  method: 'run-rate' | 'average' | 'paid-to-date' = 'run-rate',
): ExecutionInput {
  return {
    asOfMonth,
    lines: [{ lineId: 'L', budgetThousandNtd, programIds: ['p'] }],
    paidByProgram: new Map([['p', paid]]),
    methods: new Map([['p', method]]),
  };
}

test('run rate: paid to date + the as-of month × the months left', () => {
  // Jan–Mar paid 100, 100, 130 (a rate rise in March): 330 + 130 × 9.
  assert.equal(projectYearEnd(months(100, 100, 130), 3, 'run-rate'), 330 + 1170);
  assert.equal(
    projectYearEnd(months(100, 100, 130, 999), 3, 'run-rate'),
    1500,
    'April is after the as-of month',
  );
});

test('average: paid to date + the average month × the months left, rounded half up to whole NTD', () => {
  // 100 + 0 + 201 = 301 over 3 months; 9 left: 301 × 9 / 3 = 903.
  assert.equal(projectYearEnd(months(100, 0, 201), 3, 'average'), 301 + 903);
  // 10 over 7 months, 5 left: 50 / 7 = 7.14 → 7.
  assert.equal(projectYearEnd(months(10, 0, 0, 0, 0, 0, 0), 7, 'average'), 17);
  // 11 over 2 months, 10 left: 55 exactly; 1 over 2, 10 left: 5.
  assert.equal(projectYearEnd(months(11, 0), 2, 'average'), 66);
  // 3 over 8, 4 left: 1.5 → 2 (half up).
  assert.equal(projectYearEnd(months(3, 0, 0, 0, 0, 0, 0, 0), 8, 'average'), 5);
});

test('paid once a year: the projection is what is paid', () => {
  assert.equal(projectYearEnd(months(5_000_000), 1, 'paid-to-date'), 5_000_000);
});

test('as of January: one month is the whole evidence', () => {
  const run = planExecution(plan(120, [10_000], 1));
  const line = run.lines[0]!;
  assert.equal(run.monthsLeft, 11);
  assert.equal(line.paidToDateNtd, 10_000);
  assert.equal(line.projectedNtd, 120_000);
  assert.equal(line.projectedOverrun, false, 'exactly at the budget is not an overrun');
  assert.equal(line.projectedOverUnderNtd, 0);
  assert.deepEqual(line.monthlyNtd, [
    10_000,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  assert.equal(planExecution(plan(120, [10_000], 1, 'average')).lines[0]!.projectedNtd, 120_000);
});

test('exactly at the budget: no alert; one NTD over: the alert', () => {
  const at = planExecution(plan(12, [1_000, 1_000], 2)).lines[0]!;
  assert.equal(at.budgetNtd, 12_000);
  assert.equal(at.projectedNtd, 12_000);
  assert.equal(at.projectedOverrun, false);
  assert.equal(at.projectedPercent, 100);
  const over = planExecution(plan(12, [1_000, 1_001], 2)).lines[0]!;
  // 2,001 + 1,001 × 10 = 12,011 (run rate of February).
  assert.equal(over.projectedNtd, 12_011);
  assert.equal(over.projectedOverrun, true);
  assert.equal(over.projectedOverUnderNtd, 11);
  // One NTD over with the average: 1,000 + 1 over a month, 11 left.
  const byAverage = planExecution(plan(12, [1_001], 1, 'average')).lines[0]!;
  assert.equal(byAverage.projectedNtd, 12_012);
  assert.ok(byAverage.projectedOverrun);
  // Paid to date at the budget exactly is not overspent; one NTD more is.
  assert.equal(planExecution(plan(2, [1_000, 1_000], 12)).lines[0]!.overspent, false);
  const overspent = planExecution(plan(2, [1_000, 1_001], 12)).lines[0]!;
  assert.equal(overspent.overspent, true);
  assert.equal(overspent.projectedOverrun, true);
});

test('as of December: nothing is left to project; the year is what was paid', () => {
  const paid = Array.from({ length: 12 }, (_, k) => (k + 1) * 1_000);
  const line = planExecution(plan(78, paid, 12)).lines[0]!;
  assert.equal(line.paidToDateNtd, 78_000);
  assert.equal(line.projectedNtd, 78_000);
  assert.equal(line.projectedOverrun, false);
  assert.equal(line.paidPercent, 100);
  assert.ok(line.monthlyNtd.every((amount) => amount !== null));
});

test('no payments: nothing paid or projected, no alert; a zero budget has no percentage', () => {
  const line = planExecution(plan(500, [], 6)).lines[0]!;
  assert.equal(line.paidToDateNtd, 0);
  assert.equal(line.projectedNtd, 0);
  assert.equal(line.paidPercent, 0);
  assert.equal(line.projectedOverrun, false);
  assert.equal(line.overspent, false);
  assert.equal(line.projectedOverUnderNtd, -500_000);
  const none = planExecution(plan(0, [], 6)).lines[0]!;
  assert.equal(none.paidPercent, null);
  assert.equal(none.projectedOverrun, false);
  const spentWithoutBudget = planExecution(plan(0, [1], 6)).lines[0]!;
  assert.ok(spentWithoutBudget.overspent && spentWithoutBudget.projectedOverrun);
});

test('a line sums its programs, each projected by its own method; payments outside every line are listed', () => {
  const run = planExecution({
    asOfMonth: 2,
    lines: [
      { lineId: 'assistance', budgetThousandNtd: 1_000, programIds: ['monthly', 'yearly', 'grant'] },
      { lineId: 'insurance', budgetThousandNtd: 10, programIds: ['premium'] },
    ],
    paidByProgram: new Map([
      ['monthly', [30_000, 40_000]],
      ['yearly', [200_000]],
      ['grant', [0, 6_000]],
      ['stray', [0, 700]],
      ['stray-nothing', [0, 0]],
    ]),
    methods: new Map([
      ['monthly', 'run-rate'],
      ['yearly', 'paid-to-date'],
      ['grant', 'average'],
    ]),
  });
  const [assistance, insurance] = run.lines;
  assert.deepEqual(
    assistance!.programs.map((p) => [p.programId, p.paidToDateNtd, p.projectedNtd]),
    [
      ['monthly', 70_000, 70_000 + 40_000 * 10],
      ['yearly', 200_000, 200_000],
      ['grant', 6_000, 6_000 + 30_000],
    ],
  );
  assert.deepEqual(assistance!.monthlyNtd.slice(0, 3), [230_000, 46_000, null]);
  assert.equal(assistance!.projectedNtd, 470_000 + 200_000 + 36_000);
  assert.equal(assistance!.paidPercent, 27.6);
  assert.equal(insurance!.paidToDateNtd, 0);
  assert.deepEqual(
    run.unassigned.map((p) => [p.programId, p.paidToDateNtd, p.method]),
    [['stray', 700, 'average']],
  );
  assert.equal(run.total.budgetNtd, 1_010_000);
  assert.equal(run.total.paidToDateNtd, 276_000 + 700);
  assert.equal(run.total.projectedNtd, 706_000 + 700 * 6);
});

test('percentages are rounded down from integers', () => {
  assert.equal(percentOf(1, 3), 33.3);
  assert.equal(percentOf(2, 3), 66.6);
  assert.equal(percentOf(15_694_482_000, 15_694_482_000), 100);
  assert.equal(percentOf(1, 0), null);
});

test('bad input is refused, not guessed', () => {
  assert.throws(() => planExecution(plan(1, [1], 0)), RangeError);
  assert.throws(() => planExecution(plan(1, [1], 13)), RangeError);
  assert.throws(() => planExecution(plan(1.5, [1], 1)), RangeError);
  assert.throws(() => planExecution(plan(-1, [1], 1)), RangeError);
  assert.throws(() => planExecution(plan(1, [1.5], 1)), RangeError);
  assert.throws(
    () =>
      planExecution({
        asOfMonth: 1,
        lines: [
          { lineId: 'a', budgetThousandNtd: 1, programIds: ['p'] },
          { lineId: 'b', budgetThousandNtd: 1, programIds: ['p'] },
        ],
        paidByProgram: new Map(),
        methods: new Map(),
      }),
    /more than one line/,
  );
});
