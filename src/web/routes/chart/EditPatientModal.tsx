import { Alert, Group, Modal, Radio, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sexes, updatePatientBody } from '../../../domain/api/patients.ts';
import { updatePatient, type PatientRecord } from '../../api/patients.ts';
import { DateField } from '../../components/DateField.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { FormActions } from '../../components/FormActions.tsx';

interface Values {
  givenName: string;
  familyName: string;
  patronymic: string;
  birthDate: string | null;
  sex: string;
  phone: string;
  email: string;
  preferredLanguage: string;
  archived: boolean;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function toBody(v: Values) {
  return {
    givenName: v.givenName,
    familyName: v.familyName,
    patronymic: orNull(v.patronymic),
    birthDate: v.birthDate ?? '',
    sex: v.sex,
    phone: orNull(v.phone),
    email: orNull(v.email),
    preferredLanguage: v.preferredLanguage,
  };
}

/** Corrects a patient's demographics, or archives (and restores) the record. */
export function EditPatientModal({ patient, onClose }: { patient: PatientRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      givenName: patient.givenName,
      familyName: patient.familyName,
      patronymic: patient.patronymic ?? '',
      birthDate: patient.birthDate,
      sex: patient.sex,
      phone: patient.phone ?? '',
      email: patient.email ?? '',
      preferredLanguage: patient.preferredLanguage,
      archived: patient.archived,
    },
    validate: zodValidate(updatePatientBody, toBody),
  });
  const draft = useFormDraft(form, `patient-${patient.id}`);
  return (
    <Modal opened onClose={onClose} title={t('chart.editPatient')} size="xl" centered>
      <form
        onSubmit={form.onSubmit(async (x) => {
          setAlert(null);
          try {
            await updatePatient(patient.id, { ...updatePatientBody.parse(toBody(x)), ...(x.archived !== patient.archived ? { archived: x.archived } : {}) } as never);
            draft.clear();
            await queryClient.invalidateQueries({ queryKey: ['patients'] });
            notify(t('settings.users.updated'));
            onClose();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('register.familyName')} required {...form.getInputProps('familyName')} />
            <TextInput label={t('register.givenName')} required {...form.getInputProps('givenName')} />
            <TextInput label={<OptionalLabel>{t('register.patronymic')}</OptionalLabel>} {...form.getInputProps('patronymic')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <DateField label={t('register.birthDate')} required defaultLevel="decade" upToToday {...form.getInputProps('birthDate')} />
            <Radio.Group label={t('register.sex')} required {...form.getInputProps('sex')}>
              <Group gap="lg" mt={8}>
                {sexes.map((s) => (
                  <Radio key={s} value={s} label={t(`sexes.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={<OptionalLabel>{t('register.phone')}</OptionalLabel>} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={<OptionalLabel>{t('register.email')}</OptionalLabel>} type="email" {...form.getInputProps('email')} />
            <Select
              label={t('register.preferredLanguage')}
              allowDeselect={false}
              data={[
                { value: 'ru', label: t('languages.ru') },
                { value: 'en', label: t('languages.en') },
              ]}
              {...form.getInputProps('preferredLanguage')}
            />
          </SimpleGrid>
          <Switch label={t('patients.archived')} color="gray" {...form.getInputProps('archived', { type: 'checkbox' })} />
          <FormActions onCancel={onClose} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
