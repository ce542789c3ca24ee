// Instants in the event forms: typed as the day and time the clinic's clock shows (as the report
// form does), sent as ISO instants.
import { clinicClock, clinicInstant } from '../../i18n/format.ts';

const typed = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** An instant as a form value (YYYY-MM-DDTHH:mm on the clinic's clock); '' for none. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const { date, time } = clinicClock(d);
  return `${date}T${time}`;
}

/** Now as a form value. */
export const nowLocal = (): string => toLocalInput(new Date().toISOString());

/** A form value as an ISO instant; undefined when empty, the text itself when unreadable (the schema then names it). */
export function fromLocalInput(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const m = typed.exec(value);
  if (!m) return value;
  const at = clinicInstant(m[1] as string, m[2] as string);
  return Number.isNaN(Date.parse(at)) ? value : at;
}

/** The same instant, whatever its spelling (seconds, offset): compares a stored time with a typed one. */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000);
}
