import { Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATROPINE_ROUTES, vagalChecklistBody, vitalsReadingBody } from '../../../domain/api/adverse-event-checklists.ts';
import { treatmentRoutes } from '../../../domain/adverse-events/vocabulary.ts';
import type { AdverseEventDetail } from '../../api/clinical.ts';
import { adverseEventChanges } from '../../api/records.ts';
import { notify } from '../../components/notify.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { fromLocalInput, nowLocal, toLocalInput } from './times.ts';
import { TimeField } from './TimeField.tsx';

interface Values {
  laidFlat: boolean;
  legsRaised: boolean;
  positionedAt: string;
  atropine: { given: boolean; doseMg: number | string; route: string | null; at: string };
  recoveredAt: string;
  notes: string;
}

interface ReadingValues {
  at: string;
  systolic: number | string;
  diastolic: number | string;
  pulse: number | string;
}

type Checklist = NonNullable<AdverseEventDetail['vagal']>;
const num = (x: number | string) => (x === '' ? undefined : Number(x));

/** The checklist as PATCH sends it: the readings as recorded, the rest as typed. */
function toChecklist(v: Values, c: Checklist | null) {
  const positionedAt = fromLocalInput(v.positionedAt);
  const recoveredAt = fromLocalInput(v.recoveredAt);
  const atropineAt = fromLocalInput(v.atropine.at);
  const atropineDose = num(v.atropine.doseMg);
  return {
    laidFlat: v.laidFlat,
    legsRaised: v.legsRaised,
    ...(positionedAt ? { positionedAt } : {}),
    atropine: v.atropine.given
      ? { given: true, ...(atropineDose !== undefined ? { doseMg: atropineDose } : {}), ...(v.atropine.route ? { route: v.atropine.route } : {}), ...(atropineAt ? { at: atropineAt } : {}) }
      : { given: false },
    readings: c?.readings ?? [],
    ...(recoveredAt ? { recoveredAt } : {}),
    ...(v.notes.trim() ? { notes: v.notes } : {}),
  };
}

const readingBody = (r: ReadingValues) => ({
  at: fromLocalInput(r.at) ?? '',
  ...(r.systolic !== '' ? { systolic: Number(r.systolic) } : {}),
  ...(r.diastolic !== '' ? { diastolic: Number(r.diastolic) } : {}),
  ...(r.pulse !== '' ? { pulse: Number(r.pulse) } : {}),
});
const unprefixed = (p: string) => p.replace(/^vagal\.?/, '');

