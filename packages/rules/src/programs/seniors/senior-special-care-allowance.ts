import { defineProgram } from '../../engine/program.ts';
import { WORK_INABILITY_REASONS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import {
  ADL_SEVERE,
  equals,
  FAIL,
  livesInCity,
  NOT_PLACED,
  not,
  OPEN,
  PASS,
  perPerson,
  registeredInCity,
} from './common.ts';

const CAREGIVER = WORK_INABILITY_REASONS.indexOf('caregiver');

/**
 * 中低收入老人特別照顧津貼 — special care allowance for mid/low-income seniors (catalog:
 * senior-special-care-allowance; 000 肆一(十一); 001 四(一)2(2)). The person is the carer (the law pays the
 * carer, D0050149 第5條第2項); monthly.
 *
 * D0050037 第12條第2項：「前項領有生活津貼，且其失能程度經評估為重度以上，實際由家人照顧者，照顧者得向直轄市、
 * 縣（市）主管機關申請發給特別照顧津貼。」
 * 000 肆一(十一)：「補助設籍且實際居住本市中低收入戶年滿 65 歲以上之重度失能老人，家庭照顧者為照顧老人，致無法
 * 就業之特別照顧津貼每月 5,000 元」
 *
 * The seed's 中低收入戶 is read as the law's condition, a recipient of the senior living allowance (D0050149
 * 第2條第1款), which already requires 65+, registration and residence in the city. The cared-for senior is a
 * member of the carer's household (第3條第2款第1目; the household given is the counted household). Not
 * encoded: 第6條's one carer per senior when several members would qualify (who claims is the family's
 * choice, not a fact here).
 */
export const seniorSpecialCareAllowance = defineProgram({
  id: 'senior-special-care-allowance',
  nameZh: '中低收入老人特別照顧津貼',
  nameEn: 'Special care allowance for mid/low-income seniors',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  legalBasis: [
    'D0050037 第12條第2項',
    'D0050149 第2條',
    'D0050149 第3條',
    'D0050149 第5條',
    '000 肆一(十一)',
    '001 四(一)2(2)',
  ],
  parameters: [
    'seniors.special-care-allowance.amount',
    'seniors.special-care-allowance.carer-minimum-age',
    'seniors.special-care-allowance.carer-age-limit',
  ],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    // D0050149 第2條：「一、領有中低收入老人生活津貼。二、未接受機構收容安置、居家服務、未僱用看護（傭）、未領有
    // 政府提供之日間照顧服務補助或其他照顧服務補助。三、失能程度…評估為重度以上，且實際由家人照顧。四、實際居住於
    // 戶籍所在地。」 A day-care or residential-care fee (careFeeNtd) stands for day care or other care services.
    // Per household, the best outcome over its members: a senior who passes (1), else one whose allowance is
    // undetermined (2), else none (0).
    const allowance = ctx.program('senior-living-allowance').eligible;
    const caredFor = ctx.newUint8Array(h.count);
    const [pass, fail, open, severe, notPlaced] = [PASS, FAIL, OPEN, ADL_SEVERE, NOT_PLACED];
    for (let i = 0; i < p.count; i++) {
      if (
        p.adlImpairment[i] !== severe ||
        p.placement[i] !== notPlaced ||
        p.usesHomeCare[i] === 1 ||
        p.hiresCareWorker[i] === 1 ||
        p.careFeeNtd[i]! > 0 ||
        p.residesInCity[i] === 0
      )
        continue;
      const k = p.household[i]!;
      const a = allowance[i]!;
      if (a === pass || (a === open && caredFor[k] === fail)) caredFor[k] = a;
    }
    ctx.check(
      {
        code: 'cares-for-severely-impaired-senior-with-living-allowance',
        reference: 'D0050149 第2條',
        zh: '家中有領取中低收入老人生活津貼、失能程度重度以上、未受機構安置、居家服務、看護或其他照顧服務補助而實際由家人照顧之老人',
        en: 'a household member receives the senior living allowance, is severely impaired and is cared for by the family, without an institution, home care, a paid carer or other care subsidy',
      },
      perPerson(ctx, caredFor),
    );

    // 第3條第1款：「年滿十六歲，未滿六十五歲，且無社會救助法第五條之三第一款至第三款、第六款及第七款規定之情事。」
    // Age on the first day of the month, as for the ability to work (D0050078 第5-3條): a carer turning 65 during
    // the month is no longer paid for it, one turning 16 is paid from the next month.
    const age = ageAtPeriodStart(ctx);
    const minimumAge = ctx.param('seniors.special-care-allowance.carer-minimum-age');
    const ageLimit = ctx.param('seniors.special-care-allowance.carer-age-limit');
    const ageOk = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) ageOk[i] = +(age[i]! >= minimumAge && age[i]! < ageLimit);
    ctx.check(
      {
        code: 'carer-aged-16-to-64',
        reference: 'D0050149 第3條第1款',
        zh: '照顧者年滿16歲、未滿65歲',
        en: 'the carer is aged 16 to 64',
      },
      ageOk,
      { value: age },
    );
    // 第3條第1款 and 第3款「…實際負責照顧受照顧者」: the carer's reason for not working is caring for a family
    // member (社會救助法第5-3條第1項第4款), which is none of the excluded 第1–3、6、7款.
    ctx.check(
      {
        code: 'carer-cares-for-senior',
        reference: 'D0050149 第3條第1款、第3款',
        zh: '實際負責照顧受照顧者致不能工作（無社會救助法第5-3條第1至3款、第6款及第7款之情事）',
        en: 'actually caring for the senior and unable to work because of it (none of D0050078 art. 5-3 items 1–3, 6, 7)',
      },
      equals(p.workInability, CAREGIVER),
    );
    // 第3條第3款：「未從事全時工作…」
    ctx.check(
      {
        code: 'carer-not-working-full-time',
        reference: 'D0050149 第3條第3款',
        zh: '照顧者未從事全時工作',
        en: 'the carer does not work full time',
      },
      not(p.employed),
    );
    // 第3條第4款：「與受照顧者設籍及實際居住於同一直轄市、縣（市）。」 (the senior is registered in the city)
    registeredInCity(ctx, 'D0050149 第3條第4款');
    livesInCity(ctx, 'D0050149 第3條第4款');

    // 第5條第2項：「…每月發給照顧者本津貼新臺幣五千元。」 (第6條: one allowance per carer however many seniors)
    const amount = ctx.newInt32Array(p.count).fill(ctx.param('seniors.special-care-allowance.amount'));
    return { amountNtd: amount };
  },
});
