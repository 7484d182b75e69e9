import { defineProgram } from '../../engine/program.ts';
import { SENIOR_AGE_GATE, seniorAge } from './common.ts';

/**
 * 老人保護安置 — protective placement of seniors (catalog: senior-protection-placement; 000 肆一(十三);
 * 001 四(一)5(3)). Per event: seniors with an `elder-protection` assessment dated in the period's month.
 *
 * 000 肆一(十三)：「針對本市 65 歲以上老人因遭受疏忽、虐待、遺棄、無人扶養，未得到基本生活照顧或遭遇緊急事故者，
 * 提供短期保護安置與立即救援服務，確保老人獲得適當照顧，並提供心理輔導、法律諮詢等服務。」
 * D0050037 第41條第1項：「老人因配偶、直系血親卑親屬或依契約負照顧義務之人有疏忽、虐待、遺棄或其他情事，致其生命、
 * 身體、健康或自由發生危難者，直轄市、縣（市）主管機關得依老人之申請或依職權予以適當保護及安置。」
 * D0050037 第42條第1項：「老人因無人扶養，致有生命、身體之危難或生活陷於困境者，直轄市、縣（市）主管機關應依老人
 * 之申請或依職權，予以適當安置。」
 *
 * 「本市老人」 is read as a senior registered in or living in the city: protection is given where the senior
 * is found in danger (第43條 reports go to the local authority).
 */
export const seniorProtectionPlacement = defineProgram({
  id: 'senior-protection-placement',
  nameZh: '老人保護安置',
  nameEn: 'Protective placement of seniors',
  kind: 'service',
  entity: 'person',
  period: 'event',
  gate: SENIOR_AGE_GATE,
  legalBasis: ['D0050037 第41條', 'D0050037 第42條', '000 肆一(十三)', '001 四(一)5(3)'],
  parameters: ['seniors.senior-age'],
  formula(ctx) {
    const p = ctx.persons;
    seniorAge(ctx, '000 肆一(十三)');
    const inCity = ctx.newUint8Array(p.count);
    for (let i = 0; i < p.count; i++) inCity[i] = p.registeredInCity[i]! | p.residesInCity[i]!;
    ctx.check(
      {
        code: 'registered-or-living-in-city',
        reference: '000 肆一(十三)',
        zh: '本市老人（設籍或居住本市）',
        en: 'a senior of the city (registered or living there)',
      },
      inCity,
    );
    // 「因遭受疏忽、虐待、遺棄、無人扶養，未得到基本生活照顧或遭遇緊急事故者」: assessed this month.
    const events = ctx.population.events['elder-protection'];
    const assessed = ctx.newUint8Array(p.count);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day >= ctx.periodStartDay && day <= ctx.periodEndDay) assessed[events.owner[e]!] = 1;
    }
    ctx.check(
      {
        code: 'assessed-as-needing-protection-this-month',
        reference: '000 肆一(十三); D0050037 第41條、第42條',
        zh: '本月經通報評估因遭受疏忽、虐待、遺棄、無人扶養或遭遇緊急事故而需保護安置',
        en: 'assessed this month as neglected, abused, abandoned, without support or in an emergency, needing protective placement',
      },
      assessed,
    );
    return undefined;
  },
});