/** The vasovagal record: laid flat with legs raised and when, atropine (dose, route, time), pressure and pulse readings, recovery. */
export function VagalChecklist({ event, canWrite, onSaved }: { event: AdverseEventDetail; canWrite: boolean; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const c = event.vagal;
  const [alert, setAlert] = useState<string | null>(null);
  const [readingAlert, setReadingAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      laidFlat: c?.laidFlat ?? false,
      legsRaised: c?.legsRaised ?? false,
      positionedAt: toLocalInput(c?.positionedAt),
      atropine: { given: c?.atropine?.given ?? false, doseMg: c?.atropine?.doseMg ?? '', route: c?.atropine?.route ?? null, at: toLocalInput(c?.atropine?.at) },
      recoveredAt: toLocalInput(c?.recoveredAt),
      notes: c?.notes ?? '',
    },
    validate: zodValidate(vagalChecklistBody, (x: Values) => toChecklist(x, c)),
  });
  const reading = useForm<ReadingValues>({
    initialValues: { at: nowLocal(), systolic: '', diastolic: '', pulse: '' },
    validate: zodValidate(vitalsReadingBody, readingBody),
  });
  const values = form.getValues();

  const save = async (x: Values) => {
    setAlert(null);
    try {
      await adverseEventChanges.patch(event.id, { vagal: vagalChecklistBody.parse(toChecklist(x, c)) });
      await onSaved();
      notify(t('checklist.saved'));
    } catch (err) {
      setAlert(applyServerErrors(form, err, unprefixed));
    }
  };
  const addReading = async (r: ReadingValues) => {
    setReadingAlert(null);
    try {
      await adverseEventChanges.vitals(event.id, vitalsReadingBody.parse(readingBody(r)));
      await onSaved();
      reading.setValues({ at: nowLocal(), systolic: '', diastolic: '', pulse: '' });
      notify(t('checklist.readingAdded'));
    } catch (err) {
      setReadingAlert(applyServerErrors(reading, err));
    }
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('checklist.readings')}
        </Title>
        {(c?.readings.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">
            {t('checklist.noReadings')}
          </Text>
        ) : (
          <Table className="tabular" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('checklist.time')}</Table.Th>
                <Table.Th>{t('checklist.pressure')}</Table.Th>
                <Table.Th>{t('adverse.pulse')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c?.readings.map((r, i) => (
                <Table.Tr key={`${r.at}-${i}`}>
                  <Table.Td>{fmt.dateTime(r.at)}</Table.Td>
                  <Table.Td>
                    {r.systolic ?? '—'}/{r.diastolic ?? '—'}
                  </Table.Td>
                  <Table.Td>{r.pulse ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canWrite && (
          <form onSubmit={reading.onSubmit((r) => addReading(r))} noValidate aria-label={t('adverse.recordVitals')}>
            {readingAlert && (
              <Text size="sm" c="red.9" role="alert" mt="xs">
                {readingAlert}
              </Text>
            )}
            <Group gap="sm" align="flex-start" mt="sm" wrap="wrap">
              <TimeField label={t('checklist.time')} onNow={(x) => reading.setFieldValue('at', x)} style={{ flex: '2 1 340px' }} {...reading.getInputProps('at')} />
              <NumberInput label={t('adverse.systolic')} style={{ flex: '0 1 135px' }} min={40} max={300} allowDecimal={false} {...reading.getInputProps('systolic')} />
              <NumberInput label={t('adverse.diastolic')} style={{ flex: '0 1 135px' }} min={20} max={200} allowDecimal={false} {...reading.getInputProps('diastolic')} />
              <NumberInput label={t('adverse.pulse')} style={{ flex: '0 1 100px' }} min={20} max={250} allowDecimal={false} {...reading.getInputProps('pulse')} />
              <Button type="submit" variant="light" mt={25} loading={reading.submitting}>
                {t('adverse.recordVitals')}
              </Button>
            </Group>
          </form>
        )}
      </div>

      <form onSubmit={form.onSubmit((x) => save(x))} noValidate aria-label={t('checklist.vagalTitle')}>
        <Stack gap="sm">
          {alert && (
            <Alert color="red" role="alert">
              {alert}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
            <Group gap="lg" mt={{ sm: 32 }} align="flex-start">
              <Checkbox label={t('checklist.laidFlat')} disabled={!canWrite} {...form.getInputProps('laidFlat', { type: 'checkbox' })} />
              <Checkbox label={t('checklist.legsRaised')} disabled={!canWrite} {...form.getInputProps('legsRaised', { type: 'checkbox' })} />
            </Group>
            <TimeField label={t('checklist.positionedAt')} disabled={!canWrite} onNow={(x) => form.setFieldValue('positionedAt', x)} {...form.getInputProps('positionedAt')} />
            <TimeField label={t('checklist.recoveredAt')} disabled={!canWrite} onNow={(x) => form.setFieldValue('recoveredAt', x)} {...form.getInputProps('recoveredAt')} />
          </SimpleGrid>
          <Checkbox label={t('checklist.atropineGiven')} disabled={!canWrite} {...form.getInputProps('atropine.given', { type: 'checkbox' })} />
          {values.atropine.given && (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              <NumberInput label={t('checklist.atropineDose')} required disabled={!canWrite} min={0.1} max={3} step={0.1} decimalScale={2} {...form.getInputProps('atropine.doseMg')} />
              <Select
                label={t('adverse.route')}
                clearable
                disabled={!canWrite}
                data={ATROPINE_ROUTES.map((r) => ({ value: r, label: v(treatmentRoutes, r) }))}
                {...form.getInputProps('atropine.route')}
              />
              <TimeField label={t('checklist.atropineAt')} required disabled={!canWrite} onNow={(x) => form.setFieldValue('atropine.at', x)} {...form.getInputProps('atropine.at')} />
            </SimpleGrid>
          )}
          <Textarea label={t('checklist.notes')} disabled={!canWrite} autosize minRows={2} {...form.getInputProps('notes')} />
          {canWrite && (
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t('checklist.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
