import { Type } from 'typebox';
import { Uuid } from './schemas.ts';

/** The request and answer shapes of the application routes (routes/applications.ts). */
export const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });
export const ProgramId = Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9-]+$' });
/** An event claimed for (the rules' event facts: `GET /api/v1/facts` lists the types and their fields). */
export const ClaimedEvent = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 60 }),
    date: Type.String({ format: 'date' }),
    person: Type.Optional(Type.String({ format: 'uuid' })),
    household: Type.Optional(Type.String({ format: 'uuid' })),
  },
  {
    // The event type's fields, checked by the rules (a FactError is a 400 naming the field); any JSON
    // value here, so no coercion turns a number into a string first.
    additionalProperties: Type.Unknown(),
    description:
      '申請所據之事件（醫療費用、急難、災害…） A dated event claimed for, e.g. `{"type":"medical-expense","date":"2024-03-05","selfPaidNtd":45000}`',
  },
);
export const Text = (max: number, description: string) =>
  Type.String({ minLength: 1, maxLength: max, description });
export const Status = Type.String({
  enum: ['draft', 'submitted', 'in_review', 'decided', 'appealed', 'redecided', 'withdrawn'],
});
export const ReasonInput = Type.Object(
  {
    code: Text(80, '理由代碼 Reason code'),
    message: Type.Object(
      { zh: Text(500, '中文理由'), en: Text(500, 'Reason in English') },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Outcome = Type.String({ enum: ['approved', 'rejected'] });
const Reason = Type.Object({
  code: Type.String(),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
});
export const ApplicationView = Type.Object({
  id: Uuid,
  reference: Type.String({ description: '案號 Reference, e.g. A113-000123 (ROC year)' }),
  channel: Type.String({ enum: ['online', 'office'] }),
  applicantPersonId: Uuid,
  householdId: Nullable(Uuid),
  districtCode: Type.String({ description: '受理區公所 The district office it is routed to' }),
  period: Type.String(),
  status: Status,
  programs: Type.Array(Type.String()),
  submittedAt: Nullable(DateTime),
  dueDate: Nullable(Type.String({ format: 'date' })),
  overdue: Type.Boolean(),
  version: Type.Integer(),
});
export const ApplicationInFull = Type.Object({
  ...ApplicationView.properties,
  documents: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      description: Type.String(),
      evidenceId: Nullable(Uuid),
      addedAt: Nullable(DateTime),
    }),
  ),
  proposal: Type.Union([
    Type.Object({
      id: Uuid,
      status: Type.String(),
      proposedBy: Uuid,
      proposedAt: Nullable(DateTime),
      note: Nullable(Type.String()),
      outcomes: Type.Array(
        Type.Object({
          program: Type.String(),
          outcome: Outcome,
          amountNtd: Type.Union([Type.Integer(), Type.Null()]),
          eligible: Type.Union([Type.Boolean(), Type.Null()]),
          reasons: Type.Array(Reason),
        }),
      ),
    }),
    Type.Null(),
  ]),
  decisions: Type.Array(
    Type.Object({
      id: Uuid,
      program: Type.String(),
      outcome: Outcome,
      entity: Type.String(),
      entityId: Uuid,
      monthlyAmountNtd: Type.Union([Type.Integer(), Type.Null()]),
      reasons: Type.Array(Reason),
      decidedBy: Uuid,
      decidedAt: Nullable(DateTime),
      rulesVersion: Type.String(),
    }),
  ),
});
export const DecisionAsMade = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  reference: Type.String(),
  period: Type.String(),
  program: Type.String(),
  kind: Type.String({ enum: ['initial', 'appeal'] }),
  outcome: Outcome,
  entity: Type.String(),
  entityId: Uuid,
  monthlyAmountNtd: Type.Union([Type.Integer(), Type.Null()]),
  reasons: Type.Array(Reason),
  explanation: Type.Unknown({
    description: '規則說明（原樣） The rules’ explanation as made: calculate’s results',
  }),
  evidence: Type.Unknown({ description: '所依據之事實 The facts it rested on (a calculate case)' }),
  parameters: Type.Unknown({ description: '所用參數 The parameters used, with their sources' }),
  rulesVersion: Type.String({
    description: '規則套件版本與參數集之 SHA-256 Rules version and parameter set hash',
  }),
  proposedBy: Uuid,
  decidedBy: Uuid,
  decidedAt: Nullable(DateTime),
});
export const ProposalAnswer = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  version: Type.Integer(),
  outcomes: Type.Array(
    Type.Object({
      program: Type.String(),
      outcome: Outcome,
      eligible: Type.Union([Type.Boolean(), Type.Null()]),
      amountNtd: Type.Union([Type.Integer(), Type.Null()]),
      reasons: Type.Array(Reason),
    }),
  ),
});
export const DecisionAnswer = Type.Object({
  applicationId: Uuid,
  status: Type.Literal('decided'),
  version: Type.Integer(),
  decisions: Type.Array(
    Type.Object({
      id: Uuid,
      program: Type.String(),
      outcome: Outcome,
      monthlyAmountNtd: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
