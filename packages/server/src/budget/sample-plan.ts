import { readFileSync } from 'node:fs';
import { CATALOG, type CatalogEntry } from '@safetynet/rules/programs/catalog';
import type { AuditTrail } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { createPlan, createPlanWithLines, type NewLine } from './plans.ts';

/**
 * The sample plan: the bureau's 2018 (民國107年) table 「施政計畫與預算配合對照表」 of seed 000, kept as
 * printed in plan-2018-sample.json beside this file (categories, items, budgets in thousand NTD, the
 * printed category totals and grand total). Its lines' programs are the catalog's programs whose seed 000
 * references name the line's section (參 social assistance, 肆 welfare services, 陸 social insurance).
 */

interface SampleItem {
  item: string;
  budgetThousandNtd: number;
  /** The seed section (類) whose catalog programs this line's execution is measured from. */
  programsOfSection?: string;
}

interface SampleCategory {
  category: string;
  budgetThousandNtd: number;
  note?: string;
  items: SampleItem[];
}

export interface SamplePlan {
  year: number;
  source: string;
  sourceEn: string;
  unit: string;
  totalThousandNtd: number;
  categories: SampleCategory[];
  /** A program whose references name two sections: the one its line is, and why. */
  sectionOverrides: { programId: string; section: string; why: string }[];
}

export const SAMPLE_FILE = new URL('./plan-2018-sample.json', import.meta.url);

export function readSamplePlan(): SamplePlan {
  const plan = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as SamplePlan;
  checkTotals(plan);
  return plan;
}

/** The printed totals hold: each category is the sum of its items, the categories sum to the total. */
export function checkTotals(plan: SamplePlan): void {
  let total = 0;
  for (const category of plan.categories) {
    const items = category.items.reduce((sum, item) => sum + item.budgetThousandNtd, 0);
    if (items !== category.budgetThousandNtd)
      throw new Error(`${category.category}: items sum to ${items}, printed ${category.budgetThousandNtd}`);
    total += category.budgetThousandNtd;
  }
  if (total !== plan.totalThousandNtd)
    throw new Error(`categories sum to ${total}, printed total ${plan.totalThousandNtd}`);
}

/** The sections (類) a catalog entry's seed 000 references name: 「000 肆二(五)1, 陸一(四); 001 …」 → 肆, 陸. */
export function sectionsOfSeed(seed: string): string[] {
  const plan = seed
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('000 '));
  if (!plan) return [];
  const sections = plan
    .slice(4)
    .split(/[,，、]/)
    .map((ref) => ref.trim().charAt(0))
    .filter((section) => section.length > 0);
  return [...new Set(sections)];
}

/**
 * Each section's programs. A status (低收入戶資格) is a determination, never paid, so it measures nothing;
 * a program naming two sections needs an override, or this throws.
 */
export function programsBySection(
  catalog: readonly CatalogEntry[],
  overrides: SamplePlan['sectionOverrides'],
  sections: readonly string[],
): Map<string, string[]> {
  const result = new Map(sections.map((section) => [section, [] as string[]]));
  for (const entry of catalog) {
    if (entry.kind === 'status') continue;
    const override = overrides.find((o) => o.programId === entry.id);
    const named = override ? [override.section] : sectionsOfSeed(entry.seed).filter((s) => result.has(s));
    if (named.length > 1)
      throw new Error(`${entry.id} names sections ${named.join(', ')}: the sample needs an override for it`);
    if (named[0]) result.get(named[0])?.push(entry.id);
  }
  return result;
}

/** The sample's lines in printed order, with their programs. */
export function sampleLines(plan: SamplePlan, catalog: readonly CatalogEntry[] = CATALOG): NewLine[] {
  const sections = plan.categories.flatMap((c) => c.items.flatMap((i) => i.programsOfSection ?? []));
  const programs = programsBySection(catalog, plan.sectionOverrides, sections);
  return plan.categories.flatMap((category) =>
    category.items.map((item) => ({
      category: category.category,
      item: item.item,
      note: category.note ?? null,
      budgetThousandNtd: item.budgetThousandNtd,
      programIds: item.programsOfSection ? (programs.get(item.programsOfSection) ?? []) : [],
    })),
  );
}

/**
 * Loads the sample once: a 2018 plan already there is left as it is (whatever a person amended since),
 * so loading again changes nothing.
 */
export async function loadSamplePlan(
  database: Database,
  trail: AuditTrail,
): Promise<{ created: boolean; year: number; lines: number; totalThousandNtd: number }> {
  const plan = readSamplePlan();
  const lines = sampleLines(plan);
  const { created } = await createPlanWithLines(database.db, trail, {
    year: plan.year,
    source: `${plan.source} ${plan.sourceEn}`,
    copiedFromYear: null,
    lines,
    reason: `依 107 年度施政計畫與預算配合對照表（種子文件 000）登錄 Loaded as printed in the 2018 plan (seed 000)`,
  });
  return { created, year: plan.year, lines: lines.length, totalThousandNtd: plan.totalThousandNtd };
}

/**
 * For the demo: the sample plan, and the year the demo city was paid in as a copy of it (labelled as a
 * copy of 2018's figures), so the execution page has payments to measure; a person amends the budgets.
 */
export async function loadDemoPlans(database: Database, trail: AuditTrail): Promise<number[]> {
  const sample = await loadSamplePlan(database, trail);
  const latest = await database.db
    .selectFrom('payment')
    .select((eb) => eb.fn.max('period').as('period'))
    .executeTakeFirst();
  const year = latest?.period ? Number(latest.period.slice(0, 4)) : null;
  if (year === null || year === sample.year) return [sample.year];
  // A plan of that year made any way (a person's) is left as it is.
  const existing = await database.db
    .selectFrom('budget_plan')
    .select('plan_year')
    .where('plan_year', '=', year)
    .executeTakeFirst();
  if (!existing) await createPlan(database.db, trail, { year, copyFrom: sample.year });
  return [sample.year, year];
}
