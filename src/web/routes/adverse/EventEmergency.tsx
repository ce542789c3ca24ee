import { Alert, Button, Group, List, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adverseEvents, type AdverseEventDetail } from '../../api/clinical.ts';
import { IconAlert } from '../../components/icons.tsx';
import { problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';

/** A translated list (returnObjects) as its lines. */
const lines = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The emergency checklist of an anaphylaxis, angioedema or vasovagal event, worked through as it
 * happens: each adrenaline dose recorded with its time (and when a repeat is due), blood pressure
 * and pulse readings.
 */
export function EventEmergency({ event, onChange }: { event: AdverseEventDetail; onChange: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [vitals, setVitals] = useState<{ systolic: number | string; diastolic: number | string; pulse: number | string }>({ systolic: '', diastolic: '', pulse: '' });
  const kind = event.type === 'anaphylaxis' || event.type === 'angioedema' ? event.type : event.type === 'vagal' ? 'vagal' : null;
  if (!kind) return null;
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await onChange();
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const num = (v: number | string) => (typeof v === 'number' ? v : undefined);
  const doses = event.anaphylaxis?.adrenalineDoses ?? [];
  return (
    <Alert color="red.9" variant="light" icon={<IconAlert size={22} />} title={t(`emergency.${kind}.title`)}>
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
          <Stack gap="xs">
            <Group gap="sm">
              <Button color="red.9" loading={busy} onClick={() => void run(() => adverseEvents.adrenaline(event.id, new Date().toISOString()))}>
                {t('adverse.adrenalineNow')}
              </Button>
              {event.anaphylaxis?.nextDoseFrom && (
                <Text size="sm" fw={600}>
                  {t('adverse.nextDose', { time: fmt.dateTime(event.anaphylaxis.nextDoseFrom) })}
                </Text>
              )}
            </Group>
            {doses.length > 0 && (
              <Table className="tabular" fz="sm" withRowBorders={false}>
                <Table.Tbody>
                  {doses.map((d, i) => (
                    <Table.Tr key={d.at}>
                      <Table.Td>{i + 1}.</Table.Td>
                      <Table.Td>{fmt.dateTime(d.at)}</Table.Td>
                      <Table.Td>{t('adverse.doseMg', { mg: fmt.number(d.doseMg, 2) })}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td fw={600}>{t('reports.total')}</Table.Td>
                    <Table.Td fw={600}>{t('adverse.doseMg', { mg: fmt.number(event.anaphylaxis?.totalAdrenalineMg ?? 0, 2) })}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
        {kind === 'vagal' && (
          <Group gap="sm" align="flex-end">
            <NumberInput label={t('adverse.systolic')} w={110} size="xs" value={vitals.systolic} onChange={(v) => setVitals({ ...vitals, systolic: v })} />
            <NumberInput label={t('adverse.diastolic')} w={110} size="xs" value={vitals.diastolic} onChange={(v) => setVitals({ ...vitals, diastolic: v })} />
            <NumberInput label={t('adverse.pulse')} w={110} size="xs" value={vitals.pulse} onChange={(v) => setVitals({ ...vitals, pulse: v })} />
            <Button
              size="xs"
              loading={busy}
              onClick={() =>
                void run(() =>
                  adverseEvents.vitals(event.id, {
                    at: new Date().toISOString(),
                    ...(num(vitals.systolic) ? { systolic: num(vitals.systolic) } : {}),
                    ...(num(vitals.diastolic) ? { diastolic: num(vitals.diastolic) } : {}),
                    ...(num(vitals.pulse) ? { pulse: num(vitals.pulse) } : {}),
                  }),
                )
              }
            >
              {t('adverse.recordVitals')}
            </Button>
          </Group>
        )}
        {kind === 'vagal' &&
          (event.vagal?.readings ?? []).map((r) => (
            <Text key={r.at} size="sm" className="tabular">
              {fmt.dateTime(r.at)} · {r.systolic ?? '—'}/{r.diastolic ?? '—'} · {r.pulse ?? '—'}
            </Text>
          ))}
      </Stack>
    </Alert>
  );
}
