import type { Schema } from '../db/schema.ts';

/**
 * Evidence kinds: the API's name for each evidence table and the fields it carries beyond the dated
 * columns (camelCase in the API, snake_case in the table).
 */
export const EVIDENCE_KINDS = {
  income: {
    table: 'income_evidence',
    fields: { incomeType: 'income_type', monthlyAmountNtd: 'monthly_amount_ntd' },
  },
  property: {
    table: 'property_evidence',
    fields: {
      propertyKind: 'property_kind',
      propertyType: 'property_type',
      valueNtd: 'value_ntd',
      excludedReason: 'excluded_reason',
    },
  },
  disability: { table: 'disability_certificate', fields: { level: 'level', icfCategory: 'icf_category' } },
  school: {
    table: 'school_enrolment',
    fields: { schoolLevel: 'school_level', dayProgram: 'day_program', grade: 'grade' },
  },
  'tax-bracket': {
    table: 'tax_bracket',
    fields: { taxYear: 'tax_year', marginalRatePct: 'marginal_rate_pct' },
  },
  'work-ability': { table: 'work_ability', fields: { ableToWork: 'able_to_work', reason: 'reason' } },
  placement: {
    table: 'placement',
    fields: {
      placementType: 'placement_type',
      facilityName: 'facility_name',
      publiclyFunded: 'publicly_funded',
    },
  },
  insurance: {
    table: 'insurance_enrolment',
    fields: {
      scheme: 'scheme',
      monthlyPremiumNtd: 'monthly_premium_ntd',
      premiumPaidByGovernment: 'premium_paid_by_government',
    },
  },
} as const satisfies Record<string, { table: keyof Schema; fields: Record<string, string> }>;

export type EvidenceKind = keyof typeof EVIDENCE_KINDS;
export const EVIDENCE_KIND_NAMES = Object.keys(EVIDENCE_KINDS) as EvidenceKind[];

/** A stored evidence row → its API shape. */
export function evidenceToApi(kind: EvidenceKind, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    evidenceId: row.evidence_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    recordedAt: row.recorded_at,
    source: row.source,
  };
  for (const [field, column] of Object.entries(EVIDENCE_KINDS[kind].fields)) {
    const value = row[column];
    // value_ntd is int8 (a string from the driver); amounts in the API are numbers.
    out[field] = column === 'value_ntd' && value !== null ? Number(value) : value;
  }
  return out;
}

/** The evidence tables, in the kinds' order. */
export const EVIDENCE_TABLES = Object.values(EVIDENCE_KINDS).map((kind) => kind.table);
