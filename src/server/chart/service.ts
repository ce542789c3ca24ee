// The chart of a patient in one answer, read in a fixed number of queries however long the record.
import type { Chart } from '../../domain/api/chart.ts';
import { appendAudit } from '../audit/audit.ts';
import { adverseEventsRepository } from '../adverse-events/repository.ts';
import { clinicalAudit, clinicalTx } from '../clinical/audit.ts';
import { clinicToday, loadClinicFacts } from '../clinical/clinic.ts';
import type { ServiceContext } from '../context.ts';
import { coursesRepository, toCourse } from '../courses/repository.ts';
import { Problem } from '../errors.ts';
import { historyRepository } from '../history/repository.ts';
import { historyOn } from '../history/service.ts';
import { patientsRepository } from '../patients/repository.ts';
import { chartPhotos } from './photos.ts';
import { chartRepository } from './repository.ts';
import { chartSessions } from './sessions.ts';

// Far above any real patient's record: the chart shows every course, without paging.
const allRows = 100_000;

/** Reads the chart: patient, history, courses with their sessions (summaries), consents, photos, open events, open follow-ups. */
export async function getChart(ctx: ServiceContext, patientId: string): Promise<Chart> {
  const clinicId = ctx.actor.clinicId;
  return clinicalTx(ctx, 'chart.read', 'patient', patientId, async (q) => {
    const patient = await patientsRepository.byId(q, patientId);
    if (!patient) throw Problem.notFound('Patient');
    const clinic = await loadClinicFacts(q, clinicId);
    const history = { ...(await historyOn(q, clinicId, patientId, clinicToday(clinic))), lastRecordedAt: await historyRepository.lastRecordedAt(q, clinicId, patientId) };
    const courseRows = await coursesRepository.list(q, clinicId, { patientId, limit: allRows, offset: 0 });
    const sessions = await chartSessions(q, clinicId, patientId);
    const courses = courseRows.map((c) => ({ ...toCourse(c, clinic.currency), sessions: sessions.filter((s) => s.courseId === c.id) }));
    const consents = await chartRepository.consents(q, clinicId, patientId);
    const photos = await chartPhotos(q, clinicId, patientId);
    const adverseEvents = await adverseEventsRepository.list(q, clinicId, { patientId, openOnly: true, limit: allRows, offset: 0 });
    const followUps = await chartRepository.openFollowUps(q, clinicId, patientId, new Date());
    await appendAudit(q, clinicalAudit(ctx.actor, 'chart.read', 'patient', patientId, { courses: courses.length, sessions: sessions.length }));
    return { patient, history, courses, consents, photos, adverseEvents, followUps };
  });
}
