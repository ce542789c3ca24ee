import { Anchor, Skeleton } from '@mantine/core';
import { Link } from 'react-router';
import { usePatient } from '../api/use-patient.ts';
import { fullName } from './patient-name.ts';

/** A patient's name linking to her chart (or a section of it), read by id. */
export function PatientLink({ id, section = '' }: { id: string; section?: string }) {
  const patient = usePatient(id);
  if (patient.isPending) return <Skeleton h={14} w={160} />;
  return (
    <Anchor component={Link} to={`/patients/${id}${section ? `/${section}` : ''}`} fw={600} size="sm">
      {patient.data ? fullName(patient.data) : id.slice(0, 8)}
    </Anchor>
  );
}
