import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figuresOf as f } from './half-year-fixtures.ts';
import { reportBlocks } from './report-blocks.ts';
import {
  buildHalfYearReport,
  HALF_YEAR_REPORT,
  type HalfYearReport,
  type ReportInput,
  type ReportItem,
} from './report-model.ts';
import { type Figures, type MonthPersons, walkNodes } from './report-structure.ts';

const SIX_MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
const every = (persons: number): MonthPersons[] => SIX_MONTHS.map((month) => ({ month, persons }));

/** The seed's own figures for January–June 2023 (seed 001), where the report gives them. */
const SEED_FIGURES: Record<string, Figures> = {
  'low-income-living-allowance': f(7_000, 39_417, 300_000_000),
  'low-income-child-allowance': f(5_200, 30_960, 120_000_000),
  'low-income-student-allowance': f(3_800, 22_563, 75_371_788),
  'emergency-aid': f(1_800, 1_846, 12_149_200),
  'hospital-nursing-subsidy': f(300, 396, 4_880_613),
  'medical-subsidy': f(140, 147, 4_776_726),
  'senior-living-allowance': f(43_000, 252_647, 1_733_847_174),
  'senior-special-care-allowance': f(180, 1_038, 5_190_000),
  'senior-institutional-care-subsidy': f(1_500, 6_882, 90_000_000),
  'disability-living-allowance': f(46_000, 275_432, 1_455_923_047),
  'disability-caregiver-allowance': f(380, 2_232, 6_688_500),
  'disability-care-fee-subsidy': f(5_553, 30_000, 458_417_321),
  'assistive-device-subsidy': f(2_800, 2_926, 32_072_769),
  'disability-parking-subsidy': f(30, 167, 91_826),
  'birth-allowance': f(7_066, 7_066, 175_200_000),
  'childcare-allowance': f(30_000, 175_110, 981_632_000),
  'childcare-fee-subsidy': f(7_500, 42_676, 300_837_678),
  'childcare-city-top-up': f(6_000, 32_540, 53_868_870),
  'placed-child-nhi-premium': f(70, 392, 264_906),
  'vulnerable-child-medical-subsidy': f(40, 48, 912_221),
  'single-parent-child-allowance': f(10_843, 60_000, 136_635_833),
  'special-circumstance-child-allowance': f(493, 2_700, 6_839_895),
  'special-circumstance-childcare-allowance': f(4, 20, 31_450),
  'vulnerable-child-allowance': f(18, 100, 192_149),
  'early-intervention-subsidy': f(1_000, 3_816, 12_254_497),
  'special-circumstance-emergency-allowance': f(98, 210, 3_008_916),
  'new-immigrant-hardship-aid': f(100, 134, 400_876),
  'new-immigrant-airfare-subsidy': f(2, 2, 32_657),
};

function seedReport(overrides: Partial<ReportInput> = {}): HalfYearReport {
  return buildHalfYearReport({
    from: '2023-01',
    to: '2023-06',
    figures: new Map(Object.entries(SEED_FIGURES)),
    months: new Map([
      ['disability-caregiver-allowance', every(372)],
      [
        'senior-institutional-care-subsidy',
        [...every(1_300).slice(0, 4), { month: '2023-05', persons: 1_386 }],
      ],
    ]),
    registry: {
      asOf: '2023-06-30',
      population: 2_735_763,
      seniors: 510_792,
      withDisabilityCertificate: 146_410,
    },
    accounts: new Map([['children-future-account', { holders: 2_600, households: 2_469 }]]),
    ...overrides,
  });
}

