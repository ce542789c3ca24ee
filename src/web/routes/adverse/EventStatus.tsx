import { Badge, Button, DataList, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adverseEventOutcomes, type AdverseEventStatus } from '../../../domain/adverse-events/vocabulary.ts';
import type { AdverseEventDetail } from '../../api/clinical.ts';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { eventStatusColor } from '../chart/AdverseEventsSection.tsx';
import { TransitionModal } from './TransitionModal.tsx';

/** The event's status and how it ended, with the moves its status allows (open → monitoring → resolved, back to open). */
export function EventStatus({ event, canWrite, onSaved }: { event: AdverseEventDetail; canWrite: boolean; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const [to, setTo] = useState<AdverseEventStatus | null>(null);
  const moves: AdverseEventStatus[] = event.status === 'open' ? ['monitoring', 'resolved'] : event.status === 'monitoring' ? ['resolved', 'open'] : ['open'];

  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('adverse.statusTitle')}
        </Title>
        <Badge color={eventStatusColor[event.status]} variant="light">
          {t(`adverse.statuses.${event.status}`)}
        </Badge>
      </Group>
      {event.status === 'resolved' && (
        <DataList labelWidth={140} mb="sm">
          <DataList.Item>
            <DataList.ItemLabel>{t('adverse.outcomeLabel')}</DataList.ItemLabel>
            <DataList.ItemValue>{event.outcome ? v(adverseEventOutcomes, event.outcome) : '—'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('eventStatus.resolvedAt')}</DataList.ItemLabel>
            <DataList.ItemValue className="tabular">{fmt.dateTime(event.resolvedAt) || '—'}</DataList.ItemValue>
          </DataList.Item>
          {event.resolutionNote && (
            <DataList.Item>
              <DataList.ItemLabel>{t('eventStatus.note')}</DataList.ItemLabel>
              <DataList.ItemValue>{event.resolutionNote}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
      )}
      {event.complicationSince && (
        <Text size="sm" c="red.9" mb="sm">
          {t('eventStatus.complicationSince', { when: fmt.dateTime(event.complicationSince) })}
        </Text>
      )}
      {canWrite && (
        <Group gap="sm">
          {moves.map((m) => (
            <Button key={m} variant={m === 'resolved' ? 'filled' : 'light'} color={m === 'resolved' ? 'clinic' : undefined} onClick={() => setTo(m)}>
              {t(`eventStatus.to.${m}`)}
            </Button>
          ))}
        </Group>
      )}
      {to && <TransitionModal event={event} to={to} onClose={() => setTo(null)} onSaved={onSaved} />}
    </Paper>
  );
}
