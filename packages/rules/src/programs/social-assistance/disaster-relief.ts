import { FAILED, PASSED, UNKNOWN } from '../../engine/context.ts';
import { NO_DAY } from '../../engine/fact-spec.ts';
import { defineProgram } from '../../engine/program.ts';
import {
  householdWelfareTier,
  TIER_LOW_INCOME,
  TIER_MID_LOW_INCOME,
  TIER_UNKNOWN,
} from '../../variables/household-welfare-tier.ts';

/**
 * 災害救助 — disaster relief (catalog: disaster-relief; 000 參(十一); 001 三(四)). Encoded per household: the
 * household is the 受災戶 and the event (`disaster`) is the household's; the amounts per person are summed.
 *
 * 000 參(十一)1：「災害發生後，依災害救助相關規定發放救助金。」
 * D0120017 第5條第1項：「一、死亡救助：每人發給新臺幣二十萬元。二、失蹤救助：每人發給新臺幣二十萬元。三、重傷救助：
 * 每人發給新臺幣十萬元。四、安遷救助：住屋毀損達不堪居住程度，戶內實際居住人口以五口為限，每人發給新臺幣二萬元。」
 * (J0110032 第7條第1項第1–4款 the same for floods.)
 * J0110032 第7條第3項：「經核定應發給死亡救助及失蹤救助者，應於核發安遷救助時，於每戶人口數中扣除；經核定應發給
 * 安遷救助者，不得重複核發住戶淹水救助。」
 * Kaohsiung (高雄市災害救助金核發辦法, as the Social Affairs Bureau states it): 15,000 a household for flooding of
 * 50 cm or more, mud of 30 cm or over half the floor area, or — low/mid-low-income households only — damage
 * to a quarter of the living space that leaves it habitable; apply within 30 days; registered and living
 * at the address when the disaster struck (D0120017 第4條第3項「受災戶，指災害發生時已在現址辦妥戶籍登記，且
 * 居住於現址者」).
 *
 * An event program: the amount for the disasters dated in the period's month. How it was resolved: the
 * deduction of the dead and missing from the relocation count is applied to every kind of disaster, not
 * only floods (those counted are the occupants still living there); at most one 15,000 household item per
 * disaster, and none where relocation aid is paid. Not encoded: farm, fishpond and boat losses
 * (J0110032 第7條第1項第6–8款) and one-off top-ups the city or the central government decide after a
 * particular typhoon.
 */
