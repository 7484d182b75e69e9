import { formatCount } from '../report-numbers.ts';
import {
  type AccountCounts,
  type ItemData,
  noData,
  program,
  type ReportNode,
  type SentenceInput,
} from './report-structure.ts';
import {
  amount,
  counted,
  HOUSEHOLD_TIMES,
  noPayments,
  PERSON_TIMES,
  paidSentence,
  type Unit,
} from './sentences.ts';

/** 災害救助's payments: to a person (death) or to a household (a home lost or damaged). */
const RECIPIENT_TIMES = { measure: 'personTimes', unit: '戶(人)次' } as const;

/** 三、社會救助 Social assistance (seed 001 三), headings as the report numbers them. */

const livingAllowance = program('low-income-living-allowance', '低收入戶家庭生活補助', 'household');
const childAllowance = program('low-income-child-allowance', '低收入戶子女生活扶助');
const studentAllowance = program('low-income-student-allowance', '低收入戶就學生活扶助');

/**
 * 三(一)1:「112年1月至6月辦理低收入戶家庭生活補助39,417戶(人)次；子女生活扶助30,960人次；就讀高中以上子女
 * 就學生活扶助22,563人次，合計補助4億9,537萬1,788元。」 Each part in payments; one total of the three.
 */
const livingAssistance: ItemData = {
  source: 'payments',
  programs: [livingAllowance, childAllowance, studentAllowance],
  sentence(input) {
    const parts: [string, string, Unit][] = [
      [livingAllowance.id, '低收入戶家庭生活補助', '戶(人)次'],
      [childAllowance.id, '子女生活扶助', '人次'],
      [studentAllowance.id, '就讀高中以上子女就學生活扶助', '人次'],
    ];
    const paid = parts.map(([id]) => input.figures(id));
    if (paid.every((f) => f === undefined))
      return noPayments('辦理低收入戶家庭生活補助、子女生活扶助及就讀高中以上子女就學生活扶助', input);
    const said = parts.map(([, name, unit], k) => {
      const figures = paid[k];
      return figures ? `${name}${counted(figures.personTimes, unit)}` : `${name}本期無核付紀錄`;
    });
    const total = paid.reduce((sum, f) => sum + (f?.amountNtd ?? 0), 0);
    return `${input.period}辦理${said.join('；')}，合計補助${amount(total)}。`;
  },
};

/** 三(二)1 and 2: participants are the accounts open on the period's last day, not payments. */
function accountsSentence(
  programId: string,
  name: string,
  lead: string,
  count: (accounts: AccountCounts) => number,
  unit: '人' | '戶',
): ItemData {
  return {
    source: 'accounts',
    programs: [program(programId, name)],
    sentence(input: SentenceInput) {
      const open = count(input.accounts(programId) ?? { holders: 0, households: 0 });
      if (open === 0) return `${lead}，截至${input.endOfPeriod}無參與帳戶紀錄。`;
      return `${lead}，截至${input.endOfPeriod}，共${formatCount(open)}${unit}參與。`;
    },
  };
}

const nursing = program('hospital-nursing-subsidy', '經濟弱勢市民重傷病住院看護費補助');
const medical = program('medical-subsidy', '經濟弱勢市民醫療補助');

/** 三(九):「重傷病住院看護費補助，…補助396人次、488萬613元；重傷病醫療費補助，…補助147人次、477萬6,726元。」 */
const medicalAid: ItemData = {
  source: 'payments',
  programs: [nursing, medical],
  sentence(input) {
    const part = (id: string, name: string) => {
      const figures = input.figures(id);
      return figures
        ? `${name}，${input.period}補助${counted(figures.personTimes, '人次')}、${amount(figures.amountNtd)}`
        : `${name}，本期無核付紀錄（${input.period}）`;
    };
    return `${part(nursing.id, '重傷病住院看護費補助')}；${part(medical.id, '重傷病醫療費補助')}。`;
  },
};

