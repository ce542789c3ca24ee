import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adverseEventTypes, severityGrades } from '../../../domain/vocabulary/index.ts';
import { adverseEvents } from '../../api/clinical.ts';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { PatientLink } from '../../components/PatientLink.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { eventStatusColor } from '../chart/AdverseEventsSection.tsx';

type Status = 'open' | 'monitoring' | 'resolved';

/** The clinic's adverse events by status, most severe and oldest first. */
export function EventsTable() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const [status, setStatus] = useState<Status>('open');
  const query = useQuery({ queryKey: ['adverse-events', status], queryFn: () => adverseEvents.list({ status }) });
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.grade - a.grade || a.onset.localeCompare(b.onset));
  return (
    <Stack gap="md">
      <Group justify="flex-end">
          <SegmentedControl
            aria-label={t('adverse.title')}
            value={status}
            onChange={(s) => setStatus(s)}
            data={(['open', 'monitoring', 'resolved'] as const).map((s) => ({ value: s, label: t(`adverse.statuses.${s}`) }))}
          />
      </Group>
      <div>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('chart.empty.adverseEvents')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table className="tabular" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('patients.columns.name')}</Table.Th>
                  <Table.Th>{t('adverse.type')}</Table.Th>
                  <Table.Th>{t('adverse.grade')}</Table.Th>
                  <Table.Th>{t('adverse.onset')}</Table.Th>
                  <Table.Th>{t('audit.columns.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <PatientLink id={e.patientId} section="adverse-events" />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${e.patientId}/adverse-events/${e.id}`} size="sm" fw={500}>
                        {v(adverseEventTypes, e.type)}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {e.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={e.grade >= 3 ? 'red' : 'gray'}>
                        {t('adverse.gradeLabel', { grade: e.grade, label: v(severityGrades, e.grade) })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{fmt.dateTime(e.onset)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Badge variant="light" color={eventStatusColor[e.status]}>
                          {t(`adverse.statuses.${e.status}`)}
                        </Badge>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </div>
    </Stack>
  );
}
