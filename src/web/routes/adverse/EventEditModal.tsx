import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adverseEventPatchBody } from '../../../domain/api/adverse-events.ts';
import { SERIOUSNESS_CRITERIA, seriousnessCriteria } from '../../../domain/adverse-events/vocabulary.ts';
import { ADVERSE_EVENT_TYPE_CODES, adverseEventTypes, areas, SEVERITY_GRADES, severityGrades } from '../../../domain/vocabulary/index.ts';
import type { AdverseEventDetail } from '../../api/clinical.ts';
import { adverseEventChanges } from '../../api/records.ts';
import { DateField } from '../../components/DateField.tsx';
import { notify } from '../../components/notify.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { sameInstant, toLocalInput } from './times.ts';
import { ClockField } from '../../components/ClockField.tsx';
import { clinicInstant } from '../../i18n/format.ts';

interface Values {
  type: string | null;
  grade: string | null;
  date: string | null;
  time: string;
  area: string | null;
  description: string;
  expected: boolean;
  seriousness: string[];
  note: string;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The PATCH body: only what differs from the event as it stands, and why. */
function toBody(v: Values, e: AdverseEventDetail): Record<string, unknown> {
  const onset = v.date ? clinicInstant(v.date, v.time) : '';
  const body: Record<string, unknown> = {};
  if (v.type !== e.type) body.type = v.type ?? '';
  if (Number(v.grade) !== e.grade) body.grade = v.grade === null ? undefined : Number(v.grade);
  if (!sameInstant(onset, e.onset)) body.onset = onset;
  if ((v.area ?? null) !== e.area) body.area = v.area ?? null;
  if (v.description.trim() !== e.description) body.description = v.description;
  if (v.expected !== (e.expected ?? false)) body.expected = v.expected;
  if (!sameSet(v.seriousness, e.seriousness)) body.seriousness = v.seriousness;
  if (v.note.trim()) body.note = v.note;
  return body;
}

// Server and schema paths onto the inputs: the onset is typed as a date and a time; a criterion of
// the seriousness list is the list's.
const toField = (p: string) => (p === 'onset' ? 'date' : p.startsWith('seriousness') ? 'seriousness' : p);

/** Changes what the API lets change of a reported event — type, grade, onset, area, description, seriousness — with a note for the history. */
export function EventEditModal({ event, onClose, onSaved }: { event: AdverseEventDetail; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const v = useVocab();
  const lang = useLang();
  const [alert, setAlert] = useState<string | null>(null);
  const local = toLocalInput(event.onset);
  const check = zodValidate(adverseEventPatchBody, (x: Values) => toBody(x, event), toField);
  const form = useForm<Values>({
    initialValues: {
      type: event.type,
      grade: String(event.grade),
      date: local.slice(0, 10),
      time: local.slice(11, 16),
      area: event.area,
      description: event.description,
      expected: event.expected ?? false,
      seriousness: event.seriousness,
      note: '',
    },
    validate: (x) => {
      // "must change at least one field" has no input of its own: the save button says so instead.
      const { '': _none, ...errors } = check(x);
      return errors;
    },
  });
  const values = form.getValues();
  const changed = Object.keys(toBody(values, event)).some((k) => k !== 'note');
  const grade = Number(values.grade) as (typeof SEVERITY_GRADES)[number];
  const sessionAreas = [...new Set([...event.session.areas, ...(event.area ? [event.area] : [])])];

  const submit = async (x: Values) => {
    setAlert(null);
    try {
      await adverseEventChanges.patch(event.id, adverseEventPatchBody.parse(toBody(x, event)));
      await onSaved();
      notify(t('eventEdit.saved'));
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, toField));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('eventEdit.title')} size="xl" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={form.onSubmit((x) => submit(x))} noValidate>
        <Stack gap="md">
          {alert && (
            <Alert color="red" role="alert">
              {alert}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select label={t('adverse.type')} required searchable allowDeselect={false} data={ADVERSE_EVENT_TYPE_CODES.map((c) => ({ value: c, label: v(adverseEventTypes, c) }))} {...form.getInputProps('type')} />
            <Select
              label={t('adverse.grade')}
              required
              allowDeselect={false}
              data={SEVERITY_GRADES.map((g) => ({ value: String(g), label: `${g} — ${v(severityGrades, g)}` }))}
              description={severityGrades.has(grade) ? severityGrades.entries[grade].meaning[lang] : undefined}
              // The meaning under the choice, so the two selects of the row stay level.
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.getInputProps('grade')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <DateField label={t('adverse.onsetDate')} required upToToday {...form.getInputProps('date')} />
            <ClockField label={t('adverse.onsetTime')} {...form.getInputProps('time')} />
            <Select label={t('adverse.area')} clearable data={sessionAreas.map((a) => ({ value: a, label: v(areas, a) }))} {...form.getInputProps('area')} />
          </SimpleGrid>
          <Textarea label={t('adverse.description')} required autosize minRows={3} {...form.getInputProps('description')} />
          <Checkbox label={t('adverse.expected')} {...form.getInputProps('expected', { type: 'checkbox' })} />
          <Checkbox.Group label={t('eventEdit.seriousness')} description={t('eventEdit.seriousnessHint')} {...form.getInputProps('seriousness')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {SERIOUSNESS_CRITERIA.map((c) => (
                <Checkbox key={c} value={c} label={v(seriousnessCriteria, c)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea label={t('eventEdit.note')} description={t('eventEdit.noteHint')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed">
              {changed ? '' : t('eventEdit.nothingChanged')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} disabled={!changed}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