function itemAt(report: HalfYearReport, path: string): ReportItem {
  const find = (items: ReportItem[]): ReportItem | undefined => {
    for (const item of items) {
      if (item.path === path) return item;
      const inner = find(item.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const found = find(report.sections);
  assert.ok(found, `no item ${path}`);
  return found;
}

test('the seed’s figures give the seed’s sentences (where the wording is the seed’s)', () => {
  const report = seedReport();
  assert.equal(report.title, '高雄市政府社會局 112年1月至6月 工作報告');
  const expected: Record<string, string> = {
    '三(一)1':
      '112年1月至6月辦理低收入戶家庭生活補助39,417戶(人)次；子女生活扶助30,960人次；就讀高中以上子女就學生活扶助22,563人次，合計補助4億9,537萬1,788元。',
    // The seed says 1,846人次: emergency aid is paid to a household, so the system counts 戶次.
    '三(三)(1)': '救助本市遭受急難之民眾，112年1月至6月救助1,846戶次、補助1,214萬9,200元。',
    '三(九)':
      '重傷病住院看護費補助，112年1月至6月補助396人次、488萬613元；重傷病醫療費補助，112年1月至6月補助147人次、477萬6,726元。',
    '三(二)2': '「兒童及少年未來教育與發展帳戶」自106年6月開辦，截至112年6月底，共2,469戶參與。',
    '四(一)1': '本市至112年6月底計510,792人，佔總人口18.67%。',
    '四(一)2(1)': '中低收入老人生活津貼，112年1月至6月補助252,647人次、17億3,384萬7,174元。',
    '四(一)2(2)': '中低收入老人特別照顧津貼，112年1月至6月補助1,038人次、519萬元。',
    '四(一)4(2)':
      '辦理低收及中低收入失能老人機構養護服務補助費，112年5月補助1,386人，112年1月至6月服務6,882人次。',
    '四(二)1': '本市至112年6月底計146,410人，佔本市總人口數5.35%。',
    '四(二)2(1)': '身心障礙者生活補助，112年1月至6月補助275,432人次、14億5,592萬3,047元。',
    '四(二)2(3)': '身心障礙照顧者津貼，112年1月至6月平均每月補助372人，計補助668萬8,500元。',
    '四(二)2(4)': '日間及住宿式照顧(托育養護)費用補助，112年1月至6月共補助5,553人、4億5,841萬7,321元。',
    '四(二)2(5)': '輔助器具補助，112年1月至6月補助2,926人次、3,207萬2,769元。',
    '四(二)2(8)': '身心障礙者承租停車位租金補助，112年1月至6月補助167人次、9萬1,826元。',
    '四(三)1': '生育津貼，112年1月至6月補助7,066人、1億7,520萬元。',
    '四(三)2': '育有未滿2歲兒童育兒津貼，112年1月至6月補助175,110人次、9億8,163萬2,000元。',
    '四(三)5(2)':
      '未滿2歲暨2至3歲兒童托育公共化及準公共服務費用，112年1月至6月補助42,676人次、3億83萬7,678元。另本市加碼準公共托育補助，112年1月至6月補助32,540人次、5,386萬8,870元。',
    '四(三)7(3)':
      '補助寄養、委託收容於安置機構之兒童及少年，其監護人無力負擔之健保費，112年1月至6月補助392人次、26萬4,906元。',
    '四(三)9(2)':
      '補助弱勢兒童及少年健保費、住院期間之診療費、看護費及其他經評估有必要補助之項目，112年1月至6月補助48人次、91萬2,221元。',
    '四(三)10': '弱勢單親家庭子女生活扶助，112年1月至6月補助10,843人、1億3,663萬5,833元。',
    '四(三)11(1)': '特殊境遇家庭子女生活津貼，112年1月至6月補助493人、683萬9,895元。',
    '四(三)11(2)': '特殊境遇家庭兒童托育津貼，112年1月至6月補助4人、3萬1,450元。',
    '四(三)12': '弱勢兒童及少年生活扶助，112年1月至6月補助18人、19萬2,149元。',
    '四(三)17(5)': '受理發展遲緩兒童早期療育費用補助申請，112年1月至6月核定補助3,816人次、1,225萬4,497元。',
    // The seed says 98人、210人次: the allowance is paid to a household.
    '四(四)2':
      '為扶助特殊境遇家庭解決生活困難，給予緊急照顧，協助其自立及改善生活，112年1月至6月扶助98戶、210戶次，補助300萬8,916元。',
    '四(四)4(5)':
      '設籍前新住民遭逢特殊境遇之家庭扶助計畫，112年1月至6月補助134戶次、40萬876元；新住民返鄉往返機票費補助2人、3萬2,657元。',
  };
  for (const [path, sentence] of Object.entries(expected)) {
    const item = itemAt(report, path);
    assert.equal(item.sentence, sentence, path);
    assert.equal(item.status, 'data', path);
  }
  assert.deepEqual(
    itemAt(report, '四(一)2(1)').programs.map((p) => [p.id, p.figures?.personTimes]),
    [['senior-living-allowance', 252_647]],
  );
});

const SEQUENCES: [RegExp, string[]][] = [
  [/^[三四]、$/, ['三、', '四、']],
  [
    /^\([一二三四五六七八九十]+\)$/,
    ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)', '(八)', '(九)', '(十)', '(十一)'],
  ],
  [/^\d+\.$/, Array.from({ length: 30 }, (_, k) => `${k + 1}.`)],
  [/^\(\d+\)$/, Array.from({ length: 30 }, (_, k) => `(${k + 1})`)],
];

test('headings are numbered as the report numbers them, each path once', () => {
  const check = (numbers: string[], where: string) => {
    const sequence = SEQUENCES.find(([pattern]) => pattern.test(numbers[0] ?? ''));
    assert.ok(sequence, `${where}: unknown numbering ${numbers[0]}`);
    assert.deepEqual(numbers, sequence[1].slice(0, numbers.length), where);
  };
  check(
    HALF_YEAR_REPORT.map((n) => n.number),
    'top',
  );
  const paths = new Set<string>();
  for (const { node, path } of walkNodes(HALF_YEAR_REPORT)) {
    assert.ok(!paths.has(path), `${path} twice`);
    paths.add(path);
    assert.ok(node.title ?? node.label, `${path} has neither a heading nor a label`);
    if (node.children?.length)
      check(
        node.children.map((c) => c.number),
        path,
      );
    if (!node.data && !node.children?.length)
      assert.ok(node.title, `${path}: an item without data has a heading`);
  }
  const programs = [...walkNodes(HALF_YEAR_REPORT)].flatMap(({ node }) =>
    node.data?.source === 'payments' ? node.data.programs.map((p) => p.id) : [],
  );
  assert.equal(new Set(programs).size, programs.length, 'each program is counted by one item');
});

test('each count is said in the unit of its program’s recipient: households in 戶, persons in 人 or 名', () => {
  let checked = 0;
  for (const { node, path } of walkNodes(HALF_YEAR_REPORT)) {
    if (node.data?.source !== 'payments') continue;
    // Distinct small figures per program and measure, so each printed count tells whose it is.
    const figures = new Map<string, Figures>();
    const months = new Map<string, MonthPersons[]>();
    const owner = new Map<number, { entity: string; measure: string }>();
    node.data.programs.forEach((p, k) => {
      const persons = 101 + 4 * k;
      figures.set(p.id, {
        persons,
        personTimes: persons + 1,
        households: persons + 2,
        amountNtd: 90_000 + k,
      });
      months.set(p.id, every(persons));
      owner.set(persons, { entity: p.entity, measure: 'persons' });
      owner.set(persons + 1, { entity: p.entity, measure: 'personTimes' });
    });
    const report = buildHalfYearReport({
      from: '2023-01',
      to: '2023-06',
      figures,
      months,
      registry: undefined,
      accounts: new Map(),
    });
    const sentence = itemAt(report, path).sentence ?? '';
    const counts = [...sentence.matchAll(/(\d[\d,]*)(戶\(人\)次|戶次|戶|人次|人|名)/g)];
    assert.ok(counts.length > 0, `${path}: ${sentence}`);
    for (const [, number, unit] of counts) {
      const whose = owner.get(Number(number!.replace(/,/g, '')));
      assert.ok(whose, `${path}: ${number}${unit} is no program's figure in「${sentence}」`);
      if (whose.entity === 'household') assert.match(unit!, /^戶/, `${path}: ${sentence}`);
      else assert.match(unit!, /^(人|名)/, `${path}: ${sentence}`);
      assert.equal(unit!.endsWith('次'), whose.measure === 'personTimes', `${path}: ${number}${unit}`);
      checked++;
    }
  }
  assert.ok(checked >= 30, `${checked} counts checked`);
});

test('no payments: each payment item says 本期無核付紀錄 and prints no count; no registry: no data', () => {
  const report = buildHalfYearReport({
    from: '2024-07',
    to: '2024-12',
    figures: new Map(),
    months: new Map(),
    registry: undefined,
    accounts: new Map(),
  });
  assert.equal(report.period, '113年7月至12月');
  assert.equal(report.asOf, '2024-12-31');
  let items = 0;
  const visit = (item: ReportItem) => {
    if (item.source === 'payments') {
      items++;
      assert.equal(item.status, 'none-recorded', item.path);
      assert.match(item.sentence ?? '', /本期無核付紀錄/, item.path);
      assert.doesNotMatch(item.sentence ?? '', /\d(人|戶|名|元)/, item.path);
      assert.ok(item.programs.every((p) => p.figures === null));
    }
    if (item.source === 'registry') {
      assert.equal(item.status, 'no-data', item.path);
      assert.equal(item.sentence, null);
    }
    if (item.source === 'accounts') {
      assert.equal(item.status, 'none-recorded', item.path);
      assert.match(item.sentence ?? '', /截至113年12月底無參與帳戶紀錄/);
    }
    item.children.forEach(visit);
  };
  report.sections.forEach(visit);
  assert.ok(items >= 30, `${items} payment items`);
  assert.equal(report.otherPrograms.length, 0);
});

test('a combined item with one program paid names the others as without payments, and totals what was paid', () => {
  const report = seedReport({
    figures: new Map([['low-income-student-allowance', f(10, 60, 180_000)]]),
  });
  assert.equal(
    itemAt(report, '三(一)1').sentence,
    '112年1月至6月辦理低收入戶家庭生活補助本期無核付紀錄；子女生活扶助本期無核付紀錄；就讀高中以上子女就學生活扶助60人次，合計補助18萬元。',
  );
  assert.equal(itemAt(report, '三(一)1').status, 'data');
});

test('a monthly average over one month paid is that month’s count', () => {
  const report = seedReport({
    figures: new Map([['disability-nhi-premium-subsidy', f(1_419, 1_419, 1_083_144)]]),
    months: new Map([['disability-nhi-premium-subsidy', [{ month: '2023-06', persons: 1_419 }]]]),
  });
  assert.equal(
    itemAt(report, '四(二)2(2)').sentence,
    '補助身心障礙者全民健保保費自付額，112年6月補助1,419人，合計補助108萬3,144元。',
  );
});

test('programs paid that no item counts are listed apart, by their catalog name', () => {
  const report = seedReport({
    figures: new Map([
      ['spring-festival-payment', f(12, 12, 60_000)],
      ['birth-allowance', f(1, 1, 30_000)],
    ]),
    programNames: new Map([['spring-festival-payment', '低收入戶春節慰問金']]),
  });
  assert.deepEqual(report.otherPrograms, [
    {
      programId: 'spring-festival-payment',
      nameZh: '低收入戶春節慰問金',
      figures: f(12, 12, 60_000),
      sentence: '低收入戶春節慰問金，112年1月至6月核付12筆、6萬元。',
    },
  ]);
});

test('the blocks: headings where the report has them, sentences after their number, no data said once', () => {
  const blocks = reportBlocks(seedReport());
  const texts = blocks.map((b) => `${b.kind === 'heading' ? '#' : ''}${b.text}`);
  const at = (text: string) => texts.indexOf(text);
  assert.equal(texts[0], '#三、社會救助');
  assert.ok(at('#1. 老人人口') >= 0);
  assert.equal(texts[at('#1. 老人人口') + 1], '本市至112年6月底計510,792人，佔總人口18.67%。');
  assert.ok(at('(1) 中低收入老人生活津貼，112年1月至6月補助252,647人次、17億3,384萬7,174元。') >= 0);
  assert.ok(at('3. 安置頤養：本系統尚無此項資料。') >= 0);
  assert.equal(texts[at('#(五) 慢性精神障礙者收容安養') + 1], '本系統尚無此項資料。');
  assert.ok(at('死亡救助、安遷救助及住屋毀損救助之分項：本系統尚無此項資料。') >= 0);
  const noData = blocks.filter((b) => b.kind === 'paragraph' && b.noData);
  assert.ok(noData.every((b) => b.text.includes('本系統尚無此項資料')));
  assert.ok(blocks.some((b) => b.path === '四(五)6'));
});
