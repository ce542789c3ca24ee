// Steps the adverse-event, follow-up, recall and readiness tests share: a session recorded over
// the API, an event recorded against it, and direct counts of this capability's tables.
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import type { Caller, TestContext } from '../../../test/app.ts';
import { consentedCourse, sessionBody, type ClinicalClinic } from '../../../test/fixtures/clinical.ts';

export const hour = 3_600_000;
export const day = 24 * hour;

/** An instant `h` hours after `d`, as ISO text. */
export const hoursAfter = (d: Date, h: number): string => new Date(d.getTime() + h * hour).toISOString();

export interface RecordedSession {
  patientId: string;
  courseId: string;
  sessionId: string;
  performedAt: Date;
}

/** A new patient with a consented course of `product`, and its first session `daysAgo` days ago with `lotId` (the product's fixture lot unless told). */
export async function recordSession(t: TestContext, c: ClinicalClinic, o: { daysAgo?: number; product?: string; lotId?: string; by?: Caller } = {}): Promise<RecordedSession> {
  const product = o.product ?? 'revita-complex';
  const { patientId, courseId } = await consentedCourse(c, t.db, product);
  const lotId = o.lotId ?? c.products[product]!.lotId;
  const res = await (o.by ?? c.doctor).call({ method: 'POST', url: '/api/v1/sessions', payload: sessionBody(courseId, lotId, { daysAgo: o.daysAgo ?? 0 }) });
  expect(res.statusCode, res.body).toBe(201);
  const s = res.json<{ id: string; performedAt: string }>();
  return { patientId, courseId, sessionId: s.id, performedAt: new Date(s.performedAt) };
}

/** Records an adverse event over the API as `caller`; expects 201 and answers the event. */
export async function recordEvent(caller: Caller, body: Record<string, unknown>): Promise<{ id: string; [k: string]: unknown }> {
  const res = await caller.call({ method: 'POST', url: '/api/v1/adverse-events', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const tables = ['adverse_events', 'adverse_event_history', 'follow_ups', 'alerts', 'alert_lots', 'emergency_kit_items', 'emergency_kit_checks', 'sessions'] as const;

/** Counts a clinic's rows of one of this capability's tables, bypassing the API. */
export async function rows(t: TestContext, clinicId: string, table: (typeof tables)[number]): Promise<number> {
  if (!tables.includes(table)) throw new Error(`not a table of this capability: ${table}`);
  const r = await t.db.tx({ clinicId }, (q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE clinic_id = $1`, [clinicId]));
  return r.rows[0]?.n ?? 0;
}

/** The text of a PDF as poppler's pdftotext reads it, whitespace collapsed. */
export function pdfToText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
}

/** The problem's field paths. */
export const paths = (res: { json: () => unknown }): string[] => ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
