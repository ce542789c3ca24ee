import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adverseEvents, type AdverseEventDetail } from '../../api/clinical.ts';
import { IconAlert } from '../../components/icons.tsx';
import { problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';

/** A translated list (returnObjects) as its lines. */
const lines = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The emergency steps of an anaphylaxis, angioedema or vasovagal event while it is not resolved,
 * with the one action that cannot wait: an adrenaline dose recorded now (and when a repeat is due).
 * The whole record — doses, call, position, readings, atropine — is the checklist below.
 */
export function EventEmergency({ event, canWrite, onChange }: { event: AdverseEventDetail; canWrite: boolean; onChange: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = event.type === 'anaphylaxis' || event.type === 'angioedema' ? event.type : event.type === 'vagal' ? 'vagal' : null;
  if (!kind) return null;
  const giveNow = async () => {
    setBusy(true);
    setError(null);
    try {
      await adverseEvents.adrenaline(event.id, new Date().toISOString());
      await onChange();
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="red" variant="light" icon={<IconAlert size={22} />} title={t(`emergency.${kind}.title`)}>
      <Stack gap="sm">
        <List type="ordered" spacing={4} size="sm">
          {lines(i18n.t(`emergency.${kind}.steps`, { returnObjects: true })).map((step) => (
            <List.Item key={step}>{step}</List.Item>
          ))}
        </List>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        {kind !== 'vagal' && (
          <Group gap="sm">
            {canWrite && (
              <Button color="red.9" loading={busy} onClick={() => void giveNow()}>
                {t('adverse.adrenalineNow')}
              </Button>
            )}
            {event.anaphylaxis?.nextDoseFrom && (
              <Text size="sm" fw={600}>
                {t('adverse.nextDose', { time: fmt.dateTime(event.anaphylaxis.nextDoseFrom) })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
