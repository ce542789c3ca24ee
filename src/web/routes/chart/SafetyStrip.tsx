import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChartView } from '../../api/chart.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { IconAlert, IconShield } from '../../components/icons.tsx';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang } from '../../i18n/vocab.ts';
import { safetyFacts } from './safety-facts.ts';
import classes from './SafetyStrip.module.css';

const chipColor = { allergy: 'red', condition: 'orange', event: 'grape' } as const;

/**
 * The facts that change what may be injected — allergies, pregnancy, anticoagulants, open adverse
 * events, the weight the anaesthetic dose needs — kept in view above every section of the chart.
 */
export function SafetyStrip({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = useFormat();
  const substances = useSubstances();
  const byCode = new Map((substances.data?.items ?? []).map((s) => [s.code, localName(s, lang)]));
  const facts = chart.history ? safetyFacts(chart, t, lang, (code) => byCode.get(code) ?? code) : undefined;
  const alarming = facts !== undefined && facts.length > 0;
  const weight = chart.history?.weight;
  return (
    <Paper p="sm" px="md" className={alarming ? classes.alarm : facts === undefined ? classes.unknown : classes.calm} role="region" aria-label={t('chart.safetyTitle')}>
      <Group gap="sm" wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            {alarming ? <IconAlert size={18} color="var(--mantine-color-red-8)" /> : <IconShield size={18} color={facts === undefined ? 'var(--mantine-color-gray-7)' : 'var(--mantine-color-teal-8)'} />}
            <Text fw={700} size="sm" c={alarming ? 'red.9' : facts === undefined ? 'dark.6' : 'teal.9'}>
              {t('chart.safetyTitle')}
            </Text>
          </Group>
          {facts === undefined && (
            <Text size="sm" c="dimmed">
              {t('chart.safetyUnknown')}
            </Text>
          )}
          {facts?.length === 0 && (
            <Text size="sm" c="teal.9">
              {t('chart.safetyNone')}
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
    </Paper>
  );
}
