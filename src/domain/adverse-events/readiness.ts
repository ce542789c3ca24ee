// Emergency readiness (CLINICAL_RULES §5: the anti-shock kit present and in date). An item is
// missing, expired (past its last day of use), expiring within the clinic's warning window, or ok.
export const KIT_ITEM_STATES = ['ok', 'expiring', 'expired', 'missing'] as const;
export type KitItemState = (typeof KIT_ITEM_STATES)[number];

/** Whole days from `today` to `day` (both YYYY-MM-DD); negative when `day` is past. */
export function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The state of one kit item today. */
export function kitItemState(item: { present: boolean; expiresOn: string | null }, today: string, warningDays: number): KitItemState {
  if (!item.present) return 'missing';
  if (item.expiresOn === null) return 'ok';
  const left = daysUntil(today, item.expiresOn);
  if (left < 0) return 'expired';
  return left <= warningDays ? 'expiring' : 'ok';
}
