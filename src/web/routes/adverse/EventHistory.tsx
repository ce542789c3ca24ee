import { Anchor, List, Paper, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adverseEventOutcomes, followUpOutcomes, seriousnessCriteria, treatmentRoutes } from '../../../domain/adverse-events/vocabulary.ts';
import { adverseEventTypes, areas } from '../../../domain/vocabulary/index.ts';
import type { AdverseEventDetail } from '../../api/clinical.ts';
import type { Formatters } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { useStaffNames } from '../alerts/staff.ts';

type Entry = AdverseEventDetail['history'][number];
type Vocab = ReturnType<typeof useVocab>;
const KNOWN_ACTIONS = ['created', 'updated', 'status', 'treatment-added', 'adrenaline-dose-added', 'vitals-added', 'alert-raised', 'follow-up', 'became-complication'] as const;
const FIELDS = ['type', 'grade', 'onset', 'area', 'description', 'expected', 'seriousness', 'treatments', 'anaphylaxis', 'vagal'] as const;

const str = (x: unknown): string => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');

/** One value of a changed field, readable. */
function shown(field: string, value: unknown, t: TFunction, v: Vocab, fmt: Formatters): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field) {
    case 'type':
      return v(adverseEventTypes, str(value));
    case 'area':
      return v(areas, str(value));
    case 'grade':
      return t('adverse.gradeShort', { grade: str(value) });
    case 'onset':
      return fmt.dateTime(str(value));
    case 'expected':
      return value ? t('common.yes') : t('common.no');
    case 'seriousness':
      return Array.isArray(value) && value.length > 0 ? value.map((c) => v(seriousnessCriteria, str(c))).join(', ') : '—';
    case 'description':
      return str(value).length > 80 ? `${str(value).slice(0, 80)}…` : str(value);
    default:
      // Treatments and checklists: whole records; the event shows them as they are now.
      return t('eventHistory.recorded');
  }
}

/** The lines under an entry: what changed from what to what, or what was added. */
function details(h: Entry, t: TFunction, v: Vocab, fmt: Formatters): string[] {
  const c = h.changes;
  switch (h.action) {
    case 'created':
      return [`${v(adverseEventTypes, str(c.type))}, ${t('adverse.gradeShort', { grade: str(c.grade) })}`];
    case 'updated':
      return Object.entries(c).map(([field, change]) => {
        const { before, after } = (change ?? {}) as { before?: unknown; after?: unknown };
        const name = (FIELDS as readonly string[]).includes(field) ? t(`eventHistory.fields.${field as (typeof FIELDS)[number]}`) : field;
        return field === 'treatments' || field === 'anaphylaxis' || field === 'vagal' ? `${name}: ${t('eventHistory.changedRecord')}` : `${name}: ${shown(field, before, t, v, fmt)} → ${shown(field, after, t, v, fmt)}`;
      });
    case 'status':
      return [
        ...(c.outcome ? [`${t('adverse.outcomeLabel')}: ${v(adverseEventOutcomes, str(c.outcome))}`] : []),
        ...(c.resolvedAt ? [`${t('eventStatus.resolvedAt')}: ${fmt.dateTime(str(c.resolvedAt))}`] : []),
      ];
    case 'treatment-added':
      return [`${str(c.drug)} · ${str(c.dose)} · ${v(treatmentRoutes, str(c.route))} · ${fmt.dateTime(str(c.at))}`];
    case 'adrenaline-dose-added':
      return [`${t('adverse.doseMg', { mg: fmt.number(Number(c.doseMg ?? 0.5), 2) })} · ${fmt.dateTime(str(c.at))}`];
    case 'vitals-added':
      return [`${str(c.systolic) || '—'}/${str(c.diastolic) || '—'} · ${t('adverse.pulse')} ${str(c.pulse) || '—'} · ${fmt.dateTime(str(c.at))}`];
    case 'follow-up':
      return c.outcome ? [v(followUpOutcomes, str(c.outcome))] : [];
    default:
      return [];
  }
}

/** Every change of the event, oldest first: who, when, what changed from what to what, and why. */
export function EventHistory({ event }: { event: AdverseEventDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const nameOf = useStaffNames();

  return (
    <Paper p="lg">
      <Title order={2} size="h4" mb="sm">
        {t('eventHistory.title')}
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {event.history.map((h, i) => {
          const action = (KNOWN_ACTIONS as readonly string[]).includes(h.action) ? t(`eventHistory.actions.${h.action as (typeof KNOWN_ACTIONS)[number]}`) : h.action;
          const status = h.toStatus ? ` → ${t(`adverse.statuses.${h.toStatus as 'open'}`, { defaultValue: h.toStatus })}` : '';
          const lines = details(h, t, v, fmt);
          const who = nameOf(h.byUserId);
          return (
            <Timeline.Item key={`${h.at}-${i}`} title={<Text size="sm" fw={600}>{`${action}${status}`}</Text>}>
              <Text size="xs" c="dimmed" className="tabular">
                {fmt.dateTime(h.at)}
                {who ? ` · ${who}` : ''}
              </Text>
              {lines.length > 0 && (
                <List size="xs" spacing={0} mt={2}>
                  {lines.map((l) => (
                    <List.Item key={l}>{l}</List.Item>
                  ))}
                </List>
              )}
              {h.action === 'alert-raised' && (
                <Anchor component={Link} to="/alerts" size="xs">
                  {t('eventHistory.seeAlerts')}
                </Anchor>
              )}
              {h.note && (
                <Text size="xs" mt={2} fs="italic">
                  {h.note}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
