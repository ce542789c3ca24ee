// Who may do what with adverse events, follow-ups, alerts, lots' recipients and recalls, reports,
// the kit and the day list — written out, so that a change of the permission table that would
// let reception read a side effect or a nurse recall a lot fails here.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { setupTestApp } from '../../../test/app.ts';
import type { Role } from '../../domain/permissions.ts';

const t = await setupTestApp();

const clinicalRoles: Role[] = ['owner', 'doctor', 'nurse'];
const carers: Role[] = ['doctor', 'nurse'];
const everyone: Role[] = ['owner', 'doctor', 'nurse', 'reception'];

const id = uuidv7();
const matrix: [string, string, Role[]][] = [
  ['GET', '/api/v1/adverse-events', clinicalRoles],
  ['GET', '/api/v1/adverse-events/vocabulary', clinicalRoles],
  ['GET', `/api/v1/adverse-events/${id}`, clinicalRoles],
  ['GET', `/api/v1/adverse-events/${id}/report`, clinicalRoles],
  ['GET', `/api/v1/adverse-events/${id}/report.pdf`, clinicalRoles],
  ['POST', '/api/v1/adverse-events', carers],
  ['PATCH', `/api/v1/adverse-events/${id}`, carers],
  ['POST', `/api/v1/adverse-events/${id}/transitions`, carers],
  ['POST', `/api/v1/adverse-events/${id}/treatments`, carers],
  ['POST', `/api/v1/adverse-events/${id}/adrenaline-doses`, carers],
  ['POST', `/api/v1/adverse-events/${id}/vitals`, carers],
  ['GET', '/api/v1/follow-ups', clinicalRoles],
  ['GET', `/api/v1/follow-ups/${id}`, clinicalRoles],
  ['PATCH', `/api/v1/follow-ups/${id}`, carers],
  ['POST', `/api/v1/follow-ups/${id}/complete`, carers],
  ['GET', '/api/v1/alerts', clinicalRoles],
  ['GET', `/api/v1/alerts/${id}`, clinicalRoles],
  ['POST', `/api/v1/alerts/${id}/acknowledge`, clinicalRoles],
  ['GET', `/api/v1/lots/${id}/recipients`, clinicalRoles],
  ['GET', `/api/v1/lots/${id}/recall-contacts.csv`, clinicalRoles],
  ['POST', `/api/v1/lots/${id}/recall`, ['owner', 'doctor']],
  ['GET', '/api/v1/reports/adverse-events', ['owner', 'doctor']],
  ['GET', '/api/v1/reports/adverse-events.csv', ['owner', 'doctor']],
  ['GET', '/api/v1/emergency-kit', everyone],
  ['GET', '/api/v1/emergency-kit/items', everyone],
  ['GET', '/api/v1/emergency-kit/checks', everyone],
  ['POST', '/api/v1/emergency-kit/items', clinicalRoles],
  ['PATCH', `/api/v1/emergency-kit/items/${id}`, clinicalRoles],
  ['DELETE', `/api/v1/emergency-kit/items/${id}`, clinicalRoles],
  ['POST', '/api/v1/emergency-kit/checks', clinicalRoles],
  ['GET', '/api/v1/today', everyone],
  ['GET', '/api/v1/clinic/safety-settings', everyone],
  ['PUT', '/api/v1/clinic/safety-settings', ['owner']],
];

describe('roles', () => {
  it('covers every route of this capability', () => {
    const mine = /^\/api\/v1\/(adverse-events|follow-ups|alerts|reports\/adverse-events|emergency-kit|today|clinic\/safety-settings|lots\/:id\/(recipients|recall))/;
    const routes = t.app.routeList.filter((r) => mine.test(r.url)).map((r) => `${r.method} ${r.url.replace(/:id/g, id)}`);
    expect(routes.sort()).toEqual(matrix.map(([m, u]) => `${m} ${u}`).sort());
  });

  it.each(matrix)('%s %s is for %j', async (method, url, allowed) => {
    const c = await t.clinic();
    for (const role of everyone) {
      const res = await c[role].call({ method: method as 'GET', url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
      const forbidden = res.statusCode === 403 && res.json<{ type: string }>().type.endsWith('/forbidden');
      expect(forbidden, `${role}: ${res.statusCode} ${res.body.slice(0, 200)}`).toBe(!allowed.includes(role));
      expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
  });
});
