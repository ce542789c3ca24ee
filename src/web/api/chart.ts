// The patient's chart: GET /patients/{id}/chart gives everything the chart screen shows at once.
// A role without clinical access (reception) gets the patient alone.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { chartConsentSchema, chartPhotoSchema, chartSchema } from '../../domain/api/chart.ts';
import { useSession } from '../session/session.ts';
import { api, type Wire } from './client.ts';
import { getPatient, type PatientRecord } from './patients.ts';

export type Chart = Wire<z.infer<typeof chartSchema>>;
export type ChartCourse = Chart['courses'][number];
export type ChartSession = ChartCourse['sessions'][number];
export type ChartConsent = Wire<z.infer<typeof chartConsentSchema>>;
export type ChartPhoto = Wire<z.infer<typeof chartPhotoSchema>>;
export type ChartFollowUp = Chart['followUps'][number];
export type ChartAdverseEvent = Chart['adverseEvents'][number];

/** What the chart screen renders: the whole chart, or (without clinical access) the patient alone. */
export type ChartView = { patient: PatientRecord } & Partial<Omit<Chart, 'patient'>>;

/** The chart of one patient. */
export function useChart(id: string) {
  const session = useSession();
  const clinical = session.can('clinical.read');
  return useQuery<ChartView>({
    queryKey: ['patients', id, 'chart'],
    queryFn: async () => (clinical ? api.get<Chart>(`/patients/${id}/chart`) : { patient: await getPatient(id) }),
  });
}
