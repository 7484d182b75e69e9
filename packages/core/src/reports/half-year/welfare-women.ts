import { type ItemData, noData, program, type ReportNode } from './report-structure.ts';
import { amount, counted, HOUSEHOLD_TIMES, HOUSEHOLDS, paidSentence } from './sentences.ts';

/** 四(四) 婦女福利 Women, and 四(五) 家庭暴力、性侵害、性騷擾防治 Protection (seed 001 四(四), 四(五)). */

const hardshipAid = program('new-immigrant-hardship-aid', '設籍前新住民特殊境遇家庭扶助', 'household');
const airfare = program('new-immigrant-airfare-subsidy', '新住民返鄉往返機票費補助');

/**
 * 四(四)4(5):「設籍前新住民遭逢特殊境遇之家庭扶助計畫，112年1月至6月補助子女生活津貼130人次、…；緊急生活扶助
 * 4人次、…；新住民返鄉往返機票費補助2人、3萬2,657元。」 The plan's aid is one household program here (its kinds
 * are not kept apart), so it is counted in 戶次.
 */
const newImmigrantAid: ItemData = {
  source: 'payments',
  programs: [hardshipAid, airfare],
  sentence(input) {
    const aid = input.figures(hardshipAid.id);
    const fare = input.figures(airfare.id);
    const lead = '設籍前新住民遭逢特殊境遇之家庭扶助計畫';
    const first = aid
      ? `${lead}，${input.period}補助${counted(aid.personTimes, '戶次')}、${amount(aid.amountNtd)}`
      : `${lead}，本期無核付紀錄（${input.period}）`;
    const second = fare
      ? `新住民返鄉往返機票費補助${counted(fare.persons, '人')}、${amount(fare.amountNtd)}`
      : '新住民返鄉往返機票費補助本期無核付紀錄';
    return `${first}；${second}。`;
  },
};

export const WOMEN: ReportNode = {
  number: '(四)',
  title: '婦女福利',
  titleEn: 'Women',
  children: [
    noData('1.', '一般婦女福利', 'General services for women'),
    {
      number: '2.',
      title: '特殊境遇家庭緊急生活扶助',
      titleEn: 'Emergency aid for families in special circumstances',
      data: paidSentence(
        program('special-circumstance-emergency-allowance', '特殊境遇家庭緊急生活扶助', 'household'),
        '為扶助特殊境遇家庭解決生活困難，給予緊急照顧，協助其自立及改善生活',
        [HOUSEHOLDS, HOUSEHOLD_TIMES],
        { verb: '扶助', amountJoin: '，補助' },
      ),
    },
    noData('3.', '單親家庭福利服務', 'Single-parent family services'),
    {
      number: '4.',
      title: '新住民家庭福利服務',
      titleEn: 'New immigrant family services',
      children: [
        noData('(1)', '新住民會館'),
        noData('(2)', '新住民家庭服務中心'),
        noData('(3)', '新住民社區服務據點'),
        noData('(4)', '新住民關懷小站'),
        {
          number: '(5)',
          title: '辦理設籍前新住民經濟扶助措施',
          data: newImmigrantAid,
          partWithoutData: '子女生活津貼與緊急生活扶助之分項',
        },
      ],
    },
  ],
};

export const PROTECTION: ReportNode = {
  number: '(五)',
  title: '家庭暴力、性侵害、性騷擾防治',
  titleEn: 'Domestic violence, sexual assault and sexual harassment prevention',
  children: [
    noData('1.', '集中受理與派案業務'),
    noData('2.', '家庭暴力防治業務'),
    noData('3.', '兒少保護服務業務'),
    noData('4.', '性侵害防治業務'),
    noData('5.', '防暴宣導方案及在職訓練'),
    noData('6.', '性騷擾防治業務'),
  ],
};
