import { defineProgram } from '../../engine/program.ts';
import { VULNERABLE_CHILD_GROUNDS } from '../../facts/person.ts';
import { ageAtPeriodStart } from '../../variables/age.ts';
import { REGISTERED_CHILD_GATE } from './gates.ts';

const NONE = 0;
const MID_LOW_INCOME_IN_HARDSHIP = VULNERABLE_CHILD_GROUNDS.indexOf('mid-low-income-in-hardship');

/**
 * 弱勢兒童及少年生活扶助 — vulnerable child allowance (catalog: vulnerable-child-allowance; 000 肆二(十三);
 * 001 四(三)12).
 *
 * 000 肆二(十三)：「依據「高雄市弱勢兒童及少年生活扶助辦法」，對於本市列冊中低收入戶並生活陷困、因懷孕或生育
 * 而遭遇困境、或其他經主管機關評估認有扶助之必要之兒童少年提供扶助：18 歲以下，同一家庭之兒童或少年僅 1 人者，
 * 每月補助 2,384 元；2 人以上者，每人每月補助 2,073 元。」 (D0050180 第3條 lists the same three grounds.)
 *
 * The ground is the `vulnerableChildGround` fact (the assessment); the first ground also needs the household to
 * be mid-low-income (mid-low-income-status). 「18 歲以下」 is read as a 兒童或少年, under 18 (D0050001 第2條),
 * the age the 辦法 covers. Same amounts as the single-parent allowance (catalog; reference §6.1), the tier
 * counting the children of the household who qualify. Ages on the first day of the month.
 */
export const vulnerableChildAllowance = defineProgram({
  id: 'vulnerable-child-allowance',
  nameZh: '弱勢兒童及少年生活扶助',
  nameEn: 'Vulnerable child and youth allowance',
  kind: 'cash',
  entity: 'person',
  period: 'month',
  gate: REGISTERED_CHILD_GATE,
  legalBasis: ['000 肆二(十三)', '001 四(三)12', 'D0050180 第3條', 'D0050001 第2條'],
  parameters: ['children.single-parent.amount-only-child', 'children.single-parent.amount-each-child'],
  formula(ctx) {
    const p = ctx.persons;
    const age = ageAtPeriodStart(ctx);
    ctx.check(
      {
        code: 'registered-in-city',
        reference: '000 肆二(十三)',
        zh: '設籍本市',
        en: 'registered in the city',
      },
      p.registeredInCity,
    );
    ctx.compare(
      {
        code: 'aged-under-18',
        reference: '000 肆二(十三); D0050001 第2條',
        zh: '未滿18歲',
        en: 'aged under 18',
      },
      age,
      '<',
      18,
    );
    // The mid-low-income ground carries over the status's three-valued outcome (undetermined stays open).
    const midLow = ctx.program('mid-low-income-status').eligible;
    const n = p.count;
    const household = p.household;
    const groundOf = p.vulnerableChildGround;
    const ground = ctx.newUint8Array(n);
    // Persons the checks above failed (not registered, 18 or over) keep ground 0: they are not counted below
    // either, as the count takes registered children under 18 only.
    const inPlay = ctx.inPlay();
    for (let i = 0; i < n; i++) {
      if (inPlay !== undefined && inPlay[i] === 0) continue;
      const g = groundOf[i]!;
      ground[i] = g === NONE ? 0 : g === MID_LOW_INCOME_IN_HARDSHIP ? midLow[household[i]!]! : 1; // FAILED, PASSED
    }
    ctx.check(
      {
        code: 'ground-for-assistance',
        reference: '000 肆二(十三); D0050180 第3條',
        zh: '列冊中低收入戶並生活陷困、因懷孕或生育而遭遇困境，或經評估認有扶助必要',
        en: 'a mid-low-income household in hardship, hardship from pregnancy or birth, or assessed as needing aid',
      },
      ground,
    );
    // 同一家庭之兒童或少年僅1人: children of the household who qualify on age and ground.
    const count = ctx.newInt32Array(ctx.households.count);
    const registeredInCity = p.registeredInCity;
    for (let i = 0; i < n; i++) {
      if (age[i]! < 18 && ground[i] !== 0 && registeredInCity[i]) {
        const k = household[i]!;
        count[k] = count[k]! + 1;
      }
    }
    const only = ctx.param('children.single-parent.amount-only-child');
    const each = ctx.param('children.single-parent.amount-each-child');
    const amountNtd = ctx.newInt32Array(n);
    for (let i = 0; i < n; i++) amountNtd[i] = count[household[i]!] === 1 ? only : each;
    return { amountNtd };
  },
});
