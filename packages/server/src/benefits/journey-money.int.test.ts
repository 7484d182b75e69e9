import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testEngine } from '../db/test-database.ts';
import { type MoneyWorld, openMoneyWorld } from './money-test-world.ts';

/**
 * Where money goes after the decision, through the API: monthly payments, a death mid-month that ends the
 * entitlement, the month already paid an overpayment recovered by a repayment, another case's by
 * deduction from a later run; a clerk's end of an entitlement paid ahead, waived by a reviewer. One-off
 * grants: grants-api.int.test.ts. (Two reviewers deciding at once: applications.int.test.ts.)
 */
let w: MoneyWorld;
before(async () => {
  w = await openMoneyWorld('m', 7100000);
});
after(async () => {
  await w.app.close();
  await w.database.close();
});

test(`paid → death mid-month → overpayment → repaid; another case recovered by deduction (${testEngine})`, async () => {
  const seniors = [];
  for (const k of [0, 1]) {
    const senior = await w.person(`195${k}-03-01`);
    await w.family([
      { personId: senior, role: 'applicant' },
      { personId: await w.person('1985-01-01'), role: 'child' },
    ]);
    const { decided } = await w.approve(senior, 'senior-living-allowance', '2024-06');
    assert.equal(decided.status, 201, JSON.stringify(decided.body));
    const account = { bankCode: '700', branchCode: '0021', account: `0021234567890${k}` };
    assert.equal((await w.clerk.put(`/persons/${senior}/bank-account`, account)).status, 204);
    const listed = await w.officer.get(`/entitlements?entityId=${senior}`);
    seniors.push({ id: senior, entitlement: listed.body.items[0] });
  }
  const [dying, lowered] = seniors as [
    { id: string; entitlement: { id: string; monthlyAmountNtd: number } },
    { id: string; entitlement: { id: string; monthlyAmountNtd: number } },
  ];
  const amount = dying.entitlement.monthlyAmountNtd;
  assert.ok(amount > 0);
  // Three months paid and sent to the bank.
  for (const period of ['2024-06', '2024-07', '2024-08']) {
    const run = await w.officer.post('/payment-runs', { period });
    assert.equal(run.status, 200, JSON.stringify(run.body));
    assert.equal(run.body.created, 2);
    const file = await w.officer.post(`/payment-runs/${period}/bank-file`, {});
    assert.equal(file.status, 200, JSON.stringify(file.body));
  }

  // Died on 15 July: July is still due (第 11 條: stops from the month after), August was overpaid.
  const death = await w.clerk.post('/life-events', {
    kind: 'death',
    personId: dying.id,
    effectiveDate: '2024-07-15',
  });
  assert.equal(death.status, 200, JSON.stringify(death.body));
  assert.deepEqual(
    death.body.changed.map((c: { lastMonth: string }) => c.lastMonth),
    ['2024-07'],
  );
  assert.deepEqual(
    death.body.overpayments.map((o: { period: string; amountNtd: number }) => [o.period, o.amountNtd]),
    [['2024-08', amount]],
  );
  const overpaymentId = death.body.overpayments[0].overpaymentId;

  // The repayment request as a PDF, for what is outstanding.
  const notice = await w.app.inject({
    method: 'GET',
    url: `/api/v1/overpayments/${overpaymentId}/notice.pdf`,
    headers: { cookie: w.clerk.cookie },
  });
  assert.equal(notice.statusCode, 200, notice.body.slice(0, 300));
  assert.equal(notice.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  // Recovered by repayment: the method switched, part repaid (idempotent), too much refused, the rest.
  const switched = await w.clerk.post(`/overpayments/${overpaymentId}/recovery`, { method: 'repayment' });
  assert.equal(switched.body.recovery, 'repayment', JSON.stringify(switched.body));
  const url = `/overpayments/${overpaymentId}/repayments`;
  const first = await w.clerk.post(url, { amountNtd: 3_000, idempotencyKey: 'receipt-1' });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.outstandingNtd, amount - 3_000);
  const repeat = await w.clerk.post(url, { amountNtd: 3_000, idempotencyKey: 'receipt-1' });
  assert.deepEqual([repeat.status, repeat.body.outstandingNtd], [200, amount - 3_000], 'recorded once');
  const tooMuch = await w.clerk.post(url, { amountNtd: amount });
  assert.equal(tooMuch.status, 422);
  assert.match(tooMuch.body.detail ?? JSON.stringify(tooMuch.body), /outstanding|尚待追回/);
  assert.doesNotMatch(JSON.stringify(tooMuch.body), /RangeError|at .*\.ts/);
  assert.equal((await w.reviewer.post(url, { amountNtd: 1 })).status, 403, 'a w.reviewer does not record');
  const rest = await w.clerk.post(url, { amountNtd: amount - 3_000 });
  assert.equal(rest.status, 201, JSON.stringify(rest.body));
  const repaid = await w.clerk.get(`/overpayments/${overpaymentId}`);
  assert.deepEqual(
    [repaid.body.status, repaid.body.outstandingNtd, repaid.body.recoveries.length],
    ['recovered', 0, 2],
  );
  const waive = await w.reviewer.post(`/overpayments/${overpaymentId}/waive`, { reason: '已結清' });
  assert.equal(waive.status, 409, 'nothing left to waive');

  // The other case: the w.clerk lowers the amount from August by 2,000 a month; August becomes a 2,000
  // overpayment, deducted from September's payment by the run.
  const change = await w.clerk.post(`/entitlements/${lowered.entitlement.id}/versions`, {
    fromMonth: '2024-08',
    monthlyAmountNtd: lowered.entitlement.monthlyAmountNtd - 2_000,
    reason: '收入增加，重新核定',
  });
  assert.equal(change.status, 200, JSON.stringify(change.body));
  assert.deepEqual(
    change.body.overpayments.map((o: { period: string; amountNtd: number }) => [o.period, o.amountNtd]),
    [['2024-08', 2_000]],
  );
  const september = await w.officer.post('/payment-runs', { period: '2024-09' });
  assert.equal(september.body.created, 1, 'only the living case is paid');
  const deducted = await w.clerk.get(`/overpayments/${change.body.overpayments[0].overpaymentId}`);
  assert.deepEqual(
    [deducted.body.status, deducted.body.outstandingNtd, deducted.body.recoveries[0].kind],
    ['recovered', 0, 'deduction'],
  );
  const paid = await w.officer.get(`/entitlements/${lowered.entitlement.id}`);
  const sept = paid.body.payments.find((p: { period: string }) => p.period === '2024-09');
  assert.equal(sept.amountNtd, lowered.entitlement.monthlyAmountNtd - 4_000, 'new amount less the deduction');
  const none = await w.officer.get(`/entitlements/${dying.entitlement.id}`);
  assert.equal(
    none.body.payments.filter((p: { period: string }) => p.period === '2024-09').length,
    0,
    'nothing paid after the death',
  );
});

