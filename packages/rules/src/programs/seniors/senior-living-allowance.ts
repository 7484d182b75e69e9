import { defineProgram } from '../../engine/program.ts';
import {
  householdImmovableProperty,
  householdIncome,
  householdIncomePerCapita,
  householdMovableProperty,
} from '../../variables/household-income.ts';
import {
  equals,
  livesInCity,
  lowOrMidLowIncome,
  NOT_PLACED,
  not,
  OPEN,
  or3,
  registeredInCity,
  SENIOR_AGE_GATE,
  seniorAge,
} from './common.ts';

/**
 * 中低收入老人生活津貼 — living allowance for mid/low-income seniors (catalog: senior-living-allowance;
 * 000 肆一(十); 001 四(一)2(1)). Monthly: the allowance for the period's month.
 *
 * D0050037 第12條第1項：「中低收入老人未接受收容安置者，得申請發給生活津貼。」
 * 000 肆一(十)1：「設籍本市年滿 65 歲以上市民，其家庭總收入、動產及不動產價值符合規定標準者，每月發給中低收入老人
 * 生活津貼。」
 * D0050045 第2條第1項：「符合下列各款規定之老人，得依本法第十二條第一項規定，申請發給生活津貼…」
 *
 * The household given is the counted household of D0050045 第3條 (準用 D0050078 第5條、第5-1條、第5-3條), so
 * the shared household income applies. Not encoded: 第3條第2項 (recipients before 2022 keep the old, more
 * favourable household rule), 第4條第2項 (previous recipients whose land did not grow are exempt from the
 * land-and-house limit), 第12條 (only one of this allowance, 老農津貼, the national-pension basic guaranteed
 * pensions and the disability living allowance: a choice that is not a fact here).
 */
