import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import {
  householdImmovableProperty,
  householdIncome,
  householdIncomePerCapita,
  householdMovableProperty,
} from '../../variables/household-income.ts';
import {
  CERTIFICATE_GATE,
  holdsCertificate,
  inTaiwanOver183Days,
  MODERATE,
  notInInstitution,
  perPerson,
  registeredInCity,
  statusTier,
  tierValue,
} from './common.ts';

/** Three-valued OR of two check outcomes (PASSED if either passed, else UNKNOWN if either is unknown). */
function or(a: number, b: number): number {
  return a === PASSED || b === PASSED ? PASSED : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : FAILED;
}

/**
 * 身心障礙者生活補助 — disability living allowance (catalog: disability-living-allowance; 000 肆三(九);
 * 001 四(二)2(1)). Monthly: the allowance for the period's month.
 *
 * 000 肆三(九)1：「設籍並實際居住本市領有本市身心障礙手冊，其家庭總收入、動產及不動產價值符合規定標準者，每月發給
 * 身心障礙者生活補助。」
 * D0050189 第2條第1項：「依法領有身心障礙者手冊或身心障礙證明，並具下列資格者，得請領身心障礙者生活補助費…」
 *
 * Not encoded: 第2條第3項、第4項 (only one of several living allowances, all together at most the minimum
 * wage) depend on the other allowances the person chose, which are not facts here; 第2條第2項's exemption of
 * previous-year recipients from the land-and-house limit; 第14條's siblings who must be counted (the
 * household given is the counted household, as for low-income-status).
 */
