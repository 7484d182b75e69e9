import { type ItemData, noData, program, type ReportNode } from './report-structure.ts';
import { amount, counted, PERSON_TIMES, PERSONS, paidSentence } from './sentences.ts';

/** 四(三) 兒童少年福利 Children and youth (seed 001 四(三)). */

const feeSubsidy = program('childcare-fee-subsidy', '托育費用補助（含準公共）');
const cityTopUp = program('childcare-city-top-up', '高雄準公共托育加碼補助');

/**
 * 四(三)5(2): the fee subsidy and the city's top-up, each「…112年1月至6月補助42,676人次、3億83萬7,678元」, the
 * top-up introduced by「另…加碼準公共托育補助」.
 */
const quasiPublicChildcare: ItemData = {
  source: 'payments',
  programs: [feeSubsidy, cityTopUp],
  sentence(input) {
    const part = (id: string, lead: string) => {
      const figures = input.figures(id);
      return figures
        ? `${lead}，${input.period}補助${counted(figures.personTimes, '人次')}、${amount(figures.amountNtd)}。`
        : `${lead}，本期無核付紀錄（${input.period}）。`;
    };
    return (
      part(feeSubsidy.id, '未滿2歲暨2至3歲兒童托育公共化及準公共服務費用') +
      part(cityTopUp.id, '另本市加碼準公共托育補助')
    );
  },
};

