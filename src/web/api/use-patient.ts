import { useQuery } from '@tanstack/react-query';
import { getPatient } from './patients.ts';

/** One patient (for lists that hold only the id), shared with the chart's cache key. */
export function usePatient(id: string) {
  return useQuery({ queryKey: ['patients', id, 'record'], queryFn: () => getPatient(id), staleTime: 60_000 });
}
