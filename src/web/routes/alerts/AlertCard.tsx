import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adverseEventTypes, severityGrades } from '../../../domain/vocabulary/index.ts';
import type { AlertRecord } from '../../api/alerts.ts';
import { PatientLink } from '../../components/PatientLink.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { LotRecipientsButton } from './LotRecipientsButton.tsx';
import { useProductName } from '../../api/use-catalog.ts';

// Light badges take the base colour: the theme darkens its light text to read at AA.
export const severityColor = { critical: 'red', warning: 'orange', info: 'blue' } as const;

/** One stored alert: what it is about, when it was raised, who acknowledged it and what they did. */
export function AlertCard({ alert, nameOf, onAcknowledge }: { alert: AlertRecord; nameOf: (id: string | null) => string | null; onAcknowledge: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const lang = useLang();
  const session = useSession();
  const open = alert.status === 'open';
  const ae = alert.adverseEvent;
  const productName = useProductName();
  const lotLabel = (l: AlertRecord['lots'][number]) => `${productName(l.productCode)} #${l.lotNumber}`;
  const headingId = `alert-${alert.id}`;

  return (
    <Paper p="lg" withBorder component="article" aria-labelledby={headingId} style={open ? { borderLeft: `4px solid var(--mantine-color-${alert.severity === 'critical' ? 'red-9' : 'orange-7'})` } : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="xs" align="center">
            <Badge color={alert.severity === 'critical' && open ? 'red.9' : severityColor[alert.severity]} variant={alert.severity === 'critical' && open ? 'filled' : 'light'}>
              {t(`today.severity.${alert.severity}`)}
            </Badge>
            <Text id={headingId} fw={700} size="md" component="h2" m={0}>
              {alert.title[lang]}
            </Text>
          </Group>
          <Badge color={open ? 'red.9' : 'teal.9'} variant="outline" style={{ flexShrink: 0 }}>
            {t(`alerts.statuses.${alert.status}`)}
          </Badge>
        </Group>

        {ae && (
          <Stack gap={4}>
            <Group gap="xs">
              {alert.patientId && <PatientLink id={alert.patientId} />}
              <Text size="sm">
                {t('alerts.eventLine', { type: v(adverseEventTypes, ae.type), grade: ae.grade, label: v(severityGrades, ae.grade), count: ae.daysAfterSession })}
              </Text>
            </Group>
            {alert.patientId && session.can('adverse-events.read') && (
              <Anchor component={Link} to={`/patients/${alert.patientId}/adverse-events/${ae.id}`} size="sm">
                {t('alerts.openEvent')}
              </Anchor>
            )}
          </Stack>
        )}

        {alert.kind === 'lot-recall' &&
          alert.lots.map((l) => (
            <Text key={l.id} size="sm">
              {t('alerts.recallLine', { lot: lotLabel(l), reason: l.recallReason ?? '—' })}
            </Text>
          ))}

        <Stack gap={2}>
          <Text size="sm" fw={alert.otherPatients > 0 ? 600 : 400} c={alert.otherPatients > 0 && open ? 'red.9' : undefined}>
            {alert.kind === 'lot-recall' ? t('alerts.toContact', { count: alert.otherPatients }) : t('alerts.otherPatients', { count: alert.otherPatients })}
          </Text>
          {alert.kind !== 'lot-recall' && alert.lots.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('alerts.lots', { lots: alert.lots.map(lotLabel).join(', ') })}
            </Text>
          )}
        </Stack>

        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" className="tabular">
              {t('alerts.raised', { when: fmt.dateTime(alert.createdAt) })}
            </Text>
            {alert.acknowledgedAt && (
              <Text size="xs" className="tabular">
                {t('alerts.acknowledgedBy', { when: fmt.dateTime(alert.acknowledgedAt), who: nameOf(alert.acknowledgedBy) ?? '—' })}
                {alert.acknowledgement ? `: ${alert.acknowledgement}` : ''}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            {session.can('lots.trace') && session.can('catalog.read') && alert.lots.map((l) => <LotRecipientsButton key={l.id} lotId={l.id} label={lotLabel(l)} />)}
            {open && session.can('alerts.acknowledge') && (
              <Button size="xs" onClick={onAcknowledge} aria-label={`${t('alerts.acknowledge')}: ${alert.title[lang]}`}>
                {t('alerts.acknowledge')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