test(`a clerk ends an entitlement already paid ahead: overpayments, waived by a reviewer with the reason (${testEngine})`, async () => {
  const senior = await w.person('1949-04-04');
  await w.family([
    { personId: senior, role: 'applicant' },
    { personId: await w.person('1986-01-01'), role: 'child' },
  ]);
  const { decided } = await w.approve(senior, 'senior-living-allowance', '2024-10');
  assert.equal(decided.status, 201, JSON.stringify(decided.body));
  const account = { bankCode: '700', branchCode: '0021', account: '00219999999901' };
  assert.equal((await w.clerk.put(`/persons/${senior}/bank-account`, account)).status, 204);
  const [entitlement] = (await w.officer.get(`/entitlements?entityId=${senior}`)).body.items;
  for (const period of ['2024-10', '2024-11']) {
    assert.equal((await w.officer.post('/payment-runs', { period })).status, 200);
    assert.equal((await w.officer.post(`/payment-runs/${period}/bank-file`, {})).status, 200);
  }
  const url = `/entitlements/${entitlement.id}/versions`;
  const body = { fromMonth: '2024-10', lastMonth: '2024-10', reason: '查得不實，自11月起停止發給' };
  assert.equal((await w.reviewer.post(url, body)).status, 403, 'a w.reviewer does not change entitlements');
  const ended = await w.clerk.post(url, body);
  assert.equal(ended.status, 200, JSON.stringify(ended.body));
  assert.equal(ended.body.changed.lastMonth, '2024-10');
  assert.deepEqual(
    ended.body.overpayments.map((o: { period: string; amountNtd: number }) => [o.period, o.amountNtd]),
    [['2024-11', entitlement.monthlyAmountNtd]],
  );
  const id = ended.body.overpayments[0].overpaymentId;
  const noReason = await w.reviewer.post(`/overpayments/${id}/waive`, {});
  assert.equal(noReason.status, 400, 'a waiver needs its reason');
  assert.equal((await w.clerk.post(`/overpayments/${id}/waive`, { reason: 'x' })).status, 403);
  const waived = await w.reviewer.post(`/overpayments/${id}/waive`, { reason: '受領人無力償還' });
  assert.equal(waived.status, 200, JSON.stringify(waived.body));
  assert.deepEqual([waived.body.status, waived.body.recoveries.length], ['waived', 0]);
  const audit = await w.database.db
    .selectFrom('audit_entry')
    .selectAll()
    .where('record_type', '=', 'overpayment')
    .where('record_id', '=', id)
    .execute();
  assert.ok(
    audit.some((entry) => JSON.stringify(entry).includes('受領人無力償還')),
    'the waiver and its reason are audited',
  );
  // Once waived, nothing more is recovered.
  assert.equal((await w.clerk.post(`/overpayments/${id}/repayments`, { amountNtd: 1 })).status, 409);
});
