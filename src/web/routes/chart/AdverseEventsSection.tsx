import { Anchor, Badge, Button, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adverseEventTypes, areas, severityGrades } from '../../../domain/vocabulary/index.ts';
import type { ChartView } from '../../api/chart.ts';
import { adverseEvents } from '../../api/clinical.ts';
import { IconPlus } from '../../components/icons.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';

export const eventStatusColor = { open: 'red', monitoring: 'orange', resolved: 'teal' } as const;

/** The patient's adverse events (open first), and the way to report one. */
export function AdverseEventsSection({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const session = useSession();
  const all = useQuery({ queryKey: ['patients', chart.patient.id, 'adverse-events'], queryFn: () => adverseEvents.list({ patientId: chart.patient.id }) });
  const hasSessions = (chart.courses ?? []).some((c) => c.sessions.length > 0);
  return (
    <Stack gap="md">
      {session.can('adverse-events.write') && (
        <Group justify="flex-end">
          <Button component={Link} to={`/patients/${chart.patient.id}/adverse-events/new`} color="red.9" leftSection={<IconPlus size={16} />} disabled={!hasSessions}>
            {t('adverse.report')}
          </Button>
        </Group>
      )}
      {all.isPending ? (
        <PageLoader />
      ) : all.isError ? (
        <LoadError error={all.error} onRetry={() => void all.refetch()} />
      ) : all.data.items.length === 0 ? (
        <Center py={40}>
          <Text c="dimmed">{hasSessions ? t('chart.empty.adverseEvents') : t('adverse.noSessions')}</Text>
        </Center>
      ) : (
        [...all.data.items]
          .sort((a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved') || b.onset.localeCompare(a.onset))
          .map((e) => (
            <Paper key={e.id} p="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/patients/${chart.patient.id}/adverse-events/${e.id}`} fw={600}>
                      {v(adverseEventTypes, e.type)}
                    </Anchor>
                    <Badge size="sm" variant="light" color={e.grade >= 3 ? 'red' : 'gray'}>
                      {t('adverse.gradeLabel', { grade: e.grade, label: v(severityGrades, e.grade) })}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed" className="tabular">
                    {fmt.dateTime(e.onset)}
                    {e.area ? ` · ${v(areas, e.area)}` : ''}
                  </Text>
                  <Text size="sm" mt={4}>
                    {e.description}
                  </Text>
                </div>
                <Badge color={eventStatusColor[e.status]} variant="light">
                  {t(`adverse.statuses.${e.status}`)}
                </Badge>
              </Group>
            </Paper>
          ))
      )}
    </Stack>
  );
}
