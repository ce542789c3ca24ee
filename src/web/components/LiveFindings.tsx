import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FindingPlace, LiveResult } from '../assessment/live.ts';
import { placeOf } from '../assessment/live.ts';
import { DecisionBanner, FindingsList } from './FindingsList.tsx';

/** The findings of one place of the form (shown beside the fields they concern). */
export function FindingsAt({ result, place }: { result: LiveResult | null; place: FindingPlace | FindingPlace[] }) {
  if (!result?.ok) return null;
  const places = Array.isArray(place) ? place : [place];
  const here = result.findings.filter((f) => places.includes(placeOf(f.rule)));
  if (here.length === 0) return null;
  return <FindingsList findings={here} compact />;
}

/** The whole live assessment: the decision, then the findings that concern the patient herself. */
export function LiveSummary({ result, general }: { result: LiveResult | null; general: FindingPlace[] }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" aria-live="polite">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {t('findings.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('findings.live')}
          </Text>
        </div>
        {result === null || !result.ok ? (
          <Text size="sm" c="dimmed">
            {t('findings.incomplete')}
          </Text>
        ) : (
          <>
            <DecisionBanner decision={result.decision} />
            <FindingsAt result={result} place={general} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
