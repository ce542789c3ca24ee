// Patients: search, register, read.
import type { z } from 'zod';
import type { createdPatientSchema, NewPatient, patientSchema, possibleDuplicate } from '../../domain/api/patients.ts';
import { api, type Wire } from './client.ts';

export type PatientRecord = Wire<z.infer<typeof patientSchema>>;
export type CreatedPatient = Wire<z.infer<typeof createdPatientSchema>>;
export type PossibleDuplicate = z.infer<typeof possibleDuplicate>;
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const searchPatients = (q: string, signal?: AbortSignal, cursor?: string, includeArchived = false) =>
  api.get<Page<PatientRecord>>('/patients', { q: q.trim() || undefined, limit: 30, cursor, includeArchived: includeArchived || undefined }, signal);
export const getPatient = (id: string) => api.get<PatientRecord>(`/patients/${id}`);
export const registerPatient = (body: NewPatient) => api.post<CreatedPatient>('/patients', body);
export const updatePatient = (id: string, body: Partial<NewPatient> & { archived?: boolean }) => api.patch<PatientRecord>(`/patients/${id}`, body);
