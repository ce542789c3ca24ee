import { describe, expect, it } from 'vitest';
import { ADVERSE_EVENT_TYPE_CODES, adverseEventTypes, type AdverseEventType } from '../vocabulary/index.ts';
import { allowedFollowUpOutcomes, completionEffect, type CompletionInput } from './follow-up-completion.ts';
import { firstFollowUp, FOLLOW_UP_RULES, nextFollowUp } from './follow-up-rules.ts';

const session = new Date('2026-11-02T10:00:00Z');
const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;
const at = (h: number) => new Date(session.getTime() + h * 3_600_000);

describe('follow-up rules per adverse-event type', () => {
  it('has a rule for every type, each with a purpose in both languages and a repeat', () => {
    for (const type of ADVERSE_EVENT_TYPE_CODES) {
      const r = FOLLOW_UP_RULES[type];
      expect(r.purpose.en.length, type).toBeGreaterThan(10);
      expect(r.purpose.ru.length, type).toBeGreaterThan(10);
      expect(r.repeatHours, type).toBeGreaterThan(0);
    }
  });

  it('turns only expected reactions into complications when they persist', () => {
    for (const type of ADVERSE_EVENT_TYPE_CODES) if (FOLLOW_UP_RULES[type].persistingIsComplication) expect(adverseEventTypes.entries[type].expected, type).toBe(true);
  });

  it.each<[AdverseEventType, number, number, 'adverse-event-call' | 'adverse-event-review', number]>([
    // type, onset (h after session), due (h after session), kind, repeat (h)
    ['papules', 1, 72, 'adverse-event-review', 168],
    ['erythema', 0.5, 72, 'adverse-event-review', 168],
    ['bruising', 2, 168, 'adverse-event-review', 168],
    ['edema', 3, 168, 'adverse-event-review', 168],
    ['anaphylaxis', 0.2, 24.2, 'adverse-event-call', 168],
    ['angioedema', 1, 25, 'adverse-event-call', 168],
    ['vagal', 0.1, 24.1, 'adverse-event-call', 168],
    ['nodule', 42 * 24, 49 * 24, 'adverse-event-review', 168],
    ['infection', 5 * 24, 7 * 24, 'adverse-event-review', 168],
    ['abscess', 30 * 24, 32 * 24, 'adverse-event-review', 168],
    ['necrosis', 24, 48, 'adverse-event-review', 72],
  ])('%s with onset at +%sh: first due at +%sh (%s), then every %sh', (type, onsetH, dueH, kind, repeat) => {
    const first = firstFollowUp(type, { sessionAt: session, onset: at(onsetH), recordedAt: at(onsetH) });
    expect(first.kind).toBe(kind);
    expect(hours(session, first.dueAt)).toBeCloseTo(dueH, 5);
    expect(hours(first.dueAt, nextFollowUp(type, first.dueAt).dueAt)).toBe(repeat);
  });

  it('makes a follow-up recorded after its time due at once, never in the past', () => {
    const recordedAt = at(200);
    expect(firstFollowUp('bruising', { sessionAt: session, onset: at(2), recordedAt }).dueAt).toEqual(recordedAt);
  });
});

describe('completing a follow-up', () => {
  const base = { kind: 'adverse-event-review', completedAt: at(72) } as const;
  const event = (type: AdverseEventType, o: Partial<NonNullable<CompletionInput['event']>> = {}) => ({ type, status: 'open' as const, expected: true, firstFollowUp: true, ...o });

  it.each<[string, CompletionInput, { status?: string; outcome?: string; becomesComplication: boolean; nextInH?: number }]>([
    ['papules still there at 72 h: a complication, monitored, reviewed in a week', { ...base, outcome: 'unchanged', event: event('papules') }, { status: 'monitoring', becomesComplication: true, nextInH: 168 }],
    ['papules improving but there at 72 h: still a complication', { ...base, outcome: 'improving', event: event('papules') }, { status: 'monitoring', becomesComplication: true, nextInH: 168 }],
    ['papules gone: resolved, recovered', { ...base, outcome: 'resolved', event: event('papules') }, { status: 'resolved', outcome: 'recovered', becomesComplication: false }],
    ['resolved with sequelae as told', { ...base, outcome: 'resolved', eventOutcome: 'recovered-with-sequelae', event: event('scarring', { expected: false }) }, { status: 'resolved', outcome: 'recovered-with-sequelae', becomesComplication: false }],
    ['papules at a later follow-up: no new complication', { ...base, outcome: 'unchanged', event: event('papules', { firstFollowUp: false, status: 'monitoring' }) }, { becomesComplication: false, nextInH: 168 }],
    ['a nodule still there: reviewed weekly, never "becomes" a complication', { ...base, outcome: 'unchanged', event: event('nodule', { expected: false }) }, { status: 'monitoring', becomesComplication: false, nextInH: 168 }],
    ['worse: open again', { ...base, outcome: 'worse', event: event('bruising', { status: 'monitoring' }) }, { status: 'open', becomesComplication: true, nextInH: 168 }],
    ['patient not reached: try again in a day, nothing else changes', { ...base, outcome: 'not-reached', event: event('bruising') }, { becomesComplication: false, nextInH: 24 }],
    ['a post-session check as expected: nothing follows', { kind: 'post-session', completedAt: at(72), outcome: 'as-expected' }, { becomesComplication: false }],
  ])('%s', (_name, input, want) => {
    const e = completionEffect(input);
    expect(e.status).toBe(want.status);
    expect(e.outcome).toBe(want.outcome);
    expect(e.becomesComplication).toBe(want.becomesComplication);
    expect(e.next === undefined ? undefined : hours(input.completedAt, e.next.dueAt)).toBe(want.nextInH);
  });

  it('asks an event follow-up how the event is, and a session check whether all is well', () => {
    expect(allowedFollowUpOutcomes(true)).not.toContain('as-expected');
    expect(allowedFollowUpOutcomes(false)).toEqual(['as-expected', 'complication', 'not-reached']);
  });
});
