import { type ItemData, noData, type ProgramRef, program, type ReportNode } from './report-structure.ts';
import {
  amount,
  counted,
  HOUSEHOLDS,
  monthlyAverage,
  noPayments,
  PERSON_TIMES,
  PERSONS,
  paidSentence,
} from './sentences.ts';
import { populationSentence } from './welfare-seniors.ts';

/** 四(二) 身心障礙福利 Persons with disabilities (seed 001 四(二)). */

/**
 * 四(二)2(2) and (3):「…112年1月至6月平均每月補助372人，計補助668萬8,500元。」 The average is over the months
 * from the first to the last with payments, and the sentence names those months (one month: its count).
 */
function averageSentence(ref: ProgramRef, lead: string, total: '合計補助' | '計補助'): ItemData {
  return {
    source: 'payments',
    programs: [ref],
    sentence(input) {
      const figures = input.figures(ref.id);
      if (!figures) return noPayments(lead, input);
      const average = monthlyAverage(input, ref.id);
      // One month paid: its count, not an average of one.
      const per = average.months === 1 ? '' : '平均每月';
      return `${lead}，${average.period}${per}補助${counted(average.persons, '人')}，${total}${amount(figures.amountNtd)}。`;
    },
  };
}

export const DISABILITY: ReportNode = {
  number: '(二)',
  title: '身心障礙福利',
  titleEn: 'Persons with disabilities',
  children: [
    {
      number: '1.',
      title: '身心障礙人口',
      titleEn: 'Population with a disability certificate',
      data: populationSentence('withDisabilityCertificate', '本市總人口數'),
    },
    {
      number: '2.',
      title: '經濟補助',
      titleEn: 'Financial support',
      children: [
        {
          number: '(1)',
          label: '身心障礙者生活補助',
          data: paidSentence(
            program('disability-living-allowance', '身心障礙者生活補助'),
            '身心障礙者生活補助',
            [PERSON_TIMES],
          ),
        },
        {
          number: '(2)',
          label: '身心障礙者全民健保保費自付額補助',
          data: averageSentence(
            program('disability-nhi-premium-subsidy', '身心障礙者全民健保保費自付額補助'),
            '補助身心障礙者全民健保保費自付額',
            '合計補助',
          ),
        },
        {
          number: '(3)',
          label: '身心障礙照顧者津貼',
          data: averageSentence(
            program('disability-caregiver-allowance', '身心障礙照顧者津貼'),
            '身心障礙照顧者津貼',
            '計補助',
          ),
        },
        {
          number: '(4)',
          label: '日間及住宿式照顧費用補助',
          data: paidSentence(
            program('disability-care-fee-subsidy', '身心障礙者日間及住宿式照顧費用補助'),
            '日間及住宿式照顧(托育養護)費用補助',
            [PERSONS],
            { verb: '共補助' },
          ),
        },
        {
          number: '(5)',
          label: '輔助器具補助',
          data: paidSentence(program('assistive-device-subsidy', '身心障礙者輔助器具補助'), '輔助器具補助', [
            PERSON_TIMES,
          ]),
        },
        noData('(6)', '居家身心障礙者維生器材及必要生活輔具用電優惠'),
        {
          number: '(7)',
          label: '身心障礙者租屋補貼及購屋貸款利息補貼',
          // A household program: its recipients are households; rent and mortgage interest are one program.
          data: paidSentence(
            program('disability-housing-subsidy', '身心障礙者租屋補貼及購屋貸款利息補貼', 'household'),
            '身心障礙者租賃房屋租金及購屋貸款利息補貼',
            [HOUSEHOLDS],
            { amountJoin: '，合計補助' },
          ),
          partWithoutData: '租賃房屋租金與購屋貸款利息之分項',
        },
        {
          number: '(8)',
          label: '身心障礙者承租停車位租金補助',
          data: paidSentence(
            program('disability-parking-subsidy', '身心障礙者停車位租金及貸款利息補助'),
            '身心障礙者承租停車位租金補助',
            [PERSON_TIMES],
          ),
        },
      ],
    },
    noData('3.', '身心障礙者個案管理服務', 'Case management'),
    noData('4.', '社區服務', 'Community services'),
    noData('5.', '無障礙交通服務', 'Accessible transport'),
    noData('6.', '日間及住宿式照顧服務', 'Day and residential care services'),
    {
      number: '7.',
      title: '支持服務',
      titleEn: 'Support services',
      children: [
        noData('(1)', '身心障礙者臨時暨短期照顧服務'),
        noData('(2)', '身心障礙自立生活支持服務'),
        {
          number: '(3)',
          label: '視障者搭乘計程車費用補助',
          // 人次 here are monthly payments, not the seed's rides (趟).
          data: paidSentence(
            program('visually-impaired-taxi-subsidy', '視障者計程車補助'),
            '補助視障者搭乘計程車費用',
            [PERSON_TIMES],
          ),
          partWithoutData: '視覺障礙者生活照顧輔佐服務及搭乘趟次',
        },
        noData('(4)', '視覺障礙者使用導盲犬'),
        noData('(5)', '輔具資源中心及服務據點'),
        noData('(6)', '手語服務中心'),
        noData('(7)', '身心障礙者雙老家庭支持整合服務'),
        noData('(8)', '推廣輔導高雄市身心障礙友善營業場所'),
        noData('(9)', '身心障礙者嚴重情緒行為正向支持試辦計畫'),
      ],
    },
    noData('8.', '身障福利團體輔導'),
    noData('9.', '身心障礙鑑定與需求評估新制'),
    noData('10.', '身心障礙權益保障推動小組'),
  ],
};
