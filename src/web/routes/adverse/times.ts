// Instants in the event forms: typed as the browser's local date and time (as the report form does),
// sent as ISO instants with their offset.

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value (YYYY-MM-DDTHH:mm, local time); '' for none. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Now as a `datetime-local` value. */
export const nowLocal = (): string => toLocalInput(new Date().toISOString());

/** A `datetime-local` value as an ISO instant; undefined when empty, the text itself when unreadable (the schema then names it). */
export function fromLocalInput(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** The same instant, whatever its spelling (seconds, offset): compares a stored time with a typed one. */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000);
}