export const SOCIAL_ASSISTANCE: ReportNode = {
  number: '三、',
  title: '社會救助',
  titleEn: 'Social assistance',
  children: [
    {
      number: '(一)',
      title: '生活扶助',
      titleEn: 'Living assistance',
      children: [
        { number: '1.', label: '低收入戶家庭生活補助、子女生活扶助及就學生活扶助', data: livingAssistance },
        noData('2.', '低收入戶內就學學生仁愛卡', 'Student transport card (in kind)'),
      ],
    },
    {
      number: '(二)',
      title: '脫貧自立服務',
      titleEn: 'Asset building and self-reliance',
      children: [
        {
          number: '1.',
          label: '存薪當young青年自立計畫',
          data: accountsSentence(
            'youth-savings-account',
            '存薪當young青年自立計畫',
            '「存薪當young青年自立計畫」鼓勵本市列冊低收入戶及中低收入戶就讀大三及大四子女累積資產',
            (a) => a.holders,
            '人',
          ),
        },
        {
          number: '2.',
          label: '兒童及少年未來教育與發展帳戶',
          data: accountsSentence(
            'children-future-account',
            '兒童與少年未來教育及發展帳戶',
            '「兒童及少年未來教育與發展帳戶」自106年6月開辦',
            (a) => a.households,
            '戶',
          ),
        },
        {
          number: '3.',
          title: '辦理就業脫貧方案',
          data: paidSentence(program('employment-incentives', '就業脫貧獎勵'), '就業脫貧獎勵', [
            PERSON_TIMES,
          ]),
          children: [
            noData('(1)', '媒合經濟弱勢家戶二代工讀'),
            noData('(2)', '轉介低收入戶及中低收入戶就業服務'),
            noData('(3)', '以工代賑方案'),
          ],
        },
      ],
    },
    {
      number: '(三)',
      title: '急難救助',
      titleEn: 'Emergency aid',
      children: [
        {
          number: '(1)',
          label: '急難救助',
          data: paidSentence(
            program('emergency-aid', '急難救助', 'household'),
            '救助本市遭受急難之民眾',
            [HOUSEHOLD_TIMES],
            { verb: '救助', amountJoin: '、補助' },
          ),
        },
        {
          number: '(2)',
          label: '馬上關懷急難紓困',
          data: paidSentence(
            program('immediate-care-aid', '馬上關懷急難救助', 'household'),
            '協助負擔家庭主要生計者死亡、失蹤或罹患重傷病、失業或其他原因無法工作，致家庭生活陷入困境者，辦理急難紓困實施方案',
            [HOUSEHOLD_TIMES],
          ),
        },
      ],
    },
    {
      number: '(四)',
      title: '災害救助',
      titleEn: 'Disaster relief',
      // One payment per recipient and disaster, the kinds of aid summed: the seed's split (死亡、安遷、
      // 住屋毀損) is not kept apart. The aid goes to a person (death) or a household (home): 戶(人)次.
      data: paidSentence(program('disaster-relief', '災害救助', 'household'), '災害救助', [RECIPIENT_TIMES], {
        verb: '發放',
      }),
      partWithoutData: '死亡救助、安遷救助及住屋毀損救助之分項',
    },
    noData('(五)', '慢性精神障礙者收容安養', 'Care of persons with chronic mental illness'),
    noData('(六)', '街友服務', 'Services for homeless persons'),
    {
      number: '(七)',
      title: '國民年金保險費補助',
      titleEn: 'National pension premium subsidy',
      data: paidSentence(
        program('national-pension-premium-subsidy', '國民年金保險費補助'),
        '國民年金法被保險人所得未達一定標準之保險費補助',
        [PERSON_TIMES],
      ),
    },
    noData('(八)', '微型保險', 'Micro-insurance'),
    {
      number: '(九)',
      title: '經濟弱勢市民醫療補助',
      titleEn: 'Medical subsidies for economically disadvantaged residents',
      data: medicalAid,
    },
    noData('(十)', '「實物銀行」', 'Food bank'),
    noData('(十一)', '房屋租金補貼', 'Rent relief'),
  ],
};
