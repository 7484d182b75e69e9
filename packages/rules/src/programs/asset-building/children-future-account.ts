import { toDayNumber } from '@safetynet/core/calendar';
import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { NO_DAY } from '../../engine/fact-spec.ts';
import { defineProgram } from '../../engine/program.ts';
import { PLACEMENT_FACTS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { joinedAssetAccount } from '../../variables/child-of-household.ts';
import { completedMonths } from '../../variables/elapsed.ts';
import { personInLowOrMidLowIncome } from '../../variables/low-or-mid-low-income.ts';

const P = 'asset-building.children-future-account';
const FOSTER = PLACEMENT_FACTS.indexOf('foster_family');
const KINSHIP = PLACEMENT_FACTS.indexOf('kinship');
const CHILD_INSTITUTION = PLACEMENT_FACTS.indexOf('child_institution');

/**
 * 兒童與少年未來教育及發展帳戶 — children's future education and development account (catalog:
 * children-future-account; 000 參(一)1(2); 001 三(二)2). Amount: the government's deposit for the year, matching
 * what the family deposited this year up to the cap.
 *
 * 000 參(一)1(2)：「「兒童與少年未來教育及發展帳戶」針對105年1月1日以後出生之列冊低收入戶、中低收入戶及長期安置兒童
 * 及少年成立未來教育及發展帳戶(0歲到18歲)，政府與家長每年各存入最高1.5萬元，作為未來教育、職訓或創業用途…針對6個月
 * 內未有存款之帳戶，由社工人員進行輔導」
 * 001 三(二)2：「「兒童及少年未來教育與發展帳戶」自106年6月開辦」
 *
 * 長期安置 = placed with a foster family, with kin or in a children's institution for at least the programme's
 * minimum (unknown: such a child, not otherwise low/mid-low-income, stays undetermined). The social-worker
 * follow-up of accounts without deposits for 6 months is a service, not encoded here.
 */
export const childrenFutureAccount = defineProgram({
  id: 'children-future-account',
  nameZh: '兒童與少年未來教育及發展帳戶',
  nameEn: "Children's future education and development account",
  kind: 'cash',
  entity: 'person',
  period: 'year',
  legalBasis: ['000 參(一)1(2)', '001 三(二)2', 'D0050078 第15-1條'],
  parameters: [
    `${P}.born-on-or-after`,
    `${P}.age-limit`,
    `${P}.annual-match-cap`,
    `${P}.long-term-placement-months`,
  ],
  formula(ctx) {
    const p = ctx.persons;
    // 「105年1月1日以後出生」 (the day itself included); the parameter is yyyymmdd, compared as a day number.
    const earliest = ctx.param(`${P}.born-on-or-after`);
    const earliestDay = toDayNumber(
      `${Math.floor(earliest / 10_000)}-${String(Math.floor(earliest / 100) % 100).padStart(2, '0')}-${String(earliest % 100).padStart(2, '0')}`,
    );
    const bornInTime = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) bornInTime[i] = +(p.birthDate[i]! >= earliestDay);
    ctx.check(
      {
        code: 'born-2016-or-later',
        reference: '000 參(一)1(2)',
        zh: '105年1月1日以後出生',
        en: 'born on 1 January 2016 or later',
      },
      bornInTime,
      { threshold: earliest },
    );
    // 「(0歲到18歲)」
    ctx.compare(
      { code: 'under-18', reference: '000 參(一)1(2)', zh: '未滿18歲', en: 'under 18' },
      ageAtPeriodStart(ctx),
      '<',
      ctx.param(`${P}.age-limit`),
    );
    // 「列冊低收入戶、中低收入戶及長期安置兒童及少年」
    const status = personInLowOrMidLowIncome(ctx);
    const minMonths = ctx.paramOrNaN(`${P}.long-term-placement-months`);
    const group = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) {
      const s = status[i]!;
      const placement = p.placement[i]!;
      let placed: number = FAILED;
      if (
        (placement === FOSTER || placement === KINSHIP || placement === CHILD_INSTITUTION) &&
        p.placedSince[i] !== NO_DAY
      ) {
        placed = Number.isNaN(minMonths)
          ? UNKNOWN
          : +(completedMonths(p.placedSince[i]!, ctx.periodStartDay) >= minMonths);
      }
      group[i] =
        s === PASSED || placed === PASSED ? PASSED : s === FAILED && placed === FAILED ? FAILED : UNKNOWN;
    }
    ctx.check(
      {
        code: 'low-or-mid-low-income-or-long-term-placement',
        reference: '000 參(一)1(2)',
        zh: '屬列冊低收入戶、中低收入戶，或為長期安置兒童及少年',
        en: 'in a registered low or mid-low-income household, or in long-term placement',
      },
      group,
    );
    ctx.check(
      {
        code: 'account-opened',
        reference: '000 參(一)1(2)',
        zh: '已開立未來教育及發展帳戶',
        en: 'the account has been opened',
      },
      joinedAssetAccount(ctx),
    );
    // 「政府與家長每年各存入最高1.5萬元」: the government deposits what the family did, up to 15,000 a year.
    const cap = ctx.param(`${P}.annual-match-cap`);
    const amountNtd = ctx.newInt32Array(p.count);
    for (let i = 0; i < p.count; i++) amountNtd[i] = Math.min(p.assetAccountDepositsThisYearNtd[i]!, cap);
    return { amountNtd };
  },
});
