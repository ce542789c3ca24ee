import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newAllergyBody, newConditionBody, weightBody } from '../../../domain/api/history.ts';
import { AREA_CODES, areas, CONDITION_CODES, conditions, SUBSTANCE_CLASS_CODES, substanceClasses } from '../../../domain/vocabulary/index.ts';
import { history } from '../../api/clinical.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { DateField } from '../../components/DateField.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';

const blank = (s: string) => (s.trim() === '' ? undefined : s);

/** After a change of the history: the chart reads it again, the user hears it was saved. */
function useSaved(patientId: string, onClose: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['patients', patientId] });
    notify(t('history.saved'));
    onClose();
  };
}

function Actions({ onClose, busy }: { onClose: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="sm">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

/** Records a condition; onset and area are asked when the condition needs them. */
export function ConditionModal({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const v = useVocab();
  const lang = useLang();
  const saved = useSaved(patientId, onClose);
  const [alert, setAlert] = useState<string | null>(null);
  type V = { code: string | null; onset: string | null; area: string | null; note: string };
  const toBody = (x: V) => ({ code: x.code ?? '', onset: x.onset ?? undefined, area: x.area ?? undefined, note: blank(x.note) });
  const form = useForm<V>({ initialValues: { code: null, onset: null, area: null, note: '' }, validate: zodValidate(newConditionBody, toBody) });
  const draft = useFormDraft(form, `condition-${patientId}`);
  const code = form.getValues().code;
  const entry = code && conditions.has(code) ? conditions.entries[code] : undefined;
  return (
    <Modal opened onClose={onClose} title={t('history.addCondition')} size="lg" centered>
      <form
        onSubmit={form.onSubmit(async (x) => {
          try {
            await history.addCondition(patientId, newConditionBody.parse(toBody(x)));
            draft.clear();
            await saved();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Select label={t('history.condition')} required searchable data-autofocus data={CONDITION_CODES.map((c) => ({ value: c, label: v(conditions, c) }))} {...form.getInputProps('code')} />
          {entry?.needsOnset && <DateField label={entry.onsetMeaning?.[lang] ?? t('history.onset')} required upToToday {...form.getInputProps('onset')} />}
          {entry?.needsArea && <Select label={t('history.area')} required data={AREA_CODES.map((a) => ({ value: a, label: v(areas, a) }))} {...form.getInputProps('area')} />}
          {entry && !entry.needsOnset && <DateField label={<OptionalLabel>{t('history.onset')}</OptionalLabel>} upToToday clearable {...form.getInputProps('onset')} />}
          <Textarea label={<OptionalLabel>{t('history.note')}</OptionalLabel>} autosize minRows={2} {...form.getInputProps('note')} />
          <Actions onClose={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Records an allergy to a catalog substance (or any substance code) or to a class of substances. */
export function AllergyModal({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const v = useVocab();
  const lang = useLang();
  const substances = useSubstances();
  const saved = useSaved(patientId, onClose);
  const [alert, setAlert] = useState<string | null>(null);
  type V = { kind: string; substance: string | null; class: string | null; reaction: string; note: string };
  const toBody = (x: V) =>
    x.kind === 'class' ? { class: x.class ?? '', reaction: blank(x.reaction), note: blank(x.note) } : { substance: x.substance ?? '', reaction: blank(x.reaction), note: blank(x.note) };
  const form = useForm<V>({ initialValues: { kind: 'substance', substance: null, class: null, reaction: '', note: '' }, validate: zodValidate(newAllergyBody, toBody) });
  const draft = useFormDraft(form, `allergy-${patientId}`);
  const options = (substances.data?.items ?? []).map((s) => ({ value: s.code, label: `${localName(s, lang)} (${v(substanceClasses, s.class)})` }));
  return (
    <Modal opened onClose={onClose} title={t('history.addAllergy')} size="lg" centered>
      <form
        onSubmit={form.onSubmit(async (x) => {
          try {
            await history.addAllergy(patientId, newAllergyBody.parse(toBody(x)));
            draft.clear();
            await saved();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="allergy-kind">
              {t('history.allergyKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="allergy-kind"
              data={[
                { value: 'substance', label: t('history.kindSubstance') },
                { value: 'class', label: t('history.kindClass') },
              ]}
              {...form.getInputProps('kind')}
            />
          </Stack>
          {form.getValues().kind === 'substance' ? (
            <Select label={t('history.substance')} description={t('history.substanceHint')} required searchable data={options} nothingFoundMessage="—" {...form.getInputProps('substance')} />
          ) : (
            <Select label={t('history.class')} required searchable data={SUBSTANCE_CLASS_CODES.map((c) => ({ value: c, label: v(substanceClasses, c) }))} {...form.getInputProps('class')} />
          )}
          <Textarea label={<OptionalLabel>{t('history.reaction')}</OptionalLabel>} placeholder={t('history.reactionPlaceholder')} autosize minRows={2} {...form.getInputProps('reaction')} />
          <Actions onClose={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Records the weight (the anaesthetic dose limit is per kilogram). */
export function WeightModal({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const saved = useSaved(patientId, onClose);
  const [alert, setAlert] = useState<string | null>(null);
  type V = { weightKg: number | string; measuredOn: string | null };
  const toBody = (x: V) => ({ weightKg: typeof x.weightKg === 'number' ? x.weightKg : Number.NaN, measuredOn: x.measuredOn ?? undefined });
  const form = useForm<V>({ initialValues: { weightKg: '', measuredOn: null }, validate: zodValidate(weightBody, toBody) });
  return (
    <Modal opened onClose={onClose} title={t('history.recordWeight')} centered>
      <form
        onSubmit={form.onSubmit(async (x) => {
          try {
            const body = weightBody.parse(toBody(x));
            await history.weight(patientId, body.weightKg, body.measuredOn);
            await saved();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <NumberInput label={t('history.weightKg')} required min={1} max={400} decimalScale={1} data-autofocus {...form.getInputProps('weightKg')} />
          <DateField label={<OptionalLabel>{t('history.measuredOn')}</OptionalLabel>} upToToday clearable {...form.getInputProps('measuredOn')} />
          <Actions onClose={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Removes an entry recorded by mistake, with the reason (its versions stay). */
export function EnteredInErrorModal({ patientId, entry, entryId, label, onClose }: { patientId: string; entry: 'condition' | 'allergy'; entryId: string; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const saved = useSaved(patientId, onClose);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (r: string) => (r.trim() ? null : t('validation.required')) } });
  return (
    <Modal opened onClose={onClose} title={t('history.enteredInErrorTitle')} centered>
      <form
        onSubmit={form.onSubmit(async (x) => {
          try {
            await history.enteredInError(patientId, entry, entryId, x.reason.trim());
            await saved();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Text size="sm" c="dimmed">
            {t('history.enteredInErrorText')}
          </Text>
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Textarea label={t('history.reason')} required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Actions onClose={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Every version of every history entry, newest first. */
export function VersionsModal({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const query = useQuery({ queryKey: ['patients', patientId, 'history-versions'], queryFn: () => history.versions(patientId) });
  return (
    <Modal opened onClose={onClose} title={t('history.versions')} size="lg" centered>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {[...query.data.items].reverse().map((x) => (
            <Timeline.Item key={x.id} title={`${t(`history.changes.${x.change}`)}: ${x.kind === 'condition' ? v(conditions, x.code ?? '') : x.class ? v(substanceClasses, x.class) : (x.substance ?? '')}`}>
              <Text size="xs" c="dimmed" className="tabular">
                {fmt.dateTime(x.recordedAt)}
                {x.reason ? ` · ${x.reason}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Modal>
  );
}
