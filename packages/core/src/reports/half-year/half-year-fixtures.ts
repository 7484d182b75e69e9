import type { Figures, MonthPersons, SentenceInput } from './report-structure.ts';

/** For the report's tests: sentence inputs and figures. */

/** A sentence input with the given figures and months, for January to June 2023. */
export function inputOf(
  figures: Record<string, Figures>,
  months: Record<string, MonthPersons[]> = {},
  extra: Partial<SentenceInput> = {},
): SentenceInput {
  return {
    from: '2023-01',
    to: '2023-06',
    period: '112年1月至6月',
    endOfPeriod: '112年6月底',
    figures: (id) => figures[id],
    months: (id) => months[id] ?? [],
    registry: undefined,
    accounts: () => undefined,
    ...extra,
  };
}

export const figuresOf = (persons: number, personTimes: number, amountNtd: number): Figures => ({
  persons,
  personTimes,
  households: persons,
  amountNtd,
});
