/**
 * The 38 districts (區) of Kaohsiung City with their MOI town codes (鄉鎮市區代碼, TOWNCODE).
 * Source: shared reference `tw-welfare-parameters.md` §11 (codes: confidence A; postal codes: B/C),
 * registered population at 2023-12-31: `calibration-targets.md` A2 (MOI open data opendata112N010, A).
 */
export interface District {
  code: string;
  nameZh: string;
  nameEn: string;
  postalCode: string;
  registeredPopulation: number;
}

const d = (
  code: string,
  nameZh: string,
  nameEn: string,
  postalCode: string,
  registeredPopulation: number,
): District => ({ code, nameZh, nameEn, postalCode, registeredPopulation });

export const KAOHSIUNG_CITY_CODE = '64000';

export const KAOHSIUNG_DISTRICTS: readonly District[] = [
  d('64000010', '鹽埕區', 'Yancheng', '803', 22_539),
  d('64000020', '鼓山區', 'Gushan', '804', 140_701),
  d('64000030', '左營區', 'Zuoying', '813', 197_276),
  d('64000040', '楠梓區', 'Nanzi', '811', 193_139),
  d('64000050', '三民區', 'Sanmin', '807', 331_995),
  d('64000060', '新興區', 'Xinxing', '800', 49_598),
  d('64000070', '前金區', 'Qianjin', '801', 27_098),
  d('64000080', '苓雅區', 'Lingya', '802', 163_838),
  d('64000090', '前鎮區', 'Qianzhen', '806', 179_854),
  d('64000100', '旗津區', 'Qijin', '805', 26_220),
  d('64000110', '小港區', 'Xiaogang', '812', 155_009),
  d('64000120', '鳳山區', 'Fengshan', '830', 356_536),
  d('64000130', '林園區', 'Linyuan', '832', 68_216),
  d('64000140', '大寮區', 'Daliao', '831', 111_986),
  d('64000150', '大樹區', 'Dashu', '840', 40_432),
  d('64000160', '大社區', 'Dashe', '815', 33_729),
  d('64000170', '仁武區', 'Renwu', '814', 97_337),
  d('64000180', '鳥松區', 'Niaosong', '833', 44_373),
  d('64000190', '岡山區', 'Gangshan', '820', 95_574),
  d('64000200', '橋頭區', 'Qiaotou', '825', 41_712),
  d('64000210', '燕巢區', 'Yanchao', '824', 28_776),
  d('64000220', '田寮區', 'Tianliao', '823', 6_530),
  d('64000230', '阿蓮區', 'Alian', '822', 27_409),
  d('64000240', '路竹區', 'Luzhu', '821', 50_355),
  d('64000250', '湖內區', 'Hunei', '829', 29_525),
  d('64000260', '茄萣區', 'Qieding', '852', 29_241),
  d('64000270', '永安區', "Yong'an", '828', 13_863),
  d('64000280', '彌陀區', 'Mituo', '827', 18_273),
  d('64000290', '梓官區', 'Ziguan', '826', 34_813),
  d('64000300', '旗山區', 'Qishan', '842', 34_304),
  d('64000310', '美濃區', 'Meinong', '843', 37_008),
  d('64000320', '六龜區', 'Liugui', '844', 11_700),
  d('64000330', '甲仙區', 'Jiaxian', '847', 5_543),
  d('64000340', '杉林區', 'Shanlin', '846', 10_955),
  d('64000350', '內門區', 'Neimen', '845', 13_184),
  d('64000360', '茂林區', 'Maolin', '851', 1_905),
  d('64000370', '桃源區', 'Taoyuan', '848', 4_230),
  d('64000380', '那瑪夏區', 'Namaxia', '849', 3_165),
];

const byCode = new Map(KAOHSIUNG_DISTRICTS.map((district) => [district.code, district]));
const byName = new Map(KAOHSIUNG_DISTRICTS.map((district) => [district.nameZh, district]));

export function districtByCode(code: string): District | undefined {
  return byCode.get(code);
}

/** Accepts the code, the Chinese name with or without 區, or the English name (case-insensitive). */
export function findDistrict(query: string): District | undefined {
  const q = query.trim();
  return (
    byCode.get(q) ??
    byName.get(q) ??
    byName.get(`${q}區`) ??
    KAOHSIUNG_DISTRICTS.find((district) => district.nameEn.toLowerCase() === q.toLowerCase())
  );
}
