import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { searchPatients } from './patients.ts';

/** Pages of the patient search for `q` (the API's ranked search), fetched as the list scrolls on. */
export function usePatientSearch(q: string, enabled = true, includeArchived = false) {
  return useInfiniteQuery({
    queryKey: ['patients', 'search', q.trim(), includeArchived],
    queryFn: ({ pageParam, signal }) => searchPatients(q, signal, pageParam, includeArchived),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export type PatientSearch = ReturnType<typeof usePatientSearch>;
