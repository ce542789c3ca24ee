// The "done when", tried as a new user would: over the API, with a demo login.
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Caller } from '../../../test/app.ts';
import { demoPassword, seedDemo } from '../db/demo.ts';

const t = await setupTestApp();
let doctor: Caller;

interface Lot {
  id: string;
  productCode: string;
  onHand?: number;
}

beforeAll(async () => {
  expect(await seedDemo(t.db)).toBe(true);
  doctor = await t.login('doctor@demo.mesochart.app', demoPassword);
});

async function patientNamed(name: string): Promise<string> {
  const res = await doctor.call({ method: 'GET', url: `/api/v1/patients?q=${encodeURIComponent(name)}` });
  const [first] = res.json<{ items: { id: string }[] }>().items;
  if (!first) throw new Error(`no demo patient ${name}`);
  return first.id;
}

async function usableLot(code: string): Promise<Lot> {
  const products = (await doctor.call({ method: 'GET', url: `/api/v1/products?q=${code}` })).json<{ items: { id: string; code: string }[] }>().items;
  const product = products.find((p) => p.code === code);
  if (!product) throw new Error(`no demo product ${code}`);
  const lots = (await doctor.call({ method: 'GET', url: `/api/v1/lots?productId=${product.id}&usable=true` })).json<{ items: Lot[] }>().items;
  const [lot] = lots;
  if (!lot) throw new Error(`no usable lot of ${code}`);
  return lot;
}

describe('the demo clinic', () => {
  it("shows Pavlova's chart: an active course with two signed sessions, a resolved surgery in the history", async () => {
    const id = await patientNamed('Павлова');
    const chart = (await doctor.call({ method: 'GET', url: `/api/v1/patients/${id}/chart` })).json<{
      history: { conditions: { code: string; active: boolean }[] };
      courses: { status: string; sessions: { id: string; signedAt: string | null }[] }[];
      consents: { id: string; status: string; templateVersion: number | null }[];
      followUps: unknown[];
    }>();
    expect(chart.history.conditions).toEqual([expect.objectContaining({ code: 'recent-surgery', active: false })]);
    expect(chart.courses).toHaveLength(1);
    expect(chart.courses[0]?.status).toBe('active');
    const sessions = chart.courses[0]?.sessions ?? [];
    expect(sessions.map((s) => s.signedAt !== null)).toEqual([true, true]);
    for (const s of sessions) expect((await doctor.call({ method: 'GET', url: `/api/v1/sessions/${s.id}` })).json<{ contentHash: string | null }>().contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(chart.consents.map((c) => c.status)).toEqual(['signed']);
    expect(chart.followUps).toHaveLength(4);
  });

  it("gives Pavlova a consent produced from the clinic's template, signed with drawn strokes, that verifies", async () => {
    const id = await patientNamed('Павлова');
    const [consent] = (await doctor.call({ method: 'GET', url: `/api/v1/patients/${id}/chart` })).json<{ consents: { id: string; templateVersion: number | null }[] }>().consents;
    expect(consent?.templateVersion).toBeGreaterThan(0);
    const full = (await doctor.call({ method: 'GET', url: `/api/v1/consents/${consent?.id ?? ''}` })).json<{ text: string; language: string }>();
    expect(full.language).toBe('ru');
    // The products by their names and substances, the plan's own words: no catalog codes.
    expect(full.text).toContain('Ревита Комплекс');
    expect(full.text).toContain('SPF 50');
    expect(full.text).not.toContain('revita-complex');
    expect((await doctor.call({ method: 'GET', url: `/api/v1/consents/${consent?.id ?? ''}/verify` })).json<{ valid: boolean }>().valid).toBe(true);
    for (const party of ['patient', 'doctor']) {
      const sig = await doctor.call({ method: 'GET', url: `/api/v1/consents/${consent?.id ?? ''}/signatures/${party}` });
      expect(sig.headers['content-type']).toContain('image/svg+xml');
      expect(sig.body).toMatch(/<path d="M/);
    }
  });

  it("refuses Sokolova's session with the pregnancy finding", async () => {
    const id = await patientNamed('Соколова');
    const courses = (await doctor.call({ method: 'GET', url: `/api/v1/courses?patientId=${id}` })).json<{ items: { id: string; status: string }[] }>().items;
    expect(courses.map((c) => c.status)).toEqual(['active']);
    const lot = await usableLot('revita-complex');
    const res = await doctor.call({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { courseId: courses[0]!.id, performedAt: new Date().toISOString(), areas: [{ area: 'face', volumeMl: 2 }], lots: [{ lotId: lot.id, volumeMl: 2 }], depthMm: 2 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ findings: { rule: string }[] }>().findings.map((f) => f.rule)).toContain('pregnancy');
  });

  it("refuses Morozova's Hofitol course (gallstones) and Lebedeva's lidocaine one (allergy)", async () => {
    for (const [name, code, rule] of [
      ['Морозова', 'hofitol', 'cholelithiasis'],
      ['Lebedeva', 'lidocaine-2', 'allergy-component'],
    ] as const) {
      const patientId = await patientNamed(name);
      const lot = await usableLot(code);
      const productId = (await doctor.call({ method: 'GET', url: `/api/v1/lots/${lot.id}` })).json<{ productId: string }>().productId;
      const res = await doctor.call({
        method: 'POST',
        url: '/api/v1/courses',
        payload: {
          patientId,
          indications: ['cellulite'],
          areas: ['abdomen'],
          technique: 'manual',
          depthMm: 4,
          components: [{ productId, volumeMl: 2 }],
          plannedSessions: 8,
          intervalDays: 7,
          expectedResults: 'Smoother skin',
          postCare: 'No sauna for 3 days',
        },
      });
      expect(res.statusCode, name).toBe(422);
      expect(res.json<{ findings: { rule: string }[] }>().findings.map((f) => f.rule)).toContain(rule);
    }
  });
});
