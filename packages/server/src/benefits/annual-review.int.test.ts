import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AuditLog, type AuditTrail } from '../audit/audit-log.ts';
import { auditChainKey } from '../audit/audit-verify.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../db/test-database.ts';
import { addAccount } from '../http/test-clients.ts';
import { actorOf } from '../identity/accounts.ts';
import { generateIdKeys, IdProtector } from '../identity/id-protector.ts';
import { runAnnualReview } from './annual-review.ts';
import { confirmReviewItems } from './annual-review-confirm.ts';
import { reviewNoticePdf } from './annual-review-queries.ts';
import { benefitWorld } from './benefit-fixtures.ts';
import { changeEntitlement, entitlementVersions } from './entitlements.ts';
import { runMonthlyPayments } from './payment-run.ts';
import { livingAllowance, type Senior, senior } from './review-fixtures.ts';

/**
 * The annual review of 2024 over a small world of seniors with the living allowance (中低收入老人生活津貼):
 * one granted at 2024's amount (continues), one at 2023's (changes: 7,759 → 8,329 from January 2024), one
 * who died in December 2023 and one who moved away in November (each ends with December; January and
 * February, paid already, are overpaid), and one in another district.
 */
const LINGYA = '64000080';
const FENGSHAN = '64000120';
let database: Database;
let protector: IdProtector;
let trail: AuditTrail;
let clerk: AuditTrail;
let otherClerk: AuditTrail;
const ids: Record<string, string> = {};

before(async () => {
  database = await openTestDatabase();
  protector = new IdProtector(generateIdKeys('test'));
  const world = await benefitWorld(database, protector);
  trail = world.trail;
  const log = new AuditLog(auditChainKey(protector));
  const staff = async (username: string, district: string) => ({
    log,
    context: {
      actor: actorOf(
        await addAccount(database, protector, { username, role: 'district-clerk', districts: [district] }),
      ),
      ip: null,
      purpose: null,
    },
  });
  clerk = await staff('review-clerk', LINGYA);
  otherClerk = await staff('review-clerk-f', FENGSHAN);
  const allowance = (who: Senior, amount: number) => livingAllowance(database, world, who, amount);
  const [same, raised, died, fengshan, moved] = [
    await senior(world, 1, LINGYA),
    await senior(world, 2, LINGYA),
    await senior(world, 3, LINGYA),
    await senior(world, 4, FENGSHAN),
    await senior(world, 5, LINGYA),
  ];
  ids.stopped = await allowance(await senior(world, 6, FENGSHAN), 8_329);
  ids.continues = await allowance(same!, 8_329);
  ids.changes = await allowance(raised!, 7_759);
  ids.ends = await allowance(died!, 8_329);
  ids.fengshan = await allowance(fengshan!, 8_329);
  ids.moved = await allowance(moved!, 8_329);
  // Registered and living elsewhere from November: the rules no longer find the conditions met.
  await world.commands.recordPersonChange(moved!.personId, {
    validFrom: '2023-11-01',
    registeredDistrictCode: null,
    residenceDistrictCode: null,
    source: 'test',
  });
  await world.commands.recordPersonChange(died!.personId, {
    validFrom: '2023-12-10',
    deathDate: '2023-12-10',
    source: 'test',
  });
  // December to February paid before the review is confirmed.
  for (const month of ['2023-12', '2024-01', '2024-02']) {
    await runMonthlyPayments(database, month, trail);
    await database.db.updateTable('payment').set({ status: 'paid' }).where('period', '=', month).execute();
  }
});
after(() => database.close());

const itemsOf = (reviewId: string) =>
  database.db
    .selectFrom('annual_review_item')
    .selectAll()
    .where('review_id', '=', reviewId)
    .orderBy('entitlement_id')
    .execute();

