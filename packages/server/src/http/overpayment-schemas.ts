import { type Static, Type } from 'typebox';
import type { OverpaymentRow } from '../benefits/overpayment-recovery.ts';
import { Nullable } from './routes/identity-fields.ts';
import { Uuid } from './schemas.ts';

/** 溢領 An overpayment as the API shows it (lists and a single one), and what settling a change leaves. */
export const Overpayment = Type.Object({
  id: Uuid,
  paymentId: Uuid,
  entitlementId: Uuid,
  program: Type.String(),
  payeePersonId: Uuid,
  districtCode: Type.String(),
  period: Type.String(),
  amountNtd: Type.Integer(),
  outstandingNtd: Type.Integer(),
  reason: Type.String(),
  recovery: Type.String({ enum: ['deduction', 'repayment'] }),
  status: Type.String({ enum: ['open', 'recovered', 'waived'] }),
  createdAt: Type.String({ format: 'date-time' }),
});

export function overpaymentToApi(o: OverpaymentRow, outstandingNtd: number): Static<typeof Overpayment> {
  return {
    id: o.overpayment_id,
    paymentId: o.payment_id,
    entitlementId: o.entitlement_id,
    program: o.program_id,
    payeePersonId: o.payee_person_id,
    districtCode: o.district_code,
    period: o.period,
    amountNtd: o.amount_ntd,
    outstandingNtd,
    reason: o.reason,
    recovery: o.recovery,
    status: o.status,
    createdAt: new Date(o.created_at).toISOString(),
  };
}

/** An entitlement's new version, and the months already paid beyond it (life-events.ts changeAndSettle). */
export const ChangedEntitlement = Type.Object({
  entitlementId: Uuid,
  version: Type.Integer(),
  lastMonth: Nullable(Type.String()),
  monthlyAmountNtd: Type.Integer(),
});

export const Settlement = {
  overpayments: Type.Array(
    Type.Object({ overpaymentId: Uuid, paymentId: Uuid, period: Type.String(), amountNtd: Type.Integer() }),
  ),
  correctedPayments: Type.Array(
    Type.Object({
      paymentId: Uuid,
      period: Type.String(),
      amountNtd: Type.Integer(),
      cancelled: Type.Boolean(),
    }),
  ),
};
