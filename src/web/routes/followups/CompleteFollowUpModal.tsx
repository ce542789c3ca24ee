import { Alert, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedFollowUpOutcomes } from '../../../domain/adverse-events/follow-up-completion.ts';
import { ADVERSE_EVENT_OUTCOMES, adverseEventOutcomes, followUpKinds, followUpOutcomes } from '../../../domain/adverse-events/vocabulary.ts';
import { completeFollowUpBody } from '../../../domain/api/follow-ups.ts';
import { ADVERSE_EVENT_TYPE_CODES, adverseEventTypes, SEVERITY_GRADES, severityGrades } from '../../../domain/vocabulary/index.ts';
import { followUps, type FollowUp } from '../../api/safety.ts';
import { notify } from '../../components/notify.ts';
import { fullName } from '../../components/patient-name.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { FormActions } from '../../components/FormActions.tsx';

interface Values {
  findings: string;
  outcome: string | null;
  eventOutcome: string | null;
  eventType: string | null;
  eventGrade: string;
  eventDescription: string;
}

/** Completes a follow-up with what was found; a complication is recorded as a new adverse event at once. */
export function CompleteFollowUpModal({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const v = useVocab();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const outcomes = allowedFollowUpOutcomes(followUp.adverseEvent !== null);
  const toBody = (x: Values) => ({
    findings: x.findings,
    outcome: x.outcome ?? '',
    ...(x.outcome === 'resolved' && x.eventOutcome ? { eventOutcome: x.eventOutcome } : {}),
    ...(x.outcome === 'complication' && followUp.adverseEvent === null
      ? { openAdverseEvent: { type: x.eventType ?? '', grade: Number(x.eventGrade), onset: new Date().toISOString(), description: x.eventDescription || x.findings } }
      : {}),
  });
  const form = useForm<Values>({
    initialValues: { findings: '', outcome: null, eventOutcome: 'recovered', eventType: null, eventGrade: '1', eventDescription: '' },
    validate: zodValidate(completeFollowUpBody, toBody, (p) => p.replace(/^openAdverseEvent\.(type|grade|description)$/, (_m, f: string) => `event${f.charAt(0).toUpperCase()}${f.slice(1)}`)),
  });
  const draft = useFormDraft(form, `follow-up-${followUp.id}`);
  const values = form.getValues();

  return (
    <Modal opened onClose={onClose} title={`${v(followUpKinds, followUp.kind)} · ${fullName(followUp.patient)}`} size="lg" centered>
      <form
        onSubmit={form.onSubmit(async (x) => {
          setAlert(null);
          try {
            await followUps.complete(followUp.id, completeFollowUpBody.parse(toBody(x)));
            draft.clear();
            await queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
            await queryClient.invalidateQueries({ queryKey: ['patients', followUp.patient.id] });
            await queryClient.invalidateQueries({ queryKey: ['today'] });
            notify(t('followUps.completed'));
            onClose();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {followUp.purpose[lang]}
          </Text>
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Select label={t('followUps.outcome')} required data-autofocus data={outcomes.map((o) => ({ value: o, label: v(followUpOutcomes, o) }))} {...form.getInputProps('outcome')} />
          {values.outcome === 'resolved' && (
            <Select label={t('followUps.eventOutcome')} allowDeselect={false} data={ADVERSE_EVENT_OUTCOMES.map((o) => ({ value: o, label: v(adverseEventOutcomes, o) }))} {...form.getInputProps('eventOutcome')} />
          )}
          <Textarea label={t('followUps.findings')} required autosize minRows={3} {...form.getInputProps('findings')} />
          {values.outcome === 'complication' && followUp.adverseEvent === null && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select label={t('adverse.type')} required searchable data={ADVERSE_EVENT_TYPE_CODES.map((c) => ({ value: c, label: v(adverseEventTypes, c) }))} {...form.getInputProps('eventType')} />
              <Select label={t('adverse.grade')} required allowDeselect={false} data={SEVERITY_GRADES.map((g) => ({ value: String(g), label: `${g} — ${v(severityGrades, g)}` }))} {...form.getInputProps('eventGrade')} />
            </SimpleGrid>
          )}
          <FormActions onCancel={onClose} submitting={form.submitting} submitLabel={t('followUps.complete')} />
        </Stack>
      </form>
    </Modal>
  );
}