test(`the review of 2024: continue, change with the new amount, end with the reasons (${testEngine})`, async () => {
  const summary = await runAnnualReview(database, 2024, trail);
  assert.equal(summary.effectiveMonth, '2024-01');
  assert.deepEqual(
    [summary.reviewed, summary.continue, summary.change, summary.end],
    [6, 3, 1, 2],
    JSON.stringify(summary),
  );
  const items = await itemsOf(summary.reviewId);
  const of = (entitlementId: string) => items.find((i) => i.entitlement_id === entitlementId)!;
  assert.equal(of(ids.continues!).outcome, 'continue');
  assert.equal(of(ids.changes!).outcome, 'change');
  assert.equal(of(ids.changes!).current_amount_ntd, 7_759);
  assert.equal(of(ids.changes!).new_amount_ntd, 8_329);
  const changeReasons = of(ids.changes!).reasons as { code: string; message: { zh: string } }[];
  assert.equal(changeReasons[0]!.code, 'amount-changed');
  assert.match(changeReasons[0]!.message.zh, /7,759.*8,329/);
  const ended = of(ids.ends!);
  assert.equal(ended.outcome, 'end');
  assert.equal(ended.new_amount_ntd, null);
  assert.deepEqual(
    (ended.reasons as { code: string }[]).map((r) => r.code),
    ['not-in-registry'],
  );
  assert.equal(of(ids.fengshan!).district_code, FENGSHAN);
  // Moved away: every condition not met, explained as a single case, each with its message and reference.
  const movedReasons = of(ids.moved!).reasons as {
    code: string;
    reference: string;
    message: { zh: string };
  }[];
  assert.equal(of(ids.moved!).outcome, 'end');
  assert.ok(movedReasons.length >= 2, JSON.stringify(movedReasons.map((r) => r.code)));
  assert.ok(
    movedReasons.every((r) => r.code !== 'not-in-registry' && /^不符/.test(r.message.zh) && r.reference),
  );
  assert.ok(
    movedReasons.some((r) => /city|registered/.test(r.code)),
    JSON.stringify(movedReasons.map((r) => r.code)),
  );

  // Run again before confirming: the same items (same ids), not a second set; an entitlement ended
  // meanwhile (with December) is no longer in force in January: its item is gone.
  await database.db
    .transaction()
    .execute((trx) =>
      changeEntitlement(trx, ids.stopped!, { from: '2023-12', lastMonth: '2023-12', reason: 'test' }, trail),
    );
  const again = await runAnnualReview(database, 2024, trail);
  assert.equal(again.reviewId, summary.reviewId);
  assert.equal(again.reviewed, 5);
  const rerun = await itemsOf(summary.reviewId);
  assert.deepEqual(
    rerun.map((i) => [i.item_id, i.outcome]),
    items.filter((i) => i.entitlement_id !== ids.stopped).map((i) => [i.item_id, i.outcome]),
  );
});

