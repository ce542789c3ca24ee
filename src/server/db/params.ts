// Statements built piece by piece, with their values numbered as they are added.
//
// A list with optional filters written as `($3::uuid IS NULL OR patient_id = $3)` is one text for
// every combination of filters, and PostgreSQL cannot keep one plan for it: the plan that skips a
// filter is wrong when the filter is given. Such a prepared statement is planned again on every
// call. Writing only the filters given makes each combination a text of its own, with a plan of
// its own that is kept (src/server/db/database.ts, decision 14).

/** The values of a statement under construction: `add` returns the placeholder of each. */
export class Params {
  readonly values: unknown[] = [];

  constructor(...initial: unknown[]) {
    for (const v of initial) this.add(v);
  }

  /** Appends a value and returns its placeholder (`$1`, `$2`, …). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Conditions joined by AND (`true` when there are none). */
export function allOf(conditions: (string | false | undefined)[]): string {
  const kept = conditions.filter((c): c is string => typeof c === 'string' && c !== '');
  return kept.length === 0 ? 'true' : kept.join(' AND ');
}
