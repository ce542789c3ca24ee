import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acknowledgeBody } from '../../../domain/api/lot-trace.ts';
import { alerts, type AlertRecord } from '../../api/alerts.ts';
import { notify } from '../../components/notify.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useLang } from '../../i18n/vocab.ts';
import { FormActions } from '../../components/FormActions.tsx';

interface Values {
  note: string;
}

const toBody = (v: Values) => (v.note.trim() ? { note: v.note } : {});

/**
 * Acknowledges an open alert: someone has seen it and says what was done. The server takes the note
 * as optional; for a suspected outbreak the screen asks for it, so the record says who was called.
 */
export function AcknowledgeModal({ alert, onClose }: { alert: AlertRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const noteRequired = alert.kind === 'suspected-atypical-infection';
  const schemaCheck = zodValidate(acknowledgeBody, toBody);
  const form = useForm<Values>({
    initialValues: { note: '' },
    validate: (v) => {
      const errors = schemaCheck(v);
      if (noteRequired && !v.note.trim()) errors.note ??= t('alerts.noteRequired');
      return errors;
    },
  });

  const submit = async (v: Values) => {
    setError(null);
    try {
      await alerts.acknowledge(alert.id, v.note.trim() || undefined);
      await queryClient.invalidateQueries({ queryKey: ['alerts'] });
      await queryClient.invalidateQueries({ queryKey: ['today'] });
      notify(t('alerts.acknowledged'));
      onClose();
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('alerts.acknowledgeTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form onSubmit={form.onSubmit((v) => submit(v))} noValidate>
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {alert.title[lang]}
          </Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Textarea
            label={t('alerts.note')}
            description={noteRequired ? t('alerts.noteHintOutbreak') : t('alerts.noteHint')}
            required={noteRequired}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <FormActions onCancel={onClose} submitting={form.submitting} submitLabel={t('alerts.acknowledge')} />
        </Stack>
      </form>
    </Modal>
  );
}
