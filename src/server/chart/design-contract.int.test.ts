// DESIGN §6: the core of the API is stable. The clinical record's paths and fields, as written there.
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/app.ts';

const t = await setupTestApp();

interface Operation {
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
}

describe('the stable core of the API (DESIGN §6)', () => {
  it.each([
    ['get', '/api/v1/patients/{id}/chart', []],
    ['post', '/api/v1/patients/{id}/conditions', ['code', 'onset', 'area', 'note']],
    ['post', '/api/v1/patients/{id}/allergies', ['substance', 'class', 'reaction']],
    ['post', '/api/v1/courses', ['patientId', 'indications', 'areas', 'technique', 'depthMm', 'components', 'plannedSessions', 'intervalDays', 'expectedResults', 'postCare']],
    ['post', '/api/v1/sessions', ['courseId', 'performedAt', 'areas', 'lots', 'depthMm', 'overrideReason']],
    ['post', '/api/v1/adverse-events', ['sessionId', 'type', 'grade', 'onset', 'description']],
  ] as const)('%s %s takes %j', async (method, path, fields) => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    const op = doc.paths[path]?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    const schema = op?.requestBody?.content['application/json']?.schema;
    for (const field of fields) expect(Object.keys(schema?.properties ?? {}), field).toContain(field);
  });
});
