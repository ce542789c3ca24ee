import { describe, expect, it } from 'vitest';
import type { ChartCourse, ChartSession, ChartView } from '../../api/chart.ts';
import type { LotRecord } from '../../api/catalog.ts';
import { currentDocumentation, prefill, previousSession, sessionInput, type PreviousDocumentation } from './session-form.ts';

const P = '0190a000-0000-7000-8000-00000000000a';
const LOT = '0190a000-0000-7000-8000-0000000000f1';

const brief = (over: Partial<ChartSession>): ChartSession =>
  ({
    id: '0190a000-0000-7000-8000-000000000001',
    number: 1,
    performedAt: '2026-03-02T10:00:00.000Z',
    sessionDate: '2026-03-02',
    technique: 'papular',
    depthMm: 1.5,
    areas: [{ area: 'face', volumeMl: 2.5 }],
    lots: [{ lotId: LOT, productId: P, productCode: 'revita', lotNumber: 'A1', expiresOn: '2027-01-31', volumeMl: 2.5 }],
    immediateReactions: [],
    substanceClasses: ['vitamin'],
    ...over,
  }) as ChartSession;

const course = (sessions: ChartSession[]): ChartCourse =>
  ({ id: 'c1', areas: ['face'], components: [{ productId: P, volumeMl: 2 }], totalVolumeMl: 2, technique: 'manual', depthMm: 2, sessions }) as unknown as ChartCourse;

const lot = { id: LOT, productId: P, productCode: 'revita', lot: 'A1', expires: '2027-01-31', status: 'usable', quantity: 20, recalled: false } as unknown as LotRecord;

const doc: PreviousDocumentation = {
  needle: { gauge: 32, lengthMm: 4 },
  anaesthesia: { method: 'topical', agent: 'EMLA' },
  durationMinutes: 40,
  injectionPoints: [{ area: 'face', x: 0.5, y: 0.4, volumeMl: 0.05 }],
};

describe('the session form, pre-filled', () => {
  it('copies technique, depth, volumes and the lot from the latest session listed in the chart', () => {
    const older = brief({ id: 'old', performedAt: '2026-02-20T10:00:00.000Z', depthMm: 1 });
    const latest = brief({ id: 'new' });
    expect(previousSession(course([latest, older]))?.id).toBe('new');
    const v = prefill(course([older, latest]), [lot], new Date(2026, 2, 9, 11, 30), doc);
    expect(v).toMatchObject({ technique: 'papular', depthMm: 1.5, areas: [{ area: 'face', volumeMl: 2.5 }], lots: [{ productId: P, lotId: LOT, volumeMl: 2 }] });
  });

  it("takes needle, anaesthesia and duration from that session's own documentation, not from the chart", () => {
    expect(prefill(course([brief({})]), [lot], new Date(), doc)).toMatchObject({ needleGauge: 32, needleLength: 4, anaesthesiaMethod: 'topical', anaesthesiaAgent: 'EMLA', durationMinutes: 40 });
    expect(prefill(course([]), [lot], new Date())).toMatchObject({ needleGauge: 30, needleLength: 4, anaesthesiaMethod: 'none', durationMinutes: 30, technique: 'manual', depthMm: 2 });
  });

  it('reads the documentation as amended when the session was amended', () => {
    const amended = { ...doc, durationMinutes: 55 };
    expect(currentDocumentation({ ...doc, amended } as never).durationMinutes).toBe(55);
    expect(currentDocumentation({ ...doc, amended: null } as never).durationMinutes).toBe(40);
  });
});

describe("the session form's engine input from the chart's brief sessions", () => {
  const values = prefill(course([]), [lot], new Date(2026, 2, 30, 11, 0), doc);
  const chartOf = (sessions: ChartSession[]) => ({ patient: {}, courses: [course(sessions)], consents: [], adverseEvents: [] }) as unknown as ChartView;

  it('dates the last lipolytic session by the substance classes each session lists', () => {
    const sessions = [brief({ sessionDate: '2026-03-10', substanceClasses: ['lipolytic'] }), brief({ id: 'b', sessionDate: '2026-03-20', substanceClasses: ['vitamin'] })];
    const input = sessionInput(values, course(sessions), chartOf(sessions), {}, [lot], undefined);
    expect(input?.history).toMatchObject({ lastSessionDate: '2026-03-20', lastLipolyticSessionDate: '2026-03-10', sessionNumber: 3, vagalReaction: false });
  });

  it('remembers a vagal reaction recorded as an immediate reaction of an earlier session', () => {
    const sessions = [brief({ immediateReactions: [{ type: 'vagal' }] })];
    expect(sessionInput(values, course(sessions), chartOf(sessions), {}, [lot], undefined)?.history?.vagalReaction).toBe(true);
  });
});
