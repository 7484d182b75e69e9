import { defineProgram } from '../../engine/program.ts';
import { CERTIFICATE_GATE, holdsCertificate, inTaiwanOver183Days, livesAtHome } from './common.ts';

/**
 * 維生器材用電優惠 — electricity discount for life-support and necessary assistive devices used at home
 * (catalog: disability-electricity-discount; 000 肆三(二十五); 001 四(二)2(6)). Monthly: who qualifies for the
 * month's discount (Taipower applies it).
 *
 * 000 肆三(二十五)：「凡持有身心障礙手冊或證明且最近一年居住國內超過183日且實際居家自宅或租屋處所，經醫師診斷或
 * 專業評估認有使用用電優惠項目輔具之需求者，由台電公司予以用電優惠。」
 *
 * The rule sets no city registration (Taipower's discount is national); none is required.
 */
export const disabilityElectricityDiscount = defineProgram({
  id: 'disability-electricity-discount',
  nameZh: '維生器材用電優惠',
  nameEn: 'Electricity discount for life-support devices at home',
  kind: 'in-kind',
  entity: 'person',
  period: 'month',
  gate: CERTIFICATE_GATE,
  legalBasis: ['000 肆三(二十五)', '001 四(二)2(6)'],
  parameters: [],
  formula(ctx) {
    holdsCertificate(ctx, '000 肆三(二十五)');
    inTaiwanOver183Days(ctx, '000 肆三(二十五)');
    // 「實際居家自宅或租屋處所」: not placed in an institution or elsewhere.
    livesAtHome(
      ctx,
      '000 肆三(二十五)',
      '實際居住於自宅或租屋處所',
      'actually lives in their own or a rented home',
    );
    ctx.check(
      {
        code: 'uses-life-support-device-at-home',
        reference: '000 肆三(二十五)',
        zh: '經醫師診斷或專業評估，需使用維生器材或必要生活輔具',
        en: 'needs a life-support device or necessary assistive device, as diagnosed or assessed',
      },
      ctx.persons.lifeSupportDeviceAtHome,
    );
    return undefined;
  },
});
