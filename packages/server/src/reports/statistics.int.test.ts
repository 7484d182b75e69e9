import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ageOn, lastDayOfMonth } from '@safetynet/core/calendar';
import { ageBandOf } from '@safetynet/core/reports/statistics-definitions';
import { testEngine } from '../db/test-database.ts';
import { ageSexFigures } from './age-sex.ts';
import { openDataRows } from './open-data.ts';
import { districtComparison, monthlyTrend } from './statistics.ts';
import {
  BOUNDARIES,
  CHILD,
  counted as countedIn,
  FENGSHAN,
  GIFT,
  GUSHAN,
  LIVING,
  NANZI,
  openStatisticsWorld,
  persons,
  SENIOR,
  type StatisticsWorld,
  tally,
  YANCHENG,
  ZUOYING,
} from './statistics-test-world.ts';

/**
 * The statistics against the payments they are counted from: each figure recomputed here from the payment
 * rows themselves (not by the same query), ages from the fixtures' birth dates with calendar.ts `ageOn`,
 * the age bands on birthdays, and open-data suppression.
 */
let world: StatisticsWorld;
before(async () => {
  world = await openStatisticsWorld();
});
after(async () => {
  await world.app.close();
  await world.database.close();
});
const counted = (from: string, to: string) => countedIn(world.database, from, to);

