import { Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areas, conditions, substanceClasses } from '../../../domain/vocabulary/index.ts';
import type { ChartView } from '../../api/chart.ts';
import type { AllergyEntry, ConditionEntry } from '../../api/clinical.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { IconPlus } from '../../components/icons.tsx';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { AllergyModal, ConditionModal, EnteredInErrorModal, VersionsModal, WeightModal } from './history-modals.tsx';
import { QuestionnaireModal } from './QuestionnaireModal.tsx';
import { historyUntaken } from './safety-facts.ts';

type Open = { kind: 'condition' } | { kind: 'allergy' } | { kind: 'weight' } | { kind: 'versions' } | { kind: 'questionnaire' } | { kind: 'error'; entry: 'condition' | 'allergy'; id: string; label: string } | null;

/** Conditions and allergies (active, then past), the weight, and the changes of each entry. */
export function HistorySection({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const lang = useLang();
  const session = useSession();
  const substances = useSubstances();
  const [open, setOpen] = useState<Open>(null);
  const canWrite = session.can('clinical.write') && !chart.patient.archived;
  const history = chart.history;
  if (!history) return null;
  const untaken = historyUntaken(chart);
  const substanceName = (code: string) => {
    const s = substances.data?.items.find((x) => x.code === code);
    return s ? localName(s, lang) : code;
  };
  const conditionText = (c: ConditionEntry) => v(conditions, c.code);
  const allergyText = (a: AllergyEntry) => (a.class ? v(substanceClasses, a.class) : substanceName(a.substance ?? '?'));

  const entry = (kind: 'condition' | 'allergy', id: string, title: string, details: string[], active: boolean, fromQuestionnaire: boolean) => (
    <Group key={id} justify="space-between" wrap="nowrap" align="flex-start" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <div>
        <Group gap={6}>
          <Text fw={600} size="sm" c={active ? undefined : 'dimmed'}>
            {title}
          </Text>
          {fromQuestionnaire && (
            <Badge size="xs" variant="light" color="gray">
              {t('history.fromQuestionnaire')}
            </Badge>
          )}
          {!active && (
            <Badge size="xs" variant="light" color="gray">
              {t('history.resolved')}
            </Badge>
          )}
        </Group>
        {details.length > 0 && (
          <Text size="xs" c="dimmed">
            {details.join(' · ')}
          </Text>
        )}
      </div>
      {canWrite && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <UnstyledButton aria-label={`${t('common.actions')}: ${title}`} px={8} py={2} style={{ borderRadius: 6 }}>
              <Text size="lg" lh={1} c="dimmed" aria-hidden="true">
                ⋯
              </Text>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item color="red" onClick={() => setOpen({ kind: 'error', entry: kind, id, label: title })}>
              {t('history.enteredInError')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );

  const sortActive = <T extends { active: boolean }>(xs: T[]) => [...xs].sort((a, b) => Number(b.active) - Number(a.active));

  return (
    <Stack gap="lg">
      {(canWrite || untaken) && (
        <Group justify={untaken ? 'space-between' : 'flex-end'} wrap="wrap" gap="sm">
          {untaken && (
            <Text size="sm" c="var(--mantine-color-orange-light-color)" fw={500}>
              {t('history.untaken')}
            </Text>
          )}
          {canWrite && (
            <Button variant={untaken ? 'filled' : 'light'} onClick={() => setOpen({ kind: 'questionnaire' })}>
              {t('questionnaire.open')}
            </Button>
          )}
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper p="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {t('history.conditions')}
            </Title>
            {canWrite && (
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setOpen({ kind: 'condition' })}>
                {t('history.addCondition')}
              </Button>
            )}
          </Group>
          {history.conditions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('history.noConditions')}
            </Text>
          ) : (
            sortActive(history.conditions).map((c) =>
              entry(
                'condition',
                c.id,
                conditionText(c),
                [c.onset ? t('history.since', { date: fmt.date(c.onset) }) : '', c.endDate ? t('history.until', { date: fmt.date(c.endDate) }) : '', c.area ? t('history.at', { area: v(areas, c.area) }) : '', c.note ?? ''].filter(Boolean),
                c.active,
                c.source === 'questionnaire',
              ),
            )
          )}
        </Paper>
        <Paper p="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {t('history.allergies')}
            </Title>
            {canWrite && (
              <Button size="xs" variant="light" color="red" leftSection={<IconPlus size={14} />} onClick={() => setOpen({ kind: 'allergy' })}>
                {t('history.addAllergy')}
              </Button>
            )}
          </Group>
          {history.allergies.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('history.noAllergies')}
            </Text>
          ) : (
            sortActive(history.allergies).map((a) => entry('allergy', a.id, allergyText(a), [a.reaction ?? '', a.note ?? ''].filter(Boolean), a.active, a.source === 'questionnaire'))
          )}
        </Paper>
      </SimpleGrid>
      <Group justify="space-between">
        <Group gap="sm">
          <Text size="sm" fw={600}>
            {t('history.weight')}:
          </Text>
          <Text size="sm" className="tabular">
            {history.weight ? `${t('chart.weight', { kg: fmt.number(history.weight.weightKg, 1) })} · ${fmt.date(history.weight.measuredOn)}` : t('history.noWeight')}
          </Text>
          {canWrite && (
            <Button size="compact-sm" variant="subtle" onClick={() => setOpen({ kind: 'weight' })}>
              {t('history.recordWeight')}
            </Button>
          )}
        </Group>
        <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setOpen({ kind: 'versions' })}>
          {t('history.showVersions')}
        </Button>
      </Group>
      {open?.kind === 'condition' && <ConditionModal patientId={chart.patient.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'allergy' && <AllergyModal patientId={chart.patient.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'weight' && <WeightModal patientId={chart.patient.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'questionnaire' && <QuestionnaireModal chart={chart} onClose={() => setOpen(null)} />}
      {open?.kind === 'versions' && <VersionsModal patientId={chart.patient.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'error' && <EnteredInErrorModal patientId={chart.patient.id} entry={open.entry} entryId={open.id} label={open.label} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
