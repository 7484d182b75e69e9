import { PASSED, UNKNOWN } from '../../engine/context.ts';
import { defineProgram } from '../../engine/program.ts';
import { EVENT_TYPES } from '../../facts/events.ts';
import { completedMonths } from '../../variables/elapsed.ts';
import {
  householdWelfareTier,
  TIER_LOW_INCOME,
  TIER_UNKNOWN,
} from '../../variables/household-welfare-tier.ts';

const SITUATIONS = EVENT_TYPES.emergency.fields.situation.type.values;
const DEATH = SITUATIONS.indexOf('death-no-burial-means');
const INJURY = SITUATIONS.indexOf('injury-or-serious-illness');
const EARNER = SITUATIONS.indexOf('main-earner-unable-to-work');
const STRANDED = SITUATIONS.indexOf('stranded-away-from-home');

/**
 * 急難救助 — emergency aid (catalog: emergency-aid; 000 參(九); 001 三(三)(1)).
 *
 * 000 參(九)：「設籍本市具有社會救助法第 21 條各款所定情形之一者，依本市急難救助辦法輔導轄區生活陷困民眾申辦急難
 * 救助…」
 * D0050078 第21條：「具有下列情形之一者，得檢同有關證明，向戶籍所在地主管機關申請急難救助：一、戶內人口死亡無力
 * 殮葬。二、戶內人口遭受意外傷害或罹患重病，致生活陷於困境。三、負家庭主要生計責任者，失業、失蹤、應徵集召集入營
 * 服兵役或替代役現役、入獄服刑、因案羈押、依法拘禁或其他原因，無法工作致生活陷於困境。四、財產或存款帳戶因遭強制
 * 執行、凍結或其他原因未能及時運用，致生活陷於困境。五、已申請福利項目或保險給付，尚未核准期間生活陷於困境。六、
 * 其他因遭遇重大變故，致生活陷於困境，經直轄市、縣（市）主管機關訪視評估，認定確有救助需要。」
 * 第22條：「流落外地，缺乏車資返鄉者，當地主管機關得依其申請酌予救助。」
 * 第23條：「前二條之救助以現金給付為原則；其給付方式及標準，由直轄市、縣（市）主管機關定之…」
 *
 * Kaohsiung amounts (高雄市急難救助自治條例, an old version of unknown date; confidence C): registered at
 * least four months; a death with no means for burial 10,000 (low-income) or 6,000; injury or illness up
 * to 6,000; the main earner unable to work up to 5,000; stranded persons their fare and a meal. The
 * amounts for 第21條第4–6款 are unknown, so those cases are undetermined.
 *
 * An event program: the amount for the applications (`emergency` events) dated in the period's month.
 * The amount is the office's assessed amount within the maximum, or the maximum where none is given.
 * 「致生活陷於困境」 is the office's finding: an application recorded as an event is taken as assessed.
 * Stranded persons apply to the 當地 (local) office, so the registration condition does not apply to them.
 */
export const emergencyAid = defineProgram({
  id: 'emergency-aid',
  nameZh: '急難救助',
  nameEn: 'Emergency aid',
  kind: 'cash',
  entity: 'household',
  period: 'event',
  legalBasis: ['D0050078 第21條', 'D0050078 第22條', 'D0050078 第23條', '000 參(九)', '001 三(三)(1)'],
  parameters: [
    'social-assistance.emergency-aid.death-low-income',
    'social-assistance.emergency-aid.death-other',
    'social-assistance.emergency-aid.injury-max',
    'social-assistance.emergency-aid.earner-unable-to-work-max',
    'social-assistance.emergency-aid.other-situations-max',
    'social-assistance.emergency-aid.residence-months',
  ],
  formula(ctx) {
    const { persons: p, households: h } = ctx;
    const count = h.count;
    const tier = householdWelfareTier(ctx);
    const deathLow = ctx.param('social-assistance.emergency-aid.death-low-income');
    const deathOther = ctx.param('social-assistance.emergency-aid.death-other');
    const injuryMax = ctx.param('social-assistance.emergency-aid.injury-max');
    const earnerMax = ctx.param('social-assistance.emergency-aid.earner-unable-to-work-max');
    const otherMax = ctx.paramOrNaN('social-assistance.emergency-aid.other-situations-max');
    const residenceMonths = ctx.param('social-assistance.emergency-aid.residence-months');

    // The applicant's registration, per household.
    const registeredSince = ctx.newInt32Array(h.count).fill(-1);
    const registered = ctx.newUint8Array(h.count);
    const { role, household, registeredInCity, registeredSince: since } = p;
    for (let i = 0, n = p.count; i < n; i++) {
      if (role[i] !== 0) continue;
      const k = household[i]!;
      registered[k] = registeredInCity[i]!;
      registeredSince[k] = since[i]!;
    }

    const events = ctx.population.events.emergency;
    const applied = ctx.newUint8Array(h.count);
    const resident = ctx.newUint8Array(h.count);
    const monthsShown = ctx.newFloat64Array(h.count).fill(Number.NaN);
    const standardKnown = ctx.newUint8Array(h.count).fill(PASSED);
    const amount = ctx.newInt32Array(h.count);
    for (let e = 0; e < events.count; e++) {
      const day = events.date[e]!;
      if (day < ctx.periodStartDay || day > ctx.periodEndDay) continue;
      const k = events.owner[e]!;
      applied[k] = 1;
      const situation = events.situation[e]!;
      const assessed = events.assessedNtd[e]!;
      if (situation === STRANDED) {
        // 第22條「流落外地，缺乏車資返鄉者，當地主管機關得依其申請酌予救助」: the fare and a meal as assessed.
        resident[k] = 1;
        amount[k] = amount[k]! + assessed;
        continue;
      }
      // 「設籍本市」 for at least four months on the day of the application.
      if (registered[k] && registeredSince[k]! <= day) {
        const months = completedMonths(registeredSince[k]!, day);
        monthsShown[k] = months;
        if (months < residenceMonths) continue;
      } else continue;
      resident[k] = 1;
      let max: number;
      if (situation === DEATH) {
        if (tier[k] === TIER_UNKNOWN) {
          standardKnown[k] = UNKNOWN;
          continue;
        }
        max = tier[k] === TIER_LOW_INCOME ? deathLow : deathOther;
      } else if (situation === INJURY) max = injuryMax;
      else if (situation === EARNER) max = earnerMax;
      else max = otherMax;
      if (Number.isNaN(max)) {
        standardKnown[k] = UNKNOWN;
        continue;
      }
      amount[k] = amount[k]! + (assessed > 0 ? Math.min(assessed, max) : max);
    }
    ctx.check(
      {
        code: 'applied-this-month',
        reference: 'D0050078 第21條',
        zh: '本月申請急難救助',
        en: 'emergency aid was applied for this month',
      },
      applied,
    );
    // Without an application only `applied-this-month` fails.
    for (let k = 0; k < count; k++) if (!applied[k]) resident[k] = 1;
    ctx.check(
      {
        code: 'applicant-registered-4-months',
        reference: 'D0050078 第21條；000 參(九)；高雄市急難救助自治條例',
        zh: '申請人設籍本市滿4個月（流落外地者不在此限）',
        en: 'the applicant has been registered in the city for at least 4 months (not required of stranded persons)',
      },
      resident,
      { value: monthsShown, threshold: residenceMonths },
    );
    ctx.check(
      {
        code: 'amount-standard-known',
        reference: 'D0050078 第23條',
        zh: '本市對該急難事由之救助標準已知',
        en: 'the city’s amount for the situation is known',
      },
      standardKnown,
    );
    return { amountNtd: amount };
  },
});
