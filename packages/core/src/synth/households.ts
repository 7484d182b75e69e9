import { CHILD_AGE_WEIGHTS, type HouseholdType } from './model.ts';
import type { Random } from './random.ts';

export interface Member {
  age: number;
  role: 'applicant' | 'spouse' | 'lineal_relative' | 'child' | 'other';
  sex: 'M' | 'F';
}

function adultAge(random: Random, min = 25, max = 64): number {
  return random.int(min, max);
}

function seniorAge(random: Random): number {
  const bands = [65, 70, 75, 80, 85, 90];
  const band = random.weighted([1, 0.8, 0.5, 0.35, 0.2, 0.08]);
  return bands[band]! + random.int(0, band === 5 ? 12 : 4);
}

/**
 * A child's age from the parent's (the parent was 24–40 at the birth), or none: a child is kept with the
 * probability of its birth cohort (recent cohorts are smaller), and stays in the household until 35 at most.
 */
function childAge(random: Random, parentAge: number): number | undefined {
  const age = parentAge - random.int(24, 40);
  if (age < 0 || age > 35) return undefined;
  return random.next() < (CHILD_AGE_WEIGHTS[age] ?? 1) ? age : undefined;
}

export function composeHousehold(type: HouseholdType, random: Random): Member[] {
  const sex = (): 'M' | 'F' => (random.chance(0.49) ? 'M' : 'F');
  const children = (count: number, parentAge: number): Member[] => {
    const made: Member[] = [];
    for (let k = 0; k < count; k++) {
      const age = childAge(random, parentAge);
      if (age !== undefined) made.push({ age, role: 'child', sex: sex() });
    }
    return made;
  };
  switch (type) {
    case 'single-adult':
      return [{ age: adultAge(random), role: 'applicant', sex: sex() }];
    case 'single-senior':
      return [{ age: seniorAge(random), role: 'applicant', sex: random.chance(0.42) ? 'M' : 'F' }];
    case 'couple': {
      const age = adultAge(random);
      return [
        { age, role: 'applicant', sex: 'M' },
        { age: Math.min(64, Math.max(20, age + random.int(-5, 3))), role: 'spouse', sex: 'F' },
      ];
    }
    case 'senior-couple': {
      const age = seniorAge(random);
      return [
        { age, role: 'applicant', sex: 'M' },
        { age: Math.max(60, age + random.int(-6, 2)), role: 'spouse', sex: 'F' },
      ];
    }
    case 'couple-with-children': {
      const age = adultAge(random, 27, 60);
      const count = 1 + random.weighted([0.2, 0.5, 0.3]);
      return [
        { age, role: 'applicant', sex: random.chance(0.7) ? 'M' : 'F' },
        { age: Math.max(22, age + random.int(-4, 3)), role: 'spouse', sex: 'F' },
        ...children(count, age),
      ];
    }
    case 'single-parent': {
      const age = adultAge(random, 25, 58);
      return [
        { age, role: 'applicant', sex: random.chance(0.7) ? 'F' : 'M' },
        ...children(1 + random.weighted([0.4, 0.6]), age),
      ];
    }
    case 'three-generation': {
      const age = adultAge(random, 30, 55);
      const grandparents = random.chance(0.5) ? 2 : 1;
      return [
        { age, role: 'applicant', sex: 'M' },
        { age: Math.max(25, age + random.int(-4, 3)), role: 'spouse', sex: 'F' },
        ...children(1 + random.weighted([0.3, 0.5, 0.2]), age),
        ...Array.from({ length: grandparents }, (_, k) => ({
          age: Math.max(65, age + 25 + random.int(0, 10)),
          role: 'lineal_relative' as const,
          sex: k === 0 ? ('F' as const) : ('M' as const),
        })),
      ];
    }
    case 'adult-with-parent': {
      const age = adultAge(random, 35, 64);
      return [
        { age, role: 'applicant', sex: sex() },
        {
          age: Math.max(65, age + 25 + random.int(0, 8)),
          role: 'lineal_relative',
          sex: random.chance(0.6) ? 'F' : 'M',
        },
      ];
    }
  }
}
