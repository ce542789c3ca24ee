import { Button, Card, Group, SimpleGrid, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAuditEvents, type AuditFilters } from '../../api/audit.ts';
import { listUsers } from '../../api/users.ts';
import { DateField } from '../../components/DateField.tsx';
import { IconFilter } from '../../components/icons.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { AuditTable } from './AuditTable.tsx';
import { AUDIT_RECORD_TYPES } from './record-types.ts';
import { addDays } from '../../../domain/clinical/calendar.ts';
import { clinicInstant } from '../../i18n/format.ts';

const outcomes = ['success', 'denied', 'failure', 'not-found'] as const;

interface Values {
  from: string | null;
  to: string | null;
  userId: string | null;
  action: string;
  recordType: string | null;
  recordId: string;
  outcome: string | null;
}
const empty: Values = { from: null, to: null, userId: null, action: '', recordType: null, recordId: '', outcome: null };

// A calendar day as the instant it starts in the clinic (the API filters by instants).
const startOf = (day: string, plusDays = 0) => clinicInstant(addDays(day, plusDays), '00:00');

function toFilters(v: Values): AuditFilters {
  return {
    from: v.from ? startOf(v.from) : undefined,
    to: v.to ? startOf(v.to, 1) : undefined,
    userId: v.userId ?? undefined,
    action: v.action.trim() || undefined,
    recordType: v.recordType ?? undefined,
    recordId: v.recordId.trim() || undefined,
    outcome: v.outcome ?? undefined,
  };
}

/** The clinic's audit log with filters (owners). */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const form = useForm<Values>({ initialValues: empty });
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => listAuditEvents({ ...filters, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader title={t('audit.title')} subtitle={t('audit.intro')} />
      <Card p="lg">
        <form onSubmit={form.onSubmit((v) => setFilters(toFilters(v)))} aria-labelledby="audit-filters">
          <Group gap={6} mb="sm">
            <IconFilter size={18} />
            <Title order={2} size="h5" id="audit-filters">
              {t('audit.filters')}
            </Title>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <DateField label={t('audit.from')} clearable {...form.getInputProps('from')} />
            <DateField label={t('audit.to')} clearable {...form.getInputProps('to')} />
            <Select
              label={t('audit.user')}
              placeholder={t('audit.anyone')}
              clearable
              searchable
              data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              {...form.getInputProps('userId')}
            />
            <Select label={t('audit.outcome')} placeholder={t('audit.any')} clearable data={outcomes.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))} {...form.getInputProps('outcome')} />
            <TextInput label={t('audit.action')} placeholder={t('audit.actionPlaceholder')} {...form.getInputProps('action')} />
            <Select
              label={t('audit.recordType')}
              placeholder={t('audit.anyType')}
              clearable
              searchable
              data={AUDIT_RECORD_TYPES.map((r) => ({ value: r, label: t(`audit.recordTypes.${r}`) }))}
              {...form.getInputProps('recordType')}
            />
            <TextInput label={t('audit.recordId')} {...form.getInputProps('recordId')} />
            <Group gap="sm" align="flex-end">
              <Button type="submit">{t('common.apply')}</Button>
              <Button
                variant="default"
                onClick={() => {
                  form.setValues(empty);
                  setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Group>
          </SimpleGrid>
        </form>
      </Card>
      <Card p={0}>
        {events.isPending ? (
          <PageLoader />
        ) : events.isError ? (
          <LoadError error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <AuditTable events={events.data.pages.flatMap((p) => p.items)} users={users.data?.items ?? []} />
        )}
      </Card>
      {events.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