export const seniorLivingAllowance = defineProgram({
  id: 'senior-living-allowance',
  nameZh: '中低收入老人生活津貼',
  nameEn: 'Living allowance for mid/low-income seniors',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: SENIOR_AGE_GATE,
  // Its selective checks (the means tests) come last, from one loop: evaluated once over the seniors' part.
  narrows: false,
  legalBasis: [
    'D0050037 第12條',
    'D0050045 第2條',
    'D0050045 第3條',
    'D0050045 第4條',
    'D0050045 第5條',
    '000 肆一(十)',
    '001 四(一)2(1)',
  ],
  parameters: [
    'seniors.senior-age',
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
    'cross-cutting.average-consumption-per-capita',
    'seniors.living-allowance.status-exempt-from-means-test',
    'seniors.living-allowance.income-multiple',
    'seniors.living-allowance.consumption-multiple',
    'seniors.living-allowance.high-tier-multiple',
    'seniors.living-allowance.deposits-limit-first-person',
    'seniors.living-allowance.deposits-limit-per-additional-person',
    'seniors.living-allowance.immovable-limit',
    'seniors.living-allowance.amount-high-tier',
    'seniors.living-allowance.amount-low-tier',
  ],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    // 第2條第1項第1款：「年滿六十五歲，實際居住於戶籍所在地之直轄市、縣（市），且最近一年居住國內超過一百八十三日。」
    seniorAge(ctx, 'D0050045 第2條第1項第1款');
    registeredInCity(ctx, '000 肆一(十)1');
    livesInCity(ctx, 'D0050045 第2條第1項第1款');
    ctx.compare(
      {
        code: 'in-taiwan-over-183-days',
        reference: 'D0050045 第2條第1項第1款',
        zh: '最近一年居住國內超過183日',
        en: 'lived in Taiwan more than 183 days in the last year',
      },
      p.daysInTaiwanLastYear,
      '>',
      183,
    );
    // 第2條第1項第3款：「未接受政府公費收容安置。」 A recorded placement is the government's.
    ctx.check(
      {
        code: 'not-in-public-placement',
        reference: 'D0050045 第2條第1項第3款',
        zh: '未接受政府公費收容安置',
        en: 'not in publicly funded placement',
      },
      equals(p.placement, NOT_PLACED),
    );
    // 第2條第1項第4款：「未入獄服刑、因案羈押或依法拘禁。」
    ctx.check(
      {
        code: 'not-incarcerated',
        reference: 'D0050045 第2條第1項第4款',
        zh: '未入獄服刑、因案羈押或依法拘禁',
        en: 'not in prison, detention or lawful confinement',
      },
      not(p.incarcerated),
    );

    // 第2條第2項：「符合社會救助法規定之低收入戶或中低收入戶申請本津貼時，免審查前項第二款所定事項。」 Each test of
    // 第2款 is a check a low- or mid-low-income household passes outright: AND over (status OR test) is
    // (status OR all tests), and the explanation names the test that failed. The exemption dates from the
    // 2022 text; before it every household takes the tests.
    const exempt = ctx.param('seniors.living-allowance.status-exempt-from-means-test') === 1;
    const status = exempt ? lowOrMidLowIncome(ctx) : ctx.newUint8Array(h.count);
    const income = householdIncome(ctx);
    // Only shown (a compact run drops what is shown).
    const explaining = ctx.explaining;
    const perCapita = explaining ? householdIncomePerCapita(ctx) : undefined;
    const movable = householdMovableProperty(ctx);
    const immovable = householdImmovableProperty(ctx);
    const n = h.memberCount;
    const livingCost = ctx.param('social-assistance.minimum-living-cost');
    // 第2條第1項第2款第1目：「家庭總收入：按全家人口平均分配之金額，每人每月未超過…最低生活費標準之二點五倍，且未超過
    // 臺灣地區平均每人每月消費支出之一點五倍。」 Exact tests on totals (total ≤ limit × members), so a rounded
    // per-capita figure cannot pass or fail a household by a fraction of an NTD.
    const incomeLimit = ctx.param('seniors.living-allowance.income-multiple') * livingCost;
    const consumptionLimit =
      ctx.param('seniors.living-allowance.consumption-multiple') *
      ctx.paramOrNaN('cross-cutting.average-consumption-per-capita');
    // 第2條第1項第2款第2目：「全家人口存款本金、投資及有價證券價值計算之合計金額：全家人口僅申請人一人時，未超過
    // 新臺幣二百五十萬元；每增加一人，以增加新臺幣二十五萬元為限。」 (movablePropertyNtd stands for them)
    const depositsFirst = ctx.param('seniors.living-allowance.deposits-limit-first-person');
    const depositsMore = ctx.param('seniors.living-allowance.deposits-limit-per-additional-person');
    // 第2條第1項第2款第3目：「全家人口所有之土地或房屋：未超過合理之價值。」 (the city's value, 第4條)
    const immovableLimit = ctx.paramOrNaN('seniors.living-allowance.immovable-limit');
    // 第5條第1項 tiers: 「一、未達最低生活費一點五倍…新臺幣七千七百五十九元。二、達最低生活費一點五倍以上，未超過
    // 二點五倍…新臺幣三千八百七十九元。」 (amounts adjusted every four years, 第5條第2項). The tier follows the
    // income for every household, a low- or mid-low-income one included (第2條第2項 exempts it from the tests,
    // not from the tiers): a mid-low-income household exactly at 1.5 × gets the lower amount, as the text says.
    const highTierLimit = ctx.param('seniors.living-allowance.high-tier-multiple') * livingCost;
    const high = ctx.param('seniors.living-allowance.amount-high-tier');
    const low = ctx.param('seniors.living-allowance.amount-low-tier');

    const count = p.count;
    // Imported bindings as locals for the loop over every person.
    const or = or3;
    const open = OPEN;
    const incomeOk = ctx.newUint8Array(count);
    const consumptionOk = ctx.newUint8Array(count);
    const depositsOk = ctx.newUint8Array(count);
    const immovableOk = ctx.newUint8Array(count);
    const shownIncome = explaining ? ctx.newFloat64Array(count) : undefined;
    const shownDepositLimit = explaining ? ctx.newFloat64Array(count) : undefined;
    const shownMovable = explaining ? ctx.newFloat64Array(count) : undefined;
    const shownImmovable = explaining ? ctx.newFloat64Array(count) : undefined;
    const amount = ctx.newInt32Array(count);
    // Persons a check above has failed are skipped (their outcomes change nothing).
    const inPlay = ctx.inPlay();
    for (let i = 0; i < count; i++) {
      if (inPlay !== undefined && inPlay[i] === 0) continue;
      const k = p.household[i]!;
      const s = status[k]!;
      const members = n[k]!;
      const total = income[k]!;
      const depositLimit = depositsFirst + depositsMore * (members - 1);
      if (explaining) {
        shownIncome![i] = perCapita![k]!;
        shownDepositLimit![i] = depositLimit;
        shownMovable![i] = movable[k]!;
        shownImmovable![i] = immovable[k]!;
      }
      incomeOk[i] = or(s, +(total <= incomeLimit * members));
      consumptionOk[i] = or(
        s,
        Number.isNaN(consumptionLimit) ? open : +(total <= consumptionLimit * members),
      );
      depositsOk[i] = or(s, +(movable[k]! <= depositLimit));
      immovableOk[i] = or(s, Number.isNaN(immovableLimit) ? open : +(immovable[k]! <= immovableLimit));
      amount[i] = total < highTierLimit * members ? high : low;
    }
    ctx.check(
      {
        code: 'low-income-or-income-within-2.5-times-minimum-living-cost',
        reference: 'D0050045 第2條第1項第2款第1目、第2項',
        zh: '低收入戶或中低收入戶，或家庭總收入平均每人每月未超過最低生活費2.5倍',
        en: 'low- or mid-low-income household, or household income per person at most 2.5 × the minimum living cost',
      },
      incomeOk,
      { value: shownIncome, threshold: incomeLimit },
    );
    ctx.check(
      {
        code: 'low-income-or-income-within-1.5-times-average-consumption',
        reference: 'D0050045 第2條第1項第2款第1目、第2項',
        zh: '低收入戶或中低收入戶，或家庭總收入平均每人每月未超過臺灣地區平均每人每月消費支出1.5倍',
        en: 'low- or mid-low-income household, or household income per person at most 1.5 × average consumption',
      },
      consumptionOk,
      { value: shownIncome, threshold: consumptionLimit },
    );
    ctx.check(
      {
        code: 'low-income-or-deposits-within-limit',
        reference: 'D0050045 第2條第1項第2款第2目、第2項',
        zh: '低收入戶或中低收入戶，或存款本金、投資及有價證券合計未超過250萬元（每增加一人加25萬元）',
        en: 'low- or mid-low-income household, or deposits, investments and securities within 2,500,000 plus 250,000 per additional person',
      },
      depositsOk,
      { value: shownMovable, threshold: shownDepositLimit },
    );
    ctx.check(
      {
        code: 'low-income-or-land-and-houses-within-limit',
        reference: 'D0050045 第2條第1項第2款第3目、第2項、第4條',
        zh: '低收入戶或中低收入戶，或土地及房屋未超過本市所定合理之價值',
        en: 'low- or mid-low-income household, or land and houses within the reasonable value the city sets',
      },
      immovableOk,
      { value: shownImmovable, threshold: immovableLimit },
    );
    return { amountNtd: amount };
  },
});
