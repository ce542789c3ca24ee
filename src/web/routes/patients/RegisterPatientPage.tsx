import { Alert, Anchor, Button, Card, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { newPatientBody, sexes, type NewPatient } from '../../../domain/api/patients.ts';
import { registerPatient, type CreatedPatient } from '../../api/patients.ts';
import { DateField } from '../../components/DateField.tsx';
import { IconChevronLeft } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { DuplicateModal } from './DuplicateModal.tsx';

interface Values {
  givenName: string;
  familyName: string;
  patronymic: string;
  birthDate: string | null;
  sex: string;
  phone: string;
  email: string;
  preferredLanguage: string;
}

const blank = (s: string) => (s.trim() === '' ? undefined : s);

function toBody(v: Values): NewPatient {
  return {
    givenName: v.givenName,
    familyName: v.familyName,
    patronymic: blank(v.patronymic),
    birthDate: v.birthDate ?? '',
    sex: v.sex as NewPatient['sex'],
    phone: blank(v.phone),
    email: blank(v.email),
    preferredLanguage: v.preferredLanguage as 'en' | 'ru',
  };
}

/** Registers a patient; a likely duplicate is shown right after, with a way back to the existing chart. */
export function RegisterPatientPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedPatient | null>(null);
  const form = useForm<Values>({
    initialValues: { givenName: '', familyName: '', patronymic: '', birthDate: null, sex: 'female', phone: '', email: '', preferredLanguage: i18n.language === 'en' ? 'en' : 'ru' },
    validate: zodValidate(newPatientBody, toBody),
    validateInputOnBlur: true,
  });
  const draft = useFormDraft(form, 'register-patient');

  const submit = async (values: Values) => {
    setAlert(null);
    try {
      const patient = await registerPatient(newPatientBody.parse(toBody(values)));
      draft.clear();
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      notify(t('register.registered', { name: fullName(patient) }));
      if (patient.possibleDuplicates.length > 0) setCreated(patient);
      else void navigate(`/patients/${patient.id}`);
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };

  return (
    <Stack gap="lg" maw={880}>
      <PageHeader
        before={
          <Anchor component={Link} to="/patients" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {t('chart.back')}
          </Anchor>
        }
        title={t('register.title')}
        subtitle={t('register.subtitle')}
      />
      <Card p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={form.onSubmit((v) => submit(v))} noValidate>
          <Stack gap="lg">
            {alert && (
              <Alert color="red" variant="light" role="alert">
                {alert}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput label={t('register.familyName')} required autoComplete="off" {...form.getInputProps('familyName')} />
              <TextInput label={t('register.givenName')} required autoComplete="off" {...form.getInputProps('givenName')} />
              <TextInput label={<OptionalLabel>{t('register.patronymic')}</OptionalLabel>} autoComplete="off" {...form.getInputProps('patronymic')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <DateField label={t('register.birthDate')} placeholder={t('register.birthDatePlaceholder')} required defaultLevel="decade" upToToday minDate="1900-01-01" {...form.getInputProps('birthDate')} />
              <Radio.Group label={t('register.sex')} required {...form.getInputProps('sex')}>
                <Group gap="lg" mt={8}>
                  {sexes.map((s) => (
                    <Radio key={s} value={s} label={t(`sexes.${s}`)} />
                  ))}
                </Group>
              </Radio.Group>
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput label={<OptionalLabel>{t('register.phone')}</OptionalLabel>} type="tel" placeholder="+7 900 000-00-00" autoComplete="off" {...form.getInputProps('phone')} />
              <TextInput label={<OptionalLabel>{t('register.email')}</OptionalLabel>} type="email" autoComplete="off" {...form.getInputProps('email')} />
              <Select
                label={t('register.preferredLanguage')}
                data={[
                  { value: 'ru', label: t('languages.ru') },
                  { value: 'en', label: t('languages.en') },
                ]}
                allowDeselect={false}
                {...form.getInputProps('preferredLanguage')}
              />
            </SimpleGrid>
            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                onClick={() => {
                  draft.clear();
                  void navigate('/patients');
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('register.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {created && <DuplicateModal created={created} onClose={() => void navigate(`/patients/${created.id}`)} />}
    </Stack>
  );
}
