/**
 * Small-cell suppression for the open-data file (docs/statistics.md): a published count of one or two
 * recipients in a district can point at a neighbour, so such cells are not shown.
 *
 * Rule, per group of cells that add up to a published total (one program, one period, all districts):
 * 1. primary: a cell with at least 1 and fewer than `threshold` recipients is suppressed;
 * 2. complementary: while the group has suppressed cells but fewer than two, or their recipients add up to
 *    fewer than `threshold`, the smallest shown cell of the group is suppressed too, so that the total minus
 *    the shown cells gives only a sum that is neither one cell nor itself small;
 * 3. when the group runs out of cells before that holds, its total is suppressed as well.
 * Suppressing a cell hides all its figures (recipients, person-times, amount), since each adds up alike.
 */
export const OPEN_DATA_MIN_RECIPIENTS = 3;

export type SuppressionReason = 'small' | 'complementary';

export interface SuppressibleCell {
  /** The cells that add up to one published total. */
  group: string;
  /** The cell, unique across groups. */
  key: string;
  recipients: number;
}

export interface Suppression {
  cells: Map<string, SuppressionReason>;
  /** Groups whose total is suppressed as well. */
  totals: Set<string>;
}

export function suppressSmallCells(
  cells: readonly SuppressibleCell[],
  threshold: number = OPEN_DATA_MIN_RECIPIENTS,
): Suppression {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`not a threshold: ${threshold}`);
  const groups = new Map<string, SuppressibleCell[]>();
  for (const cell of cells) {
    if (cell.recipients <= 0) continue;
    const list = groups.get(cell.group);
    if (list) list.push(cell);
    else groups.set(cell.group, [cell]);
  }
  const result: Suppression = { cells: new Map(), totals: new Set() };
  for (const [group, list] of groups) {
    // Smallest first, then by key: the same data gives the same file.
    const ordered = [...list].sort((a, b) => a.recipients - b.recipients || (a.key < b.key ? -1 : 1));
    const small = ordered.filter((c) => c.recipients < threshold);
    if (small.length === 0) continue;
    let suppressedCount = 0;
    let suppressedSum = 0;
    for (const cell of small) {
      result.cells.set(cell.key, 'small');
      suppressedCount++;
      suppressedSum += cell.recipients;
    }
    const rest = ordered.filter((c) => c.recipients >= threshold);
    while ((suppressedCount < 2 || suppressedSum < threshold) && rest.length > 0) {
      const next = rest.shift() as SuppressibleCell;
      result.cells.set(next.key, 'complementary');
      suppressedCount++;
      suppressedSum += next.recipients;
    }
    if (suppressedCount < 2 || suppressedSum < threshold) result.totals.add(group);
  }
  return result;
}
