import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpKinds } from '../../../domain/adverse-events/vocabulary.ts';
import { followUps, type FollowUp } from '../../api/safety.ts';
import { LoadError } from '../../components/Page.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { CompleteFollowUpModal } from '../followups/CompleteFollowUpModal.tsx';

/** The patient's open follow-ups, soonest first, overdue ones marked, each completed in place. */
export function FollowUpList({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const lang = useLang();
  const session = useSession();
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  const query = useQuery({ queryKey: ['follow-ups', 'open', patientId], queryFn: () => followUps.list({ patientId }) });
  if (query.isError) return <LoadError error={query.error} />;
  const items = query.data?.items ?? [];
  if (query.isSuccess && items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('chart.noFollowUps')}
      </Text>
    );
  return (
    <Stack gap="sm" role="list" aria-label={t('chart.followUps')}>
      {items.map((f) => (
        <Group key={f.id} justify="space-between" wrap="nowrap" gap="sm" align="flex-start" role="listitem">
          <div style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {v(followUpKinds, f.kind)}
            </Text>
            <Text size="xs" c="dimmed" className="tabular">
              {t('chart.due', { date: fmt.dateTime(f.dueAt) })} · {f.purpose[lang]}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {f.overdue && (
              <Badge color="red.9" variant="filled" size="sm">
                {t('chart.overdue')}
              </Badge>
            )}
            {session.can('clinical.write') && (
              <Button size="compact-xs" variant="light" onClick={() => setCompleting(f)}>
                {t('followUps.complete')}
              </Button>
            )}
          </Group>
        </Group>
      ))}
      {completing && <CompleteFollowUpModal followUp={completing} onClose={() => setCompleting(null)} />}
    </Stack>
  );
}
