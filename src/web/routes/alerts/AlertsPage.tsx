import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { alerts, type AlertRecord } from '../../api/alerts.ts';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { AcknowledgeModal } from './AcknowledgeModal.tsx';
import { AlertCard } from './AlertCard.tsx';
import { useStaffNames } from './staff.ts';

type Filter = 'open' | 'all';

/** The clinic's alerts — suspected outbreaks and recalled lots — open first, each acknowledged with what was done. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: Filter = params.get('show') === 'all' ? 'all' : 'open';
  const [acknowledging, setAcknowledging] = useState<AlertRecord | null>(null);
  const nameOf = useStaffNames();
  const query = useInfiniteQuery({
    queryKey: ['alerts', filter],
    queryFn: ({ pageParam }) => alerts.list({ ...(filter === 'open' ? { status: 'open' as const } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={t('alerts.title')}
        subtitle={t('alerts.subtitle')}
        actions={
          <SegmentedControl
            aria-label={t('alerts.filterLabel')}
            value={filter}
            onChange={(f) => setParams(f === 'all' ? { show: 'all' } : {}, { replace: true })}
            data={(['open', 'all'] as const).map((f) => ({ value: f, label: t(`alerts.filters.${f}`) }))}
          />
        }
      />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {filter === 'open' ? t('alerts.emptyOpen') : t('alerts.emptyAll')}
        </Text>
      ) : (
        <Stack gap="md">
          {items.map((a) => (
            <AlertCard key={a.id} alert={a} nameOf={nameOf} onAcknowledge={() => setAcknowledging(a)} />
          ))}
          {query.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {acknowledging && <AcknowledgeModal alert={acknowledging} onClose={() => setAcknowledging(null)} />}
    </Stack>
  );
}