export const disabilityLivingAllowance = defineProgram({
  id: 'disability-living-allowance',
  nameZh: '身心障礙者生活補助',
  nameEn: 'Disability living allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  // Its selective checks (the means tests) come last: evaluated once over the certificate holders' part.
  narrows: false,
  legalBasis: [
    'D0050046 第71條',
    'D0050189 第2條',
    'D0050189 第3條',
    'D0050189 第14條',
    '000 肆三(九)',
    '001 四(二)2(1)',
  ],
  parameters: [
    'social-assistance.minimum-living-cost',
    'cross-cutting.minimum-wage',
    'cross-cutting.average-consumption-per-capita',
    'disability.living-allowance.income-multiple',
    'disability.living-allowance.consumption-multiple',
    'disability.living-allowance.deposits-limit-first-person',
    'disability.living-allowance.deposits-limit-per-additional-person',
    'disability.living-allowance.immovable-limit-multiple',
    'disability.living-allowance.taiwan-province-immovable-limit',
    'disability.living-allowance.amount-low-income-moderate-or-above',
    'disability.living-allowance.amount-low-income-mild',
    'disability.living-allowance.amount-mid-low-income-moderate-or-above',
    'disability.living-allowance.amount-mid-low-income-mild',
    'disability.living-allowance.amount-other-moderate-or-above',
    'disability.living-allowance.amount-other-mild',
  ],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    holdsCertificate(ctx, 'D0050189 第2條第1項');
    registeredInCity(ctx, '000 肆三(九)1');
    // 第2條第1項第1款：「實際居住於戶籍所在地之直轄市、縣（市）。」
    ctx.check(
      {
        code: 'lives-in-city',
        reference: 'D0050189 第2條第1項第1款',
        zh: '實際居住於戶籍所在地（本市）',
        en: 'actually lives in the city of registration',
      },
      p.residesInCity,
    );
    // 第2條第1項第2款：「最近一年居住國內超過一百八十三日。」
    inTaiwanOver183Days(ctx, 'D0050189 第2條第1項第2款');
    // 第2條第1項第3款：「未經政府補助收容安置於機構夜間式或全日住宿式服務。」 The placements recorded are the
    // government's; foster families, kinship care and shelters are not residential institutions.
    ctx.check(
      {
        code: 'not-in-residential-institution',
        reference: 'D0050189 第2條第1項第3款',
        zh: '未經政府補助收容安置於機構夜間式或全日住宿式服務',
        en: 'not placed by the government in night or full-day residential care',
      },
      notInInstitution(ctx),
    );

    // 第2條第1項第4款：「符合下列規定之一：（一）低收入戶。（二）中低收入戶。（三）家庭總收入及財產符合下列基準…」
    // mid-low-income-status holds for low-income households too. Each test of （三） is recorded as a check
    // that a low- or mid-low-income household passes outright: AND over the tests of (status OR test) is
    // (status OR all tests), and the failed test is the one the explanation names.
    const low = ctx.program('low-income-status').eligible;
    const midLow = ctx.program('mid-low-income-status').eligible;
    const status = ctx.newUint8Array(h.count);
    for (let k = 0; k < h.count; k++) status[k] = or(low[k]!, midLow[k]!);

    const income = householdIncome(ctx);
    const n = h.memberCount;
    // 第2條第1項第4款第3目1：「家庭總收入平均分配全家人口之金額，未達當年度每人每月最低生活費二點五倍，且未超過
    // 臺灣地區平均每人每月消費支出一點五倍。」 Exact tests on totals (total < 2.5 × cost × members), so a rounded
    // per-capita figure cannot pass or fail a household by a fraction of an NTD.
    const incomeLimit =
      ctx.param('disability.living-allowance.income-multiple') *
      ctx.param('social-assistance.minimum-living-cost');
    const consumptionLimit =
      ctx.param('disability.living-allowance.consumption-multiple') *
      ctx.paramOrNaN('cross-cutting.average-consumption-per-capita');
    // 第2條第1項第4款第3目2：「…所有存款本金及有價證券價值合計未超過一人時為新臺幣二百萬元，每增加一人，增加新臺幣
    // 二十五萬元。」 The movable-property fact (deposits, investments, securities) stands for them.
    const depositsFirst = ctx.param('disability.living-allowance.deposits-limit-first-person');
    const depositsMore = ctx.param('disability.living-allowance.deposits-limit-per-additional-person');
    // 第2條第1項第4款第3目3：「…所有土地及房屋價值合計，未超過…臺灣省不動產限額二倍。」
    const immovableLimit =
      ctx.param('disability.living-allowance.immovable-limit-multiple') *
      ctx.paramOrNaN('disability.living-allowance.taiwan-province-immovable-limit');
    const movable = householdMovableProperty(ctx);
    const immovable = householdImmovableProperty(ctx);
    // The four tests per household, then each person takes their household's outcomes.
    const incomeHh = ctx.newUint8Array(h.count);
    const consumptionHh = ctx.newUint8Array(h.count);
    const depositsHh = ctx.newUint8Array(h.count);
    const immovableHh = ctx.newUint8Array(h.count);
    const depositLimit = ctx.newFloat64Array(h.count);
    for (let k = 0; k < h.count; k++) {
      const s = status[k]!;
      const members = n[k]!;
      depositLimit[k] = depositsFirst + depositsMore * (members - 1);
      incomeHh[k] = or(s, +(income[k]! < incomeLimit * members));
      consumptionHh[k] = or(
        s,
        Number.isNaN(consumptionLimit) ? UNKNOWN : +(income[k]! <= consumptionLimit * members),
      );
      depositsHh[k] = or(s, +(movable[k]! <= depositLimit[k]!));
      immovableHh[k] = or(s, Number.isNaN(immovableLimit) ? UNKNOWN : +(immovable[k]! <= immovableLimit));
    }
    const incomeOk = ctx.newUint8Array(p.count);
    const consumptionOk = ctx.newUint8Array(p.count);
    const depositsOk = ctx.newUint8Array(p.count);
    const immovableOk = ctx.newUint8Array(p.count);
    // Persons a check above has failed are skipped (their outcomes change nothing).
    const inPlay = ctx.inPlay();
    for (let i = 0; i < p.count; i++) {
      if (inPlay !== undefined && inPlay[i] === 0) continue;
      const k = p.household[i]!;
      incomeOk[i] = incomeHh[k]!;
      consumptionOk[i] = consumptionHh[k]!;
      depositsOk[i] = depositsHh[k]!;
      immovableOk[i] = immovableHh[k]!;
    }
    // Only shown (a compact run drops it).
    const shownIncome = ctx.explaining ? perPerson(ctx, householdIncomePerCapita(ctx)) : undefined;
    ctx.check(
      {
        code: 'low-income-or-income-below-2.5-times-minimum-living-cost',
        reference: 'D0050189 第2條第1項第4款',
        zh: '低收入戶或中低收入戶，或家庭總收入平均每人每月未達最低生活費2.5倍',
        en: 'low- or mid-low-income household, or household income per person below 2.5 × the minimum living cost',
      },
      incomeOk,
      { value: shownIncome, threshold: incomeLimit },
    );
    ctx.check(
      {
        code: 'low-income-or-income-within-1.5-times-average-consumption',
        reference: 'D0050189 第2條第1項第4款第3目1',
        zh: '低收入戶或中低收入戶，或家庭總收入平均每人每月未超過臺灣地區平均每人每月消費支出1.5倍',
        en: 'low- or mid-low-income household, or household income per person at most 1.5 × average consumption',
      },
      consumptionOk,
      { value: shownIncome, threshold: consumptionLimit },
    );
    ctx.check(
      {
        code: 'low-income-or-deposits-within-limit',
        reference: 'D0050189 第2條第1項第4款第3目2',
        zh: '低收入戶或中低收入戶，或存款本金及有價證券合計未超過200萬元（每增加一人加25萬元）',
        en: 'low- or mid-low-income household, or deposits and securities within 2,000,000 plus 250,000 per additional person',
      },
      depositsOk,
      { value: perPerson(ctx, movable), threshold: perPerson(ctx, depositLimit) },
    );
    ctx.check(
      {
        code: 'low-income-or-land-and-houses-within-limit',
        reference: 'D0050189 第2條第1項第4款第3目3',
        zh: '低收入戶或中低收入戶，或土地及房屋價值合計未超過臺灣省不動產限額二倍',
        en: 'low- or mid-low-income household, or land and houses within twice the Taiwan Province limit',
      },
      immovableOk,
      { value: perPerson(ctx, immovable), threshold: immovableLimit },
    );

    // 第3條第1項：「一、低收入戶之極重度、重度及中度身心障礙者每人每月核發新臺幣八千二百元；輕度身心障礙者每人每月
    // 核發新臺幣四千七百元。二、中低收入戶之…四千七百元；…三千五百元。三、非屬前二款之…四千七百元；…三千五百元。」
    // (amounts adjusted every four years, 第3條第2項). The household's status sets the tier, so where the status
    // that decides it is undetermined (and the tiers differ) the amount is left open.
    const lowSevere = ctx.param('disability.living-allowance.amount-low-income-moderate-or-above');
    const lowMild = ctx.param('disability.living-allowance.amount-low-income-mild');
    const midSevere = ctx.param('disability.living-allowance.amount-mid-low-income-moderate-or-above');
    const midMild = ctx.param('disability.living-allowance.amount-mid-low-income-mild');
    const otherSevere = ctx.param('disability.living-allowance.amount-other-moderate-or-above');
    const otherMild = ctx.param('disability.living-allowance.amount-other-mild');
    const tier = statusTier(ctx);
    const amount = ctx.newInt32Array(p.count);
    const tierKnown = ctx.newUint8Array(p.count).fill(PASSED);
    for (let i = 0; i < p.count; i++) {
      const level = p.disabilityLevel[i]!;
      if (level === 0) continue;
      const value =
        level >= MODERATE
          ? tierValue(tier[i]!, lowSevere, midSevere, otherSevere)
          : tierValue(tier[i]!, lowMild, midMild, otherMild);
      if (Number.isNaN(value)) tierKnown[i] = UNKNOWN;
      else amount[i] = value;
    }
    ctx.check(
      {
        code: 'household-status-determined',
        reference: 'D0050189 第3條第1項',
        zh: '家戶身分（低收入戶、中低收入戶或其他）已可判定，以定補助級別',
        en: 'the household status (low-income, mid-low-income or other) that sets the tier is determined',
      },
      tierKnown,
    );
    return { amountNtd: amount };
  },
});
