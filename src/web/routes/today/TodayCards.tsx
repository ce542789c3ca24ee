import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { Capability } from '../../../domain/permissions.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { courses } from '../../api/clinical.ts';
import { today } from '../../api/safety.ts';
import { IconAlert, IconCheck, IconChevronRight } from '../../components/icons.tsx';
import { LoadError } from '../../components/Page.tsx';
import { useMe, useSession } from '../../session/session.ts';
import { useStaffNames } from '../alerts/staff.ts';
import { CardSkeleton } from './CardSkeleton.tsx';
import { UnsignedSessionsModal, unsignedSessionsOf } from './UnsignedSessionsModal.tsx';

export { SessionsDueCard } from './SessionsDueCard.tsx';

// Where an alert is dealt with, and who may open that screen: a role that may not (reception and
// the follow-ups) reads the line without a link that would only say "not for your role".
const alertLink: Record<string, { to: string; capability: Capability }> = {
  'kit-incomplete': { to: '/catalog/kit', capability: 'catalog.read' },
  'kit-item-expired': { to: '/catalog/kit', capability: 'catalog.read' },
  'kit-item-expiring': { to: '/catalog/kit', capability: 'catalog.read' },
  'lot-expired-in-stock': { to: '/catalog/lots', capability: 'catalog.read' },
  'lot-expiring': { to: '/catalog/lots', capability: 'catalog.read' },
  'lot-recall': { to: '/alerts', capability: 'clinical.read' },
  'suspected-outbreak': { to: '/alerts', capability: 'clinical.read' },
  'overdue-follow-ups': { to: '/follow-ups', capability: 'adverse-events.read' },
};
const severityColor = { critical: 'red.9', warning: 'orange', info: 'blue' } as const;

/** Staff names for the unsigned sessions: the practitioners the course list names, then what the caller may know. */
function usePractitionerNames(enabled: boolean): (userId: string) => string {
  const me = useMe();
  const staff = useStaffNames();
  const active = useQuery({ queryKey: ['courses', 'active'], queryFn: () => courses.list({ status: 'active' }), enabled });
  const known = new Map((active.data?.items ?? []).flatMap((c) => (c.practitioner ? [[c.practitioner.id, c.practitioner.displayName] as const] : [])));
  return (id) => (id === me.user.id ? (staff(id) ?? '') : (known.get(id) ?? staff(id) ?? '—'));
}

/** The day's counts (follow-ups due and overdue, unsigned sessions, kit) and alerts, from GET /today. */
export function AlertsCard() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const query = useQuery({ queryKey: ['today', i18n.language], queryFn: today });
  const [unsignedOpen, setUnsignedOpen] = useState(false);
  const nameOf = usePractitionerNames(session.can('clinical.read'));
  const data = query.data;
  const unsigned = unsignedSessionsOf(data?.alerts.find((a) => a.kind === 'unsigned-sessions')?.facts);
  const followUpsLink = session.can('adverse-events.read') ? '/follow-ups' : null;

  const tile = (labelKey: 'today.overdueFollowUps' | 'today.dueFollowUps' | 'today.unsignedSessions', value: number | null, target: string | (() => void) | null, alarm: boolean) => {
    if (value === null) return null;
    const label = t(labelKey, { count: value });
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
    if (typeof target === 'string')
      return (
        <Paper p="sm" component={Link} to={target} style={{ textDecoration: 'none' }} bg={bg}>
          {body}
        </Paper>
      );
    if (target && value > 0)
      return (
        <Paper p="sm" component="button" type="button" onClick={target} bg={bg} style={{ textAlign: 'left', cursor: 'pointer', font: 'inherit' }} aria-haspopup="dialog">
          {body}
        </Paper>
      );
    return (
      <Paper p="sm" bg={bg}>
        {body}
      </Paper>
    );
  };
  const line = (kind: string, message: string): ReactNode => {
    if (kind === 'unsigned-sessions' && unsigned.sessions.length > 0)
      return (
        <Anchor component="button" type="button" size="sm" c="dark.7" ta="left" onClick={() => setUnsignedOpen(true)} aria-haspopup="dialog">
          {message}
        </Anchor>
      );
    const link = alertLink[kind];
    const to = link && session.can(link.capability) ? link.to : null;
    return to ? (
      <Anchor component={Link} to={to} size="sm" c="dark.7">
        {message}
      </Anchor>
    ) : (
      <Text size="sm">{message}</Text>
    );
  };

  return (
    <Card p="lg">
      <Title order={2} size="h4" mb="sm">
        {t('today.alerts')}
      </Title>
      {query.isPending && <CardSkeleton />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <Stack gap="md">
          <SimpleGrid cols={3} spacing="sm">
            {tile('today.overdueFollowUps', data.counts.overdueFollowUps, followUpsLink, true)}
            {tile('today.dueFollowUps', data.counts.followUpsDueToday, followUpsLink, false)}
            {tile('today.unsignedSessions', data.counts.unsignedSessions, unsigned.sessions.length > 0 ? () => setUnsignedOpen(true) : null, true)}
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
                {line(a.kind, a.message)}
              </Group>
            ))}
            {data.alerts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('today.alertsEmpty')}
              </Text>
            )}
          </Stack>
          {data.counts.openAlerts !== null && session.can('clinical.read') && (
            <Anchor component={Link} to="/alerts" size="sm" fw={600} display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
              {data.counts.openAlerts > 0 ? t('dayPlan.seeAllAlerts', { count: data.counts.openAlerts }) : t('dayPlan.seeAlerts')}
              <IconChevronRight size={14} />
            </Anchor>
          )}
        </Stack>
      )}
      {unsignedOpen && <UnsignedSessionsModal count={unsigned.count} sessions={unsigned.sessions} nameOf={nameOf} onClose={() => setUnsignedOpen(false)} />}
    </Card>
  );
}
