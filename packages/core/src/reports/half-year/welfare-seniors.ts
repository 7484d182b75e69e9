import { formatCount, formatRocPeriod } from '../report-numbers.ts';
import { type ItemData, NO_DATA, noData, program, type ReportNode } from './report-structure.ts';
import { counted, noPayments, PERSON_TIMES, paidSentence, percentOf } from './sentences.ts';

/** 四(一) 老人福利 Seniors (seed 001 四(一)). */

/**
 * 四(一)1 and 四(二)1, from the registry on the period's last day:「本市至112年6月底計510,792人，佔總人口
 * 18.67%。」
 */
export function populationSentence(
  which: 'seniors' | 'withDisabilityCertificate',
  ofWhole: string,
): ItemData {
  return {
    source: 'registry',
    programs: [],
    sentence(input) {
      const registry = input.registry;
      if (!registry || registry.population === 0) return `${NO_DATA}（戶籍人口）。`;
      const part = registry[which];
      return `本市至${input.endOfPeriod}計${formatCount(part)}人，佔${ofWhole}${percentOf(part, registry.population)}。`;
    },
  };
}

const institutionalCare = program('senior-institutional-care-subsidy', '老人公費安置及機構養護費補助');

/**
 * 四(一)4(2):「辦理低收及中低收入失能老人機構養護服務補助費，112年5月補助1,386人，112年1月至5月服務6,882人次。」
 * The persons are those of the last month with payments; the person-times those of the period.
 */
const institutionalCareSentence: ItemData = {
  source: 'payments',
  programs: [institutionalCare],
  sentence(input) {
    const lead = '辦理低收及中低收入失能老人機構養護服務補助費';
    const figures = input.figures(institutionalCare.id);
    const last = input.months(institutionalCare.id).at(-1);
    if (!figures || !last) return noPayments(lead, input);
    const month = formatRocPeriod(last.month, last.month);
    return `${lead}，${month}補助${counted(last.persons, '人')}，${input.period}服務${counted(figures.personTimes, '人次')}。`;
  },
};

export const SENIORS: ReportNode = {
  number: '(一)',
  title: '老人福利',
  titleEn: 'Seniors',
  children: [
    {
      number: '1.',
      title: '老人人口',
      titleEn: 'Senior population',
      data: populationSentence('seniors', '總人口'),
    },
    {
      number: '2.',
      title: '經濟補助',
      titleEn: 'Financial support',
      children: [
        {
          number: '(1)',
          label: '中低收入老人生活津貼',
          data: paidSentence(
            program('senior-living-allowance', '中低收入老人生活津貼'),
            '中低收入老人生活津貼',
            [PERSON_TIMES],
          ),
        },
        {
          number: '(2)',
          label: '中低收入老人特別照顧津貼',
          data: paidSentence(
            program('senior-special-care-allowance', '中低收入老人特別照顧津貼'),
            '中低收入老人特別照顧津貼',
            [PERSON_TIMES],
          ),
        },
        {
          number: '(3)',
          label: '全民健康保險保費自付額補助',
          // The seed gives person-times only.
          data: paidSentence(
            program('senior-nhi-premium-subsidy', '老人全民健康保險保費自付額補助'),
            '全民健康保險保費自付額補助',
            [PERSON_TIMES],
            { amountJoin: null },
          ),
        },
      ],
    },
    noData('3.', '安置頤養', 'Residential care'),
    {
      number: '4.',
      title: '老人養護、長期照護服務',
      titleEn: 'Nursing and long-term care',
      children: [
        noData('(1)', '輔導老人福利機構提供長期照顧服務'),
        { number: '(2)', label: '低收及中低收入失能老人機構養護服務補助費', data: institutionalCareSentence },
        noData('(3)', '失智症照顧專區'),
      ],
    },
    noData('5.', '關懷及保護服務', 'Care and protection services'),
    noData('6.', '社會參與', 'Social participation'),
    noData('7.', '老人福利促進小組'),
    noData('8.', '「快樂學習~世代共融」計畫'),
    noData('9.', '獎勵機構改善公共安全設施設備計畫'),
    noData('10.', '住宿式服務機構品質提升卓越計畫'),
    noData('11.', '住宿式機構強化感染管制獎勵計畫'),
    noData('12.', '社區老人主動關懷計畫'),
    noData('13.', '「關懷銀髮預防家暴宣導」計畫'),
  ],
};
