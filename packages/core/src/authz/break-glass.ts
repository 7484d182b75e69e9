/**
 * Break-glass (緊急調閱): someone outside a protection case's need-to-know opens it anyway, in an
 * emergency. They must say why; the access lasts a fixed time and raises an alert for the supervisors and
 * auditors to review.
 */
export const BREAK_GLASS_MINUTES = 30;
export const BREAK_GLASS_REASON_MIN_LENGTH = 10;

/** A reason too short to mean anything gets a clear refusal (both languages); null when acceptable. */
export function breakGlassReasonProblem(reason: string): { zh: string; en: string } | null {
  if (reason.trim().length >= BREAK_GLASS_REASON_MIN_LENGTH) return null;
  return {
    zh: `緊急調閱須敘明理由（至少 ${BREAK_GLASS_REASON_MIN_LENGTH} 字）`,
    en: `break-glass access needs a reason of at least ${BREAK_GLASS_REASON_MIN_LENGTH} characters`,
  };
}

export function breakGlassExpiry(grantedAt: Date): Date {
  return new Date(grantedAt.getTime() + BREAK_GLASS_MINUTES * 60_000);
}