export const CHILDREN: ReportNode = {
  number: '(三)',
  title: '兒童少年福利',
  titleEn: 'Children and youth',
  children: [
    {
      number: '1.',
      title: '生育津貼',
      titleEn: 'Birth allowance',
      data: paidSentence(program('birth-allowance', '生育津貼'), '生育津貼', [PERSONS]),
      partWithoutData: '高雄寶貝新生兒禮包發放份數',
    },
    {
      number: '2.',
      label: '育有未滿2歲兒童育兒津貼',
      data: paidSentence(program('childcare-allowance', '育兒津貼（未滿2歲）'), '育有未滿2歲兒童育兒津貼', [
        PERSON_TIMES,
      ]),
    },
    noData('3.', '育兒資源服務', 'Parenting resources'),
    {
      number: '4.',
      title: '托育服務',
      titleEn: 'Childcare services',
      children: [
        noData('(1)', '輔導設立托嬰中心及訪視輔導'),
        noData('(2)', '設置公共托育機構'),
        {
          number: '(3)',
          label: '準公共托嬰中心專業人員久任津貼',
          data: paidSentence(
            program('childcare-worker-retention-bonus', '準公共托嬰中心專業人員久任津貼'),
            '本市準公共托嬰中心專業人員久任津貼',
            [PERSONS],
            { verb: '核發' },
          ),
        },
        noData('(4)', '托嬰中心聯合公共安全檢查'),
        {
          number: '(5)',
          label: '托嬰中心幼童團體保險費補助',
          data: paidSentence(
            program('childcare-group-insurance', '托嬰中心幼童團體保險費補助'),
            '補助送托托嬰中心之幼童團體保險費',
            [PERSONS],
          ),
        },
        noData('(6)', '居家式托育服務登記'),
        noData('(7)', '定點計時托育服務'),
      ],
    },
    {
      number: '5.',
      title: '推動未滿2歲暨延長2至3歲兒童托育準公共服務',
      titleEn: 'Quasi-public childcare for children under 3',
      children: [
        noData('(1)', '托育準公共機制簽約及收托'),
        { number: '(2)', label: '托育公共化及準公共服務費用補助', data: quasiPublicChildcare },
      ],
    },
    noData('6.', '兒童居家安全', 'Home safety'),
    {
      number: '7.',
      title: '保護性兒童少年照顧',
      titleEn: 'Care of children in protection',
      children: [
        noData('(1)', '兒童及少年機構安置'),
        noData('(2)', '家庭寄養服務'),
        {
          number: '(3)',
          label: '受保護安置兒童及少年健保費補助',
          data: paidSentence(
            program('placed-child-nhi-premium', '受保護安置兒童及少年健保費補助'),
            '補助寄養、委託收容於安置機構之兒童及少年，其監護人無力負擔之健保費',
            [PERSON_TIMES],
          ),
        },
      ],
    },
    {
      number: '8.',
      title: '弱勢家庭兒童及少年服務',
      titleEn: 'Services for children of vulnerable families',
      children: [
        noData('(1)', '兒少社區照顧服務據點'),
        {
          number: '(2)',
          label: '少年自立生活適應協助計畫',
          data: paidSentence(
            program('youth-independent-living-support', '少年自立生活適應協助'),
            '辦理少年自立生活適應協助計畫',
            [PERSONS],
          ),
          partWithoutData: '追蹤輔導及自立生活宿舍入住人數',
        },
        noData('(3)', '弱勢家庭兒少餐食計畫'),
        noData('(4)', '六歲以下弱勢兒童主動關懷方案'),
      ],
    },
    {
      number: '9.',
      title: '弱勢家庭兒童少年生活及醫療補助',
      titleEn: 'Living and medical support for children of vulnerable families',
      children: [
        {
          number: '(1)',
          label: '弱勢家庭兒童及少年緊急生活扶助',
          data: paidSentence(
            program('vulnerable-family-emergency-allowance', '弱勢家庭兒童及少年緊急生活扶助'),
            '補助18歲以下子女緊急生活補助，扶助期間以6個月為原則',
            [PERSONS],
          ),
        },
        {
          number: '(2)',
          label: '弱勢兒童及少年醫療補助',
          data: paidSentence(
            program('vulnerable-child-medical-subsidy', '弱勢兒童及少年醫療補助'),
            '補助弱勢兒童及少年健保費、住院期間之診療費、看護費及其他經評估有必要補助之項目',
            [PERSON_TIMES],
          ),
        },
      ],
    },
    {
      number: '10.',
      label: '弱勢單親家庭子女生活扶助',
      data: paidSentence(
        program('single-parent-child-allowance', '弱勢單親家庭子女生活補助'),
        '弱勢單親家庭子女生活扶助',
        [PERSONS],
      ),
    },
    {
      number: '11.',
      title: '特殊境遇家庭子女生活津貼及教育補助',
      titleEn: 'Allowances for children of families in special circumstances',
      children: [
        {
          number: '(1)',
          label: '特殊境遇家庭子女生活津貼',
          data: paidSentence(
            program('special-circumstance-child-allowance', '特殊境遇家庭子女生活津貼'),
            '特殊境遇家庭子女生活津貼',
            [PERSONS],
          ),
        },
        {
          number: '(2)',
          label: '特殊境遇家庭兒童托育津貼',
          data: paidSentence(
            program('special-circumstance-childcare-allowance', '特殊境遇家庭兒童托育津貼'),
            '特殊境遇家庭兒童托育津貼',
            [PERSONS],
          ),
        },
        {
          number: '(3)',
          label: '特殊境遇家庭子女學雜費減免',
          // The seed gives persons only.
          data: paidSentence(
            program('special-circumstance-tuition-reduction', '特殊境遇家庭子女學雜費減免'),
            '特殊境遇家庭子女就讀高中職及大專院校學雜費減免',
            [PERSONS],
            { amountJoin: null },
          ),
        },
      ],
    },
    {
      number: '12.',
      label: '弱勢兒童及少年生活扶助',
      data: paidSentence(
        program('vulnerable-child-allowance', '弱勢兒童及少年生活扶助'),
        '弱勢兒童及少年生活扶助',
        [PERSONS],
      ),
    },
    noData('13.', '兒童及少年收出養服務'),
    noData('14.', '法院交查兒童及少年監護權、收出養案件訪視調查服務'),
    noData('15.', '未成年子女出庭陪同服務'),
    noData('16.', '執行兒童及少年性剝削防制相關業務'),
    {
      number: '17.',
      title: '0至6歲發展遲緩兒童早期療育服務',
      titleEn: 'Early intervention for children aged 0 to 6',
      children: [
        noData('(1)', '通報轉介及個案管理服務'),
        noData('(2)', '早療服務中心及據點'),
        noData('(3)', '兒童發展篩檢'),
        noData('(4)', '親職講座、成長團體及早療宣導'),
        {
          number: '(5)',
          label: '發展遲緩兒童早期療育費用補助',
          data: paidSentence(
            program('early-intervention-subsidy', '發展遲緩兒童早期療育費用補助'),
            '受理發展遲緩兒童早期療育費用補助申請',
            [PERSON_TIMES],
            { verb: '核定補助' },
          ),
        },
        noData('(6)', '發展遲緩兒童早期療育服務推動會'),
      ],
    },
    noData('18.', '兒童少年綜合性服務'),
    {
      number: '19.',
      title: '推動未滿20歲懷孕者整合服務',
      titleEn: 'Integrated services for pregnant persons under 20',
      children: [
        noData('(1)', '福利諮詢服務'),
        {
          number: '(2)',
          label: '未滿20歲懷孕者孕期營養津貼',
          data: paidSentence(
            program('teen-pregnancy-nutrition-allowance', '未滿20歲懷孕者孕期營養津貼'),
            '提供未滿20歲懷孕者孕期營養津貼',
            [PERSON_TIMES],
          ),
        },
      ],
    },
    noData('20.', '落實兒童表意權'),
    noData('21.', '少年社會參與'),
  ],
};
