import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionBody } from '../../../domain/api/adverse-events.ts';
import { ADVERSE_EVENT_OUTCOMES, adverseEventOutcomes, type AdverseEventStatus } from '../../../domain/adverse-events/vocabulary.ts';
import type { AdverseEventDetail } from '../../api/clinical.ts';
import { adverseEventChanges } from '../../api/records.ts';
import { notify } from '../../components/notify.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { fromLocalInput, nowLocal } from './times.ts';
import { TimeField } from './TimeField.tsx';

interface Values {
  outcome: string | null;
  at: string;
  note: string;
}

function toBody(to: AdverseEventStatus, v: Values) {
  const at = to === 'resolved' ? fromLocalInput(v.at) : undefined;
  return {
    to,
    ...(to === 'resolved' ? { outcome: v.outcome ?? undefined } : {}),
    ...(at ? { at } : {}),
    ...(v.note.trim() ? { note: v.note } : {}),
  };
}

/**
 * Moves an event on: to monitoring, to resolved (with its outcome, when and how it ended), or back
 * to open when it worsens or recurs (saying why).
 */
export function TransitionModal({ event, to, onClose, onSaved }: { event: AdverseEventDetail; to: AdverseEventStatus; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const v = useVocab();
  const [alert, setAlert] = useState<string | null>(null);
  const reopening = to === 'open';
  const schemaCheck = zodValidate(transitionBody, (x: Values) => toBody(to, x));
  const form = useForm<Values>({
    initialValues: { outcome: event.grade === 5 ? null : 'recovered', at: nowLocal(), note: '' },
    validate: (x) => {
      const errors = schemaCheck(x);
      if (to === 'resolved' && !x.outcome) errors.outcome ??= t('validation.required');
      if (reopening && !x.note.trim()) errors.note ??= t('validation.required');
      return errors;
    },
  });
  const title = t(`eventStatus.to.${to}`);

  const submit = async (x: Values) => {
    setAlert(null);
    try {
      await adverseEventChanges.transition(event.id, transitionBody.parse(toBody(to, x)));
      await onSaved();
      notify(t('eventStatus.changed', { status: t(`adverse.statuses.${to}`) }));
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };

  return (
    <Modal opened onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form onSubmit={form.onSubmit((x) => submit(x))} noValidate>
        <Stack gap="md">
          {alert && (
            <Alert color="red" role="alert">
              {alert}
            </Alert>
          )}
          {to === 'resolved' && (
            <>
              <Select
                label={t('adverse.outcomeLabel')}
                required
                allowDeselect={false}
                data={ADVERSE_EVENT_OUTCOMES.map((o) => ({ value: o, label: v(adverseEventOutcomes, o) }))}
                data-autofocus
                {...form.getInputProps('outcome')}
              />
              <TimeField label={t('eventStatus.resolvedAt')} onNow={(x) => form.setFieldValue('at', x)} {...form.getInputProps('at')} />
            </>
          )}
          <Textarea
            label={reopening ? t('eventStatus.reopenReason') : t('eventStatus.note')}
            required={reopening}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={to === 'resolved' ? 'clinic' : undefined} loading={form.submitting}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
