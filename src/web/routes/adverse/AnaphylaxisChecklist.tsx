import { Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADRENALINE_ADULT_DOSE_MG, ADRENALINE_SITES, adrenalineDoseBody, anaphylaxisChecklistBody } from '../../../domain/api/adverse-event-checklists.ts';
import { EMERGENCY_OUTCOMES, emergencyOutcomes, PATIENT_POSITIONS, patientPositions } from '../../../domain/adverse-events/vocabulary.ts';
import type { AdverseEventDetail } from '../../api/clinical.ts';
import { adverseEventChanges } from '../../api/records.ts';
import { notify } from '../../components/notify.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { fromLocalInput, nowLocal, toLocalInput } from './times.ts';
import { TimeField } from './TimeField.tsx';

interface Values {
  emergencyCalled: boolean;
  emergencyCalledAt: string;
  position: string | null;
  oxygen: boolean;
  ivAccess: boolean;
  outcome: string | null;
  notes: string;
}

interface DoseValues {
  at: string;
  doseMg: number | string;
  site: string | null;
}

type Checklist = NonNullable<AdverseEventDetail['anaphylaxis']>;

/** The checklist as PATCH sends it: the doses as recorded, the rest as typed. */
function toChecklist(v: Values, c: Checklist | null) {
  const calledAt = fromLocalInput(v.emergencyCalledAt);
  return {
    adrenalineDoses: (c?.adrenalineDoses ?? []).map((d) => ({ at: d.at, doseMg: d.doseMg, site: d.site })),
    emergencyCalled: v.emergencyCalled,
    ...(calledAt ? { emergencyCalledAt: calledAt } : {}),
    ...(v.position ? { position: v.position } : {}),
    oxygen: v.oxygen,
    ivAccess: v.ivAccess,
    ...(v.outcome ? { outcome: v.outcome } : {}),
    ...(v.notes.trim() ? { notes: v.notes } : {}),
  };
}

const doseBody = (d: DoseValues) => ({ at: fromLocalInput(d.at) ?? '', doseMg: d.doseMg === '' ? undefined : Number(d.doseMg), site: d.site ?? undefined });
// The server names checklist fields under `anaphylaxis.`; the form holds them at its top.
const unprefixed = (p: string) => p.replace(/^anaphylaxis\.?/, '');

/**
 * The anaphylaxis (or angioedema) record: every adrenaline dose with its time, dose and site, the
 * emergency call and when, the position, oxygen, intravenous access, where it ended, notes.
 */
