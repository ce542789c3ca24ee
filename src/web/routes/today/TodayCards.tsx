import { Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { indications } from '../../../domain/vocabulary/index.ts';
import { courses } from '../../api/clinical.ts';
import { today } from '../../api/safety.ts';
import { IconAlert, IconCheck } from '../../components/icons.tsx';
import { LoadError } from '../../components/Page.tsx';
import { PatientLink } from '../../components/PatientLink.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';

/** Active courses whose next session falls due today or has passed: who is expected. */
export function SessionsDueCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const session = useSession();
  const query = useQuery({ queryKey: ['courses', 'active'], queryFn: () => courses.list({ status: 'active' }) });
  const due = (query.data?.items ?? []).filter((c) => c.nextDueOn !== null && c.nextDueOn <= today).sort((a, b) => (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? ''));
  return (
    <Card p="lg">
      <Title order={2} size="h4" mb="sm">
        {t('today.sessionsDue')}
      </Title>
      {query.isError && <LoadError error={query.error} />}
      {query.isSuccess && due.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('today.sessionsDueEmpty')}
        </Text>
      )}
      <Stack gap="sm">
        {due.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap" gap="sm">
            <div>
              <PatientLink id={c.patientId} />
              <Text size="xs" c="dimmed">
                {c.indications.map((i) => v(indications, i)).join(', ')} · {t('today.nextSession', { number: c.sessionsDone + 1, planned: c.plannedSessions, date: fmt.date(c.nextDueOn) })}
              </Text>
            </div>
            {session.can('sessions.record') && (
              <Button component={Link} to={`/patients/${c.patientId}/courses/${c.id}/sessions/new`} size="xs" variant="light" style={{ flexShrink: 0 }}>
                {t('today.record')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

const alertLink: Record<string, string> = {
  'kit-incomplete': '/catalog/kit',
  'kit-item-expired': '/catalog/kit',
  'kit-item-expiring': '/catalog/kit',
  'lot-expired-in-stock': '/catalog/lots',
  'lot-expiring': '/catalog/lots',
  'lot-recall': '/catalog/lots',
  'suspected-outbreak': '/follow-ups',
  'overdue-follow-ups': '/follow-ups',
};
const severityColor = { critical: 'red.9', warning: 'orange', info: 'blue' } as const;

/** The day's counts (follow-ups due and overdue, unsigned sessions, kit) and alerts, from GET /today. */
export function AlertsCard() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: ['today', i18n.language], queryFn: today });
  const data = query.data;
  const tile = (label: string, value: number | null, to: string, alarm: boolean) => {
    if (value === null) return null;
    const body = (
      <>
        <Text size="xl" fw={700} c={alarm && value > 0 ? 'red.9' : 'dark.7'} className="tabular">
          {value}
        </Text>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </>
    );
    const bg = alarm && value > 0 ? 'red.0' : undefined;
    return to ? (
      <Paper p="sm" component={Link} to={to} style={{ textDecoration: 'none' }} bg={bg}>
        {body}
      </Paper>
    ) : (
      <Paper p="sm" bg={bg}>
        {body}
      </Paper>
    );
  };
  return (
    <Card p="lg">
      <Title order={2} size="h4" mb="sm">
        {t('today.alerts')}
      </Title>
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <Stack gap="md">
          <SimpleGrid cols={3} spacing="sm">
            {tile(t('today.overdueFollowUps'), data.counts.overdueFollowUps, '/follow-ups', true)}
            {tile(t('today.dueFollowUps'), data.counts.followUpsDueToday, '/follow-ups', false)}
            {tile(t('today.unsignedSessions'), data.counts.unsignedSessions, '', true)}
          </SimpleGrid>
          {data.kitReady !== null && (
            <Group gap="xs">
              <Badge color={data.kitReady ? 'teal' : 'red.9'} variant={data.kitReady ? 'light' : 'filled'} leftSection={data.kitReady ? <IconCheck size={12} /> : <IconAlert size={12} />}>
                {data.kitReady ? t('today.kitReady') : t('today.kitNotReady')}
              </Badge>
            </Group>
          )}
          <Stack gap="xs">
            {data.alerts.map((a, i) => (
              <Group key={`${a.kind}-${i}`} gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={severityColor[a.severity]} variant={a.severity === 'critical' ? 'filled' : 'light'} size="sm" style={{ flexShrink: 0 }} mt={2}>
                  {t(`today.severity.${a.severity}`)}
                </Badge>
                {alertLink[a.kind] ? (
                  <Anchor component={Link} to={alertLink[a.kind] ?? '/'} size="sm" c="dark.7">
                    {a.message}
                  </Anchor>
                ) : (
                  <Text size="sm">{a.message}</Text>
                )}
              </Group>
            ))}
            {data.alerts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('today.alertsEmpty')}
              </Text>
            )}
          </Stack>
        </Stack>
      )}
    </Card>
  );
}