describe(`statistics from payments (${testEngine})`, () => {
  test('monthly trend: each program and month as counted from the payment rows, zeros where none', async () => {
    const trend = await monthlyTrend(world.database.db, {
      from: '2024-01',
      to: '2024-06',
      programIds: [SENIOR, LIVING, CHILD],
    });
    assert.deepEqual(trend.months, ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    assert.equal(trend.rows.length, 18);
    const rows = await counted('2024-01', '2024-06');
    for (const row of trend.rows) {
      const expected = tally(rows.filter((r) => r.program_id === row.programId && r.period === row.period));
      assert.deepEqual(
        {
          persons: row.persons,
          personTimes: row.personTimes,
          households: row.households,
          amountNtd: row.amountNtd,
        },
        expected,
        `${row.programId} ${row.period}`,
      );
    }
    const june = trend.rows.find((r) => r.programId === SENIOR && r.period === '2024-06')!;
    assert.equal(june.persons, 7, 'five paid, one pending and one sent; none returned, failed or cancelled');
    assert.equal(trend.rows.find((r) => r.programId === LIVING && r.period === '2024-05')!.persons, 0);
    assert.equal(
      trend.rows.find((r) => r.programId === CHILD && r.period === '2024-03')!.amountNtd,
      14 * 2_500,
    );
  });

  test('district comparison: 38 districts as counted, and the city once per recipient', async () => {
    const comparison = await districtComparison(world.database.db, {
      from: '2024-01',
      to: '2024-06',
      programId: SENIOR,
    });
    assert.equal(comparison.districts.length, 38);
    const rows = (await counted('2024-01', '2024-06')).filter((r) => r.program_id === SENIOR);
    for (const d of comparison.districts) {
      const { districtCode, nameZh, nameEn, ...figures } = d;
      assert.deepEqual(figures, tally(rows.filter((r) => r.district_code === districtCode)), nameZh);
    }
    assert.deepEqual(comparison.total, tally(rows));
    assert.equal(comparison.districts.find((d) => d.districtCode === FENGSHAN)!.persons, 1);
  });

  test('age and sex: every boundary birthday in its band, counted as the record stood at the period’s end', async () => {
    const figures = await ageSexFigures(world.database.db, {
      from: '2024-03',
      to: '2024-03',
      programIds: [CHILD],
    });
    assert.equal(figures.ageOn, '2024-03-31');
    const june = await ageSexFigures(world.database.db, {
      from: '2024-01',
      to: '2024-06',
      programIds: [CHILD, SENIOR, LIVING],
    });
    assert.equal(june.ageOn, '2024-06-30');
    const cell = (programId: string | null, band: string, sex: string) =>
      june.rows.find((r) => r.programId === programId && r.ageBand === band && r.sex === sex)!;
    // The child allowance: one person per boundary, in the band the fixture names.
    const expected = new Map<string, number>();
    for (const [sex, , band] of BOUNDARIES)
      expected.set(`${band}|${sex}`, (expected.get(`${band}|${sex}`) ?? 0) + 1);
    for (const row of june.rows.filter((r) => r.programId === CHILD))
      assert.equal(row.persons, expected.get(`${row.ageBand}|${row.sex}`) ?? 0, `${row.ageBand} ${row.sex}`);
    // The changed record: a man from March (sex as of the end), born 1950 (the August birth date not yet).
    assert.deepEqual(
      [cell(SENIOR, '65-74', 'M').persons, cell(SENIOR, '75+', 'M').persons],
      [1 + 0, 1],
      'the changed record is a man of 74; the 75-year-old man is the 1949-06-30 birthday',
    );
    // The household program counts its payee (a man of 54): one person, three payments.
    assert.deepEqual(
      { persons: cell(LIVING, '45-64', 'M').persons, personTimes: cell(LIVING, '45-64', 'M').personTimes },
      { persons: 1, personTimes: 3 },
    );
    // Recomputed from the payments and the fixtures' records with ageOn, program by program and together.
    const rows = (await counted('2024-01', '2024-06')).filter((r) =>
      [CHILD, SENIOR, LIVING].includes(r.program_id),
    );
    for (const programId of [CHILD, SENIOR, LIVING, null]) {
      const of = rows.filter((r) => programId === null || r.program_id === programId);
      const who = (r: (typeof rows)[number]) => (r.entity === 'person' ? r.entity_id : r.payee_person_id);
      for (const row of june.rows.filter((r) => r.programId === programId)) {
        const mine = of.filter((r) => {
          const p = persons.get(who(r))!;
          return p.sex === row.sex && ageBandOf(ageOn(p.birthDate, '2024-06-30')).id === row.ageBand;
        });
        assert.deepEqual(
          { persons: row.persons, personTimes: row.personTimes, amountNtd: row.amountNtd },
          {
            persons: new Set(mine.map(who)).size,
            personTimes: mine.length,
            amountNtd: mine.reduce((s, r) => s + r.amount_ntd, 0),
          },
          `${programId} ${row.ageBand} ${row.sex}`,
        );
      }
    }
    // Together, a person paid by two programs counts once.
    const together = june.rows.filter((r) => r.programId === null).reduce((s, r) => s + r.persons, 0);
    assert.equal(
      together,
      new Set(rows.map((r) => (r.entity === 'person' ? r.entity_id : r.payee_person_id))).size,
    );
  });

  test('29 February: 17 at the end of February in a common year, 18 at the end of March', async () => {
    const band = async (month: string) => {
      const f = await ageSexFigures(world.database.db, { from: month, to: month, programIds: [CHILD] });
      return f.rows.filter((r) => r.programId === CHILD && r.persons > 0).map((r) => `${r.ageBand} ${r.sex}`);
    };
    assert.equal(lastDayOfMonth('2018-02'), '2018-02-28');
    assert.deepEqual(await band('2018-02'), ['12-17 F']);
    assert.deepEqual(await band('2018-03'), ['18-24 F']);
  });

  test('open data: a cell of 2 is suppressed, one of 3 shown (N = 3), complementary and total suppression', async () => {
    const rows = (await openDataRows(world.database.db, { from: '2024-04', to: '2024-06' })).filter(
      (r) => r.programId === GIFT,
    );
    const at = (period: string, district: string) =>
      rows.find((r) => r.period === period && r.districtCode === district);
    assert.deepEqual(at('2024-04', YANCHENG), {
      period: '2024-04',
      programId: GIFT,
      districtCode: YANCHENG,
      recipients: null,
      personTimes: null,
      amountNtd: null,
      suppressed: 'small',
    });
    assert.equal(at('2024-04', GUSHAN)?.suppressed, 'small');
    assert.deepEqual(
      [
        at('2024-04', ZUOYING)?.recipients,
        at('2024-04', ZUOYING)?.amountNtd,
        at('2024-04', ZUOYING)?.suppressed,
      ],
      [3, 4_500, null],
    );
    assert.equal(at('2024-04', NANZI)?.recipients, 10);
    assert.deepEqual([at('2024-04', '64000')?.recipients, at('2024-04', '64000')?.amountNtd], [16, 24_000]);
    // May: the 2 alone could be told from the total, so the 4 is hidden with it.
    assert.equal(at('2024-05', YANCHENG)?.suppressed, 'small');
    assert.equal(at('2024-05', NANZI)?.suppressed, 'complementary');
    assert.equal(at('2024-05', NANZI)?.recipients, null);
    assert.equal(at('2024-05', '64000')?.recipients, 6);
    // June: one district of 2: its city total would show it, so the total is hidden too.
    assert.equal(at('2024-06', YANCHENG)?.suppressed, 'small');
    assert.deepEqual(
      [at('2024-06', '64000')?.suppressed, at('2024-06', '64000')?.recipients],
      ['total', null],
    );
    // No district outside the payments, and the city row first in each month.
    assert.deepEqual(
      rows.map((r) => `${r.period} ${r.districtCode}`),
      [
        '2024-04 64000',
        `2024-04 ${YANCHENG}`,
        `2024-04 ${GUSHAN}`,
        `2024-04 ${ZUOYING}`,
        `2024-04 ${NANZI}`,
        '2024-05 64000',
        `2024-05 ${YANCHENG}`,
        `2024-05 ${NANZI}`,
        '2024-06 64000',
        `2024-06 ${YANCHENG}`,
      ],
    );
  });
});
