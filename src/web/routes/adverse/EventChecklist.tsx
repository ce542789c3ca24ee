import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checklistOf } from '../../../domain/api/adverse-event-vocabulary.ts';
import type { AdverseEventDetail } from '../../api/clinical.ts';
import { AnaphylaxisChecklist } from './AnaphylaxisChecklist.tsx';
import { VagalChecklist } from './VagalChecklist.tsx';

/** The emergency record of an anaphylaxis, angioedema or vasovagal event, filled in as it happens or afterwards; nothing for other types. */
export function EventChecklist({ event, canWrite, onSaved }: { event: AdverseEventDetail; canWrite: boolean; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const kind = checklistOf(event.type);
  if (!kind) return null;
  return (
    <Paper p="lg">
      <Title order={2} size="h4">
        {kind === 'anaphylaxis' ? t('checklist.anaphylaxisTitle') : t('checklist.vagalTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        {t('checklist.hint')}
      </Text>
      {kind === 'anaphylaxis' ? (
        <AnaphylaxisChecklist event={event} canWrite={canWrite} onSaved={onSaved} />
      ) : (
        <VagalChecklist event={event} canWrite={canWrite} onSaved={onSaved} />
      )}
    </Paper>
  );
}
