import { applyRate } from '@safetynet/core/money';
import type { ProgramContext } from '../engine/context.ts';
import { WORK_INABILITY_REASONS } from '../engine/population.ts';
import { ageAtPeriodStart } from './age.ts';

/*
 * D0050078 第5-3條第1項：「本法所稱有工作能力，指十六歲以上，未滿六十五歲，而無下列情事之一者：…」
 * (the exceptions are the `workInability` fact).
 */
export function ableToWork(ctx: ProgramContext): Uint8Array {
  return ctx.variable('able-to-work', () => {
    const age = ageAtPeriodStart(ctx);
    const none = WORK_INABILITY_REASONS.indexOf('none');
    const workInability = ctx.persons.workInability;
    const n = age.length;
    const able = ctx.newUint8Array(n);
    for (let i = 0; i < n; i++) {
      const a = age[i]!;
      able[i] = +(a >= 16 && a < 65 && workInability[i] === none);
    }
    return able;
  });
}

/*
 * D0050078 第5-1條第1項第1款第2目：「有工作能力未就業者，依基本工資核算。但經公立就業服務機構認定失業者
 * …參加政府主辦或委辦全日制職業訓練，其失業或參加職業訓練期間得不計算工作收入…」
 * 第5-1條第3項：「第一項第一款…第二目工作收入之計算，十六歲以上未滿二十歲或六十歲以上未滿六十五歲者，
 * 依其核算收入百分之七十計算；身心障礙者，依其核算收入百分之五十五計算。」
 *
 * Work income per person per month: the earned income of the employed; the minimum wage (scaled) for those
 * able to work and not employed; nothing while certified unemployed or in full-time training. The law does
 * not say how to round the 70% / 55%: half up, like every amount here. Where both reductions could apply,
 * the disability one (55%) is used, the more favourable to the applicant.
 */
export function workIncome(ctx: ProgramContext): Int32Array {
  return ctx.variable('work-income', () => {
    const p = ctx.persons;
    const age = ageAtPeriodStart(ctx);
    const minimumWage = ctx.param('cross-cutting.minimum-wage');
    const disabledWage = applyRate(minimumWage, 55, 100);
    const youngOrOlderWage = applyRate(minimumWage, 70, 100);
    const { employed, earnedIncomeNtd, registeredUnemployed, disabilityLevel, workInability } = p;
    const none = WORK_INABILITY_REASONS.indexOf('none');
    const count = p.count;
    const income = ctx.newInt32Array(count);
    for (let i = 0; i < count; i++) {
      if (employed[i]) income[i] = earnedIncomeNtd[i]!;
      else if (!registeredUnemployed[i]) {
        // Able to work as `ableToWork` says, tested here (the column of it is made only where a program asks).
        const a = age[i]!;
        if (a < 16 || a >= 65 || workInability[i] !== none) continue;
        income[i] =
          disabilityLevel[i]! > 0 ? disabledWage : a < 20 || a >= 60 ? youngOrOlderWage : minimumWage;
      }
    }
    return income;
  });
}

/*
 * D0050078 第5-1條第1項：家庭總收入 = 工作收入 + 動產及不動產之收益 + 其他收入.
 * The household given is the means-test household of 第5條 (who counts is the district office's
 * determination; the caller lists the counted members).
 */
export function householdIncome(ctx: ProgramContext): Float64Array {
  return ctx.variable('household-income', () => {
    const p = ctx.persons;
    const work = workIncome(ctx);
    const { household, propertyIncomeNtd, otherIncomeNtd } = p;
    const count = p.count;
    const total = ctx.newFloat64Array(ctx.households.count);
    for (let i = 0; i < count; i++) {
      const k = household[i]!;
      total[k] = total[k]! + work[i]! + propertyIncomeNtd[i]! + otherIncomeNtd[i]!;
    }
    return total;
  });
}

/** 家庭總收入平均分配全家人口: per person per month, rounded half up (for display and comparison). */
export function householdIncomePerCapita(ctx: ProgramContext): Float64Array {
  return ctx.variable('household-income-per-capita', () => {
    const total = householdIncome(ctx);
    const count = ctx.households.memberCount;
    const rate = applyRate;
    const n = total.length;
    const perCapita = ctx.newFloat64Array(n);
    for (let h = 0; h < n; h++) {
      const c = count[h]!;
      const t = total[h]!;
      if (c <= 0) continue;
      // applyRate(t, 1, c) without its checks where they hold (a whole, non-negative total): half up.
      if (t >= 0 && t <= Number.MAX_SAFE_INTEGER && Math.floor(t) === t) {
        const quotient = Math.floor(t / c);
        perCapita[h] = (t - quotient * c) * 2 >= c ? quotient + 1 : quotient;
      } else perCapita[h] = rate(t, 1, c);
    }
    return perCapita;
  });
}

/** A person column summed over each household's members. */
function sumPerHousehold(ctx: ProgramContext, name: string, column: ArrayLike<number>): Float64Array {
  return ctx.variable(name, () => {
    const total = ctx.newFloat64Array(ctx.households.count);
    const household = ctx.persons.household;
    for (let i = 0; i < household.length; i++) {
      const k = household[i]!;
      total[k] = total[k]! + column[i]!;
    }
    return total;
  });
}

export function householdMovableProperty(ctx: ProgramContext): Float64Array {
  return sumPerHousehold(ctx, 'household-movable-property', ctx.persons.movablePropertyNtd);
}

export function householdImmovableProperty(ctx: ProgramContext): Float64Array {
  return sumPerHousehold(ctx, 'household-immovable-property', ctx.persons.immovablePropertyNtd);
}