export const disasterRelief = defineProgram({
  id: 'disaster-relief',
  nameZh: '災害救助',
  nameEn: 'Disaster relief',
  kind: 'cash',
  entity: 'household',
  period: 'event',
  legalBasis: [
    'D0120017 第3條',
    'D0120017 第4條',
    'D0120017 第5條',
    'J0110032 第4條',
    'J0110032 第7條',
    '000 參(十一)',
    '001 三(四)',
  ],
  parameters: [
    'social-assistance.disaster-relief.death-or-missing-per-person',
    'social-assistance.disaster-relief.serious-injury-per-person',
    'social-assistance.disaster-relief.relocation-per-person',
    'social-assistance.disaster-relief.relocation-max-persons',
    'social-assistance.disaster-relief.household-damage',
    'social-assistance.disaster-relief.flood-depth-cm',
    'social-assistance.disaster-relief.mud-depth-cm',
    'social-assistance.disaster-relief.application-days',
  ],
  formula(ctx) {
    const h = ctx.households;
    const count = h.count;
    const tier = householdWelfareTier(ctx);
    const death = ctx.param('social-assistance.disaster-relief.death-or-missing-per-person');
    const injury = ctx.param('social-assistance.disaster-relief.serious-injury-per-person');
    const relocation = ctx.param('social-assistance.disaster-relief.relocation-per-person');
    const maxPersons = ctx.param('social-assistance.disaster-relief.relocation-max-persons');
    const damage = ctx.param('social-assistance.disaster-relief.household-damage');
    const floodCm = ctx.param('social-assistance.disaster-relief.flood-depth-cm');
    const mudCm = ctx.param('social-assistance.disaster-relief.mud-depth-cm');
    const applicationDays = ctx.param('social-assistance.disaster-relief.application-days');

    const events = ctx.population.events.disaster;
    const struck = ctx.newUint8Array(h.count);
    const livedThere = ctx.newUint8Array(h.count);
    const inTime = ctx.newUint8Array(h.count);
    const loss = ctx.newUint8Array(h.count);
    const evaluated = ctx.newUint8Array(h.count);
    const daysShown = ctx.newFloat64Array(h.count).fill(Number.NaN);
    const amount = ctx.newInt32Array(h.count);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const k = events.owner[e]!;
      struck[k] = 1;
      // 「受災戶，指災害發生時已在現址辦妥戶籍登記，且居住於現址者」
      if (!events.livedAtAddress[e]) continue;
      livedThere[k] = 1;
      // Apply within 30 days (an absent application date = in time).
      const applied = events.appliedOn[e]!;
      if (applied !== NO_DAY) {
        daysShown[k] = applied - day;
        if (applied < day || applied - day > applicationDays) continue;
      }
      inTime[k] = 1;
      evaluated[k] = 1;
      const deaths = events.deaths[e]!;
      // 「死亡救助…失蹤救助：每人發給新臺幣二十萬元」「重傷救助：每人發給新臺幣十萬元」
      let total = deaths * death + events.seriouslyInjured[e]! * injury;
      if (events.homeUninhabitable[e]) {
        // 「戶內實際居住人口以五口為限，每人發給新臺幣二萬元」, the dead and missing deducted.
        const occupants = events.occupants[e]! || h.memberCount[k]!;
        total += Math.min(Math.max(occupants - deaths, 0), maxPersons) * relocation;
      } else {
        const t = tier[k];
        const flooded = events.floodDepthCm[e]! >= floodCm;
        const mud = events.mudDepthCm[e]! >= mudCm || events.mudOverHalfArea[e] === 1;
        const damaged = events.homeDamagedQuarter[e] === 1;
        if (flooded || mud || (damaged && (t === TIER_LOW_INCOME || t === TIER_MID_LOW_INCOME)))
          total += damage;
        // Damage alone, where the household's status is undetermined: the item is open.
        else if (damaged && t === TIER_UNKNOWN && total === 0 && loss[k] !== PASSED) loss[k] = UNKNOWN;
      }
      if (total > 0) loss[k] = PASSED;
      amount[k] = amount[k]! + total;
    }
    // Only the first condition that fails is shown: without a disaster this month only
    // `disaster-this-month`; not living there, only that; out of time, only that.
    for (let k = 0; k < count; k++) {
      if (!struck[k]) livedThere[k] = 1;
      if (!struck[k] || !livedThere[k]) inTime[k] = 1;
      if (!struck[k] || !livedThere[k] || !evaluated[k]) loss[k] = PASSED;
    }
    ctx.check(
      {
        code: 'disaster-this-month',
        reference: '000 參(十一)1',
        zh: '本月遭受災害',
        en: 'a disaster struck the household this month',
      },
      struck,
    );
    ctx.check(
      {
        code: 'registered-and-living-at-address',
        reference: 'D0120017 第4條第3項',
        zh: '災害發生時已在現址設籍且居住於現址',
        en: 'registered and living at the address when the disaster struck',
      },
      livedThere,
    );
    ctx.check(
      {
        code: 'applied-within-30-days',
        reference: '高雄市災害救助金核發辦法',
        zh: '於災害發生後30日內申請',
        en: 'applied within 30 days after the disaster',
      },
      inTime,
      { value: daysShown, threshold: applicationDays },
    );
    for (let k = 0; k < count; k++) if (loss[k] !== PASSED && loss[k] !== UNKNOWN) loss[k] = FAILED;
    ctx.check(
      {
        code: 'qualifying-loss',
        reference: 'D0120017 第3條、第5條；J0110032 第4條、第7條',
        zh: '有死亡、失蹤、重傷、住屋不堪居住、淹水達50公分、積淤泥達30公分或二分之一面積，或中低收入以下家庭住屋毀損達四分之一',
        en: 'a death, disappearance or serious injury, a home made uninhabitable, flooding of 50 cm, mud of 30 cm or over half the floor, or (low/mid-low-income) damage to a quarter of the home',
      },
      loss,
    );
    return { amountNtd: amount };
  },
});
