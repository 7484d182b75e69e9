import { defineProgram } from '../../engine/program.ts';

/**
 * 街友安置輔導 — homeless services (catalog: homeless-services; 000 參(十二); 001 三(六)). A service: who
 * qualifies for shelter, outreach, cold-weather care and employment services in the month.
 *
 * 000 參(十二)：「安置照顧流落街頭、孤苦無依，需收容之街友，並提供外展服務及自立方案，輔導其回歸家庭及社會。1.依據高雄市
 * 街友安置輔導辦法，執行各項輔導及收容業務。…3.辦理街友外展服務，視街友需求，提供沐浴、餐食、義剪、衣物及低溫關懷
 * 安置等定點及走動式服務。4.辦理各項就業自立服務措施…」
 * 001 三(六)：「委託民間團體辦理街友短期收容安置輔導及外展服務…於颱風及寒流等氣候不良或天災發生時，給予短期安置
 * 住宿場所…」
 * D0050078 第17條第1項：「警察機關發現無家可歸之遊民…協助護送前往社會救助機構或社會福利機構安置輔導…不願接受
 * 安置者，予以列冊並提供社會福利相關資訊。」第2項：「有關遊民之安置及輔導規定，由直轄市、縣（市）主管機關定之。」
 *
 * Whoever is homeless (街友, as the outreach team or the district office found) is served wherever they are
 * registered and whatever their means: the seed sets no registration or means test. Which service (a
 * shelter bed, a meal, cold-weather care) follows the worker's assessment of need, not a rule here.
 */
export const homelessServices = defineProgram({
  id: 'homeless-services',
  nameZh: '街友安置輔導',
  nameEn: 'Homeless services',
  kind: 'service',
  entity: 'person',
  period: 'event',
  legalBasis: ['000 參(十二)', '001 三(六)', 'D0050078 第17條'],
  parameters: [],
  formula(ctx) {
    // 「流落街頭、孤苦無依…之街友」
    ctx.check(
      {
        code: 'homeless',
        reference: '000 參(十二)',
        zh: '街友（遊民）',
        en: 'homeless',
      },
      ctx.persons.homeless,
    );
    return undefined;
  },
});