export function AnaphylaxisChecklist({ event, canWrite, onSaved }: { event: AdverseEventDetail; canWrite: boolean; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const c = event.anaphylaxis;
  const [alert, setAlert] = useState<string | null>(null);
  const [doseAlert, setDoseAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      emergencyCalled: c?.emergencyCalled ?? false,
      emergencyCalledAt: toLocalInput(c?.emergencyCalledAt),
      position: c?.position ?? null,
      oxygen: c?.oxygen ?? false,
      ivAccess: c?.ivAccess ?? false,
      outcome: c?.outcome ?? null,
      notes: c?.notes ?? '',
    },
    validate: zodValidate(anaphylaxisChecklistBody, (x: Values) => toChecklist(x, c)),
  });
  const dose = useForm<DoseValues>({
    initialValues: { at: nowLocal(), doseMg: ADRENALINE_ADULT_DOSE_MG, site: 'anterolateral-thigh' },
    validate: zodValidate(adrenalineDoseBody, doseBody),
  });

  const save = async (x: Values) => {
    setAlert(null);
    try {
      await adverseEventChanges.patch(event.id, { anaphylaxis: anaphylaxisChecklistBody.parse(toChecklist(x, c)) });
      await onSaved();
      form.resetDirty();
      notify(t('checklist.saved'));
    } catch (err) {
      setAlert(applyServerErrors(form, err, unprefixed));
    }
  };
  const addDose = async (d: DoseValues) => {
    setDoseAlert(null);
    try {
      await adverseEventChanges.adrenalineDose(event.id, adrenalineDoseBody.parse(doseBody(d)));
      await onSaved();
      dose.setValues({ at: nowLocal() });
      notify(t('checklist.doseAdded'));
    } catch (err) {
      setDoseAlert(applyServerErrors(dose, err));
    }
  };
  const siteLabel = (s: string) => t(`checklist.sites.${s as (typeof ADRENALINE_SITES)[number]}`, { defaultValue: s });

  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('checklist.doses')}
        </Title>
        {(c?.adrenalineDoses.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">
            {t('checklist.noDoses')}
          </Text>
        ) : (
          <Table className="tabular" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('checklist.time')}</Table.Th>
                <Table.Th>{t('adverse.dose')}</Table.Th>
                <Table.Th>{t('checklist.site')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c?.adrenalineDoses.map((d, i) => (
                <Table.Tr key={`${d.at}-${i}`}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{fmt.dateTime(d.at)}</Table.Td>
                  <Table.Td>{t('adverse.doseMg', { mg: fmt.number(d.doseMg, 2) })}</Table.Td>
                  <Table.Td>{siteLabel(d.site)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td />
                <Table.Td fw={600}>{t('checklist.total')}</Table.Td>
                <Table.Td fw={600}>{t('adverse.doseMg', { mg: fmt.number(c?.totalAdrenalineMg ?? 0, 2) })}</Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {canWrite && (
          <form onSubmit={dose.onSubmit((d) => addDose(d))} noValidate aria-label={t('checklist.addDose')}>
            {doseAlert && (
              <Text size="sm" c="red.9" role="alert" mt="xs">
                {doseAlert}
              </Text>
            )}
            <Group gap="sm" align="flex-start" mt="sm" wrap="wrap">
              <TimeField label={t('checklist.doseAt')} onNow={(x) => dose.setFieldValue('at', x)} style={{ flex: '2 1 340px' }} {...dose.getInputProps('at')} />
              <NumberInput label={t('checklist.doseMgLabel')} min={0.01} max={1} step={0.05} decimalScale={2} style={{ flex: '1 1 100px' }} {...dose.getInputProps('doseMg')} />
              <Select
                label={t('checklist.site')}
                allowDeselect={false}
                data={ADRENALINE_SITES.map((s) => ({ value: s, label: siteLabel(s) }))}
                style={{ flex: '1 1 180px' }}
                {...dose.getInputProps('site')}
              />
              <Button type="submit" variant="light" color="red" mt={25} loading={dose.submitting}>
                {t('checklist.addDose')}
              </Button>
            </Group>
          </form>
        )}
      </div>

      <form onSubmit={form.onSubmit((x) => save(x))} noValidate aria-label={t('checklist.anaphylaxisTitle')}>
        <Stack gap="sm">
          {alert && (
            <Alert color="red" role="alert">
              {alert}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
            <Checkbox label={t('checklist.emergencyCalled')} disabled={!canWrite} mt={{ sm: 32 }} {...form.getInputProps('emergencyCalled', { type: 'checkbox' })} />
            <TimeField label={t('checklist.emergencyCalledAt')} disabled={!canWrite} onNow={(x) => form.setFieldValue('emergencyCalledAt', x)} {...form.getInputProps('emergencyCalledAt')} />
            <Select
              label={t('checklist.position')}
              clearable
              disabled={!canWrite}
              data={PATIENT_POSITIONS.map((p) => ({ value: p, label: v(patientPositions, p) }))}
              {...form.getInputProps('position')}
            />
            <Select
              label={t('checklist.outcome')}
              clearable
              disabled={!canWrite}
              data={EMERGENCY_OUTCOMES.map((o) => ({ value: o, label: v(emergencyOutcomes, o) }))}
              {...form.getInputProps('outcome')}
            />
            <Checkbox label={t('checklist.oxygen')} disabled={!canWrite} {...form.getInputProps('oxygen', { type: 'checkbox' })} />
            <Checkbox label={t('checklist.ivAccess')} disabled={!canWrite} {...form.getInputProps('ivAccess', { type: 'checkbox' })} />
          </SimpleGrid>
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
