import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartView } from '../../api/chart.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { IconAlert, IconShield } from '../../components/icons.tsx';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { QuestionnaireModal } from './QuestionnaireModal.tsx';
import { historyUntaken, safetyFacts } from './safety-facts.ts';
import classes from './SafetyStrip.module.css';

const chipColor = { allergy: 'red', condition: 'orange', event: 'grape' } as const;

/**
 * The facts that change what may be injected — allergies, pregnancy, anticoagulants, open adverse
 * events, the weight the anaesthetic dose needs — kept in view above every section of the chart.
 * A history never taken is said as such, not shown as a calm "nothing recorded".
 */
export function SafetyStrip({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = useFormat();
  const session = useSession();
  const substances = useSubstances();
  const [asking, setAsking] = useState(false);
  const byCode = new Map((substances.data?.items ?? []).map((s) => [s.code, localName(s, lang)]));
  const facts = chart.history ? safetyFacts(chart, t, lang, (code) => byCode.get(code) ?? code) : undefined;
  const alarming = facts !== undefined && facts.length > 0;
  const untaken = facts?.length === 0 && historyUntaken(chart);
  const weight = chart.history?.weight;
  const canAsk = untaken && session.can('clinical.write') && !chart.patient.archived;
  return (
    <Paper p="sm" px="md" className={alarming ? classes.alarm : untaken ? classes.untaken : facts === undefined ? classes.unknown : classes.calm} role="region" aria-label={t('chart.safetyTitle')}>
      <Group gap="sm" wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            {alarming || untaken ? (
              <IconAlert size={18} color={alarming ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-orange-9)'} />
            ) : (
              <IconShield size={18} color={facts === undefined ? 'var(--mantine-color-gray-7)' : 'var(--mantine-color-teal-8)'} />
            )}
            <Text fw={700} size="sm" c={alarming ? 'red.9' : untaken ? 'var(--mantine-color-orange-light-color)' : facts === undefined ? 'dark.6' : 'teal.9'}>
              {t('chart.safetyTitle')}
            </Text>
          </Group>
          {facts === undefined && (
            <Text size="sm" c="dimmed">
              {t('chart.safetyUnknown')}
            </Text>
          )}
          {untaken && (
            <Text size="sm" c="dark.8">
              {t('chart.safetyUntaken')}
            </Text>
          )}
          {canAsk && (
            <Button size="compact-sm" variant="light" color="orange" onClick={() => setAsking(true)}>
              {t('questionnaire.open')}
            </Button>
          )}
          {facts?.length === 0 && !untaken && (
            <Text size="sm" c="teal.9">
              {t('chart.safetyNone')}
            </Text>
          )}
          {facts?.length === 0 && chart.history?.lastRecordedAt && (
            <Text size="sm" c="dimmed" className="tabular">
              {t('chart.historyOf', { date: fmt.dateTime(chart.history.lastRecordedAt) })}
            </Text>
          )}
          {facts?.map((f) => (
            <Badge
              key={f.key}
              color={f.kind === 'allergy' ? 'red.9' : chipColor[f.kind]}
              variant={f.kind === 'allergy' ? 'filled' : 'dot'}
              size="lg"
              radius="sm"
              tt="none"
              fw={600}
              {...(f.kind === 'allergy' ? {} : { bg: 'white', c: 'dark.8' })}
            >
              {f.label}
            </Badge>
          ))}
        </Group>
        {chart.history && (
          <Text size="sm" c="dimmed" className="tabular">
            {t('history.weight')}: {weight ? `${t('chart.weight', { kg: fmt.number(weight.weightKg, 1) })} · ${fmt.date(weight.measuredOn)}` : t('history.noWeight')}
          </Text>
        )}
      </Group>
      {asking && <QuestionnaireModal chart={chart} onClose={() => setAsking(false)} />}
    </Paper>
  );
}
