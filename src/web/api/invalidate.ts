// What a change to a patient's clinical record makes stale. Her chart is not the only screen that
// shows it: the day's plan and counts, the follow-ups (a session or an adverse event plans them),
// the clinic's adverse events and its alerts list it too. Without these, the chart reached back by a
// link showed a new adverse event but not the follow-up it planned, until a reload.
import type { QueryClient } from '@tanstack/react-query';

const clinicWide = [['courses'], ['follow-ups'], ['today'], ['adverse-events'], ['alerts']] as const;

/** Marks the patient's record and the clinic-wide lists that show it as stale (those on view are read again). */
export async function afterRecordChange(queryClient: QueryClient, patientId: string): Promise<void> {
  await Promise.all([['patients', patientId], ...clinicWide].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
