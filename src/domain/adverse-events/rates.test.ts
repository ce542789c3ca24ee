import { describe, expect, it } from 'vitest';
import { aggregateEvents, ratePer100 } from './rates.ts';

describe('events per 100 sessions', () => {
  it.each([
    [0, 0, null],
    [0, 10, 0],
    [1, 3, 33.33],
    [3, 200, 1.5],
  ])('%s events in %s sessions → %s', (events, sessions, rate) => expect(ratePer100(events, sessions)).toBe(rate));

  it('counts each group over the sessions exposed to it, and the totals once', () => {
    const sessions = [
      { id: 's1', keys: ['revita', 'hyalo'] },
      { id: 's2', keys: ['revita'] },
      { id: 's3', keys: ['revita'] },
      { id: 's4', keys: ['hyalo'] },
    ];
    const events = [
      { id: 'e1', sessionId: 's1', type: 'bruising', grade: 1, serious: false },
      { id: 'e2', sessionId: 's2', type: 'nodule', grade: 3, serious: true },
      { id: 'e3', sessionId: 'elsewhere', type: 'pain', grade: 1, serious: false },
    ] as const;
    const { totals, groups } = aggregateEvents(sessions, events);
    expect(totals).toMatchObject({ sessions: 4, events: 2, seriousEvents: 1, ratePer100: 50 });
    expect(groups.map((g) => [g.key, g.sessions, g.events, g.ratePer100])).toEqual([
      ['revita', 3, 2, 66.67],
      ['hyalo', 2, 1, 50],
    ]);
    expect(groups[0]?.byType).toEqual({ bruising: 1, nodule: 1 });
    expect(groups[0]?.byGrade).toEqual({ '1': 1, '2': 0, '3': 1, '4': 0, '5': 0 });
  });

  it("puts an event with its own keys (its area) under those, even where no session was", () => {
    const { groups } = aggregateEvents([{ id: 's1', keys: ['face', 'neck'] }], [{ id: 'e1', sessionId: 's1', type: 'bruising', grade: 1, serious: false, keys: ['decollete'] }]);
    expect(groups.map((g) => [g.key, g.sessions, g.events, g.ratePer100])).toEqual([
      ['decollete', 0, 1, null],
      ['face', 1, 0, 0],
      ['neck', 1, 0, 0],
    ]);
  });
});