test(`a clerk confirms their district in bulk: a new version, an end with overpayments; again: nothing (${testEngine})`, async () => {
  const review = await database.db
    .selectFrom('annual_review')
    .selectAll()
    .where('year', '=', 2024)
    .executeTakeFirstOrThrow();
  // A clerk of another district: refused, for the district and for listed items alike; nothing written.
  await assert.rejects(confirmReviewItems(database, review.review_id, { district: LINGYA }, otherClerk), {
    status: 403,
  });
  const lingyaItems = (await itemsOf(review.review_id)).filter((i) => i.district_code === LINGYA);
  await assert.rejects(
    confirmReviewItems(database, review.review_id, { itemIds: [lingyaItems[0]!.item_id] }, otherClerk),
    { status: 403 },
  );
  assert.ok((await itemsOf(review.review_id)).every((i) => i.confirmed_at === null));

  const result = await confirmReviewItems(database, review.review_id, { district: LINGYA }, clerk);
  assert.deepEqual(
    [result.confirmed, result.continue, result.change, result.end, result.overpayments],
    [4, 1, 1, 2, 4],
    JSON.stringify(result),
  );
  const changed = await entitlementVersions(database.db, ids.changes!);
  assert.deepEqual(
    changed.map((v) => [v.version, v.first_month, v.last_month, v.monthly_amount_ntd]),
    [
      [1, '2023-06', null, 7_759],
      [2, '2024-01', null, 8_329],
    ],
  );
  const ended = await entitlementVersions(database.db, ids.ends!);
  assert.equal(ended.at(-1)!.last_month, '2023-12', 'ends with the month before the effective month');
  const overpaid = await database.db
    .selectFrom('overpayment')
    .select(['period', 'amount_ntd', 'status'])
    .where('entitlement_id', '=', ids.ends!)
    .orderBy('period')
    .execute();
  assert.deepEqual(
    overpaid.map((o) => [o.period, o.amount_ntd, o.status]),
    [
      ['2024-01', 8_329, 'open'],
      ['2024-02', 8_329, 'open'],
    ],
  );
  assert.equal((await entitlementVersions(database.db, ids.continues!)).length, 1, 'continues unchanged');
  assert.equal(
    (await entitlementVersions(database.db, ids.fengshan!)).length,
    1,
    'another district: pending',
  );
  const confirmations = await database.db
    .selectFrom('audit_entry')
    .select(['action', 'details'])
    .where('record_type', '=', 'annual-review')
    .where('record_id', '=', review.review_id)
    .where('action', '=', 'confirm')
    .execute();
  assert.equal(confirmations.length, 1);

  // Confirming again, by district or by id, changes nothing.
  const again = await confirmReviewItems(database, review.review_id, { district: LINGYA }, clerk);
  assert.deepEqual([again.confirmed, again.alreadyConfirmed, again.overpayments], [0, 4, 0]);
  const byId = await confirmReviewItems(
    database,
    review.review_id,
    { itemIds: lingyaItems.map((i) => i.item_id) },
    clerk,
  );
  assert.equal(byId.confirmed, 0);
  assert.equal((await entitlementVersions(database.db, ids.changes!)).length, 2);
  assert.equal((await entitlementVersions(database.db, ids.ends!)).length, 2);
  assert.equal(
    (
      await database.db
        .selectFrom('overpayment')
        .select('overpayment_id')
        .where('entitlement_id', '=', ids.ends!)
        .execute()
    ).length,
    2,
  );
  // A later run keeps the confirmed items as they are.
  const rerun = await runAnnualReview(database, 2024, trail);
  assert.equal(rerun.confirmedBefore, 4, 'the four confirmed items of Lingya stay as confirmed');
  const items = await itemsOf(review.review_id);
  assert.equal(items.find((i) => i.entitlement_id === ids.ends!)!.outcome, 'end');
  assert.ok(items.find((i) => i.entitlement_id === ids.ends!)!.confirmed_at);
});

test(`the notice of a confirmed change or end: a PDF in Traditional Chinese, marked issued (${testEngine})`, async () => {
  const review = await database.db
    .selectFrom('annual_review')
    .selectAll()
    .where('year', '=', 2024)
    .executeTakeFirstOrThrow();
  const items = await itemsOf(review.review_id);
  const ended = items.find((i) => i.entitlement_id === ids.ends!)!;
  const pdf = await reviewNoticePdf(database, review.review_id, ended.item_id, clerk);
  assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
  assert.ok(pdf.length > 5_000, `${pdf.length} bytes`);
  const issued = await database.db
    .selectFrom('annual_review_item')
    .select(['notice_issued', 'notice_issued_at'])
    .where('item_id', '=', ended.item_id)
    .executeTakeFirstOrThrow();
  assert.equal(issued.notice_issued, true);
  const text = pdfText(pdf);
  if (text !== undefined) {
    assert.match(text, /停止發給/);
    assert.match(text, /113年1月/);
    assert.match(text, /訴願/);
  }
  // Another district's clerk: refused; an unconfirmed item (another district's) has no notice yet.
  await assert.rejects(reviewNoticePdf(database, review.review_id, ended.item_id, otherClerk), {
    status: 403,
  });
  const pending = items.find((i) => i.entitlement_id === ids.fengshan!)!;
  await assert.rejects(reviewNoticePdf(database, review.review_id, pending.item_id, otherClerk), {
    status: 409,
  });
});

/** The PDF's text when pdftotext is installed; undefined otherwise (the text check is then skipped). */
function pdfText(pdf: Buffer): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'sn-review-notice-'));
  try {
    writeFileSync(join(dir, 'n.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'n.pdf'), '-'], { encoding: 'utf8' });
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
