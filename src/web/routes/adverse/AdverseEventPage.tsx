import { Alert, Anchor, Button, Checkbox, Grid, Group, List, Paper, Radio, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { newAdverseEventBody } from '../../../domain/api/adverse-events.ts';
import { ADVERSE_EVENT_TYPE_CODES, adverseEventTypes, areas, SEVERITY_GRADES, severityGrades } from '../../../domain/vocabulary/index.ts';
import { useChart } from '../../api/chart.ts';
import { adverseEvents } from '../../api/clinical.ts';
import { DateField } from '../../components/DateField.tsx';
import { IconAlert, IconChevronLeft } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { clinicClock, clinicInstant, useFormat } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { afterRecordChange } from '../../api/invalidate.ts';
import { ClockField } from '../../components/ClockField.tsx';

interface Values {
  sessionId: string | null;
  type: string | null;
  grade: string;
  date: string | null;
  time: string;
  area: string | null;
  description: string;
  expected: boolean;
}

/** A translated list (returnObjects) as its lines. */
const lines = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

const checklists = { anaphylaxis: 'emergency.anaphylaxis', vagal: 'emergency.vagal', angioedema: 'emergency.angioedema' } as const;

function toBody(v: Values) {
  return {
    sessionId: v.sessionId ?? '',
    type: v.type ?? '',
    grade: Number(v.grade),
    onset: v.date ? clinicInstant(v.date, v.time) : '',
    description: v.description,
    ...(v.area ? { area: v.area } : {}),
    expected: v.expected,
  };
}

/** Reports an adverse event of a session, with what each grade means and the emergency checklists. */
export function AdverseEventPage() {
  const { t, i18n } = useTranslation();
  const { id: patientId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const fmt = useFormat();
  const v = useVocab();
  const lang = useLang();
  const chart = useChart(patientId);
  const [alert, setAlert] = useState<string | null>(null);
  const now = clinicClock(new Date());
  const form = useForm<Values>({
    initialValues: {
      sessionId: params.get('sessionId'),
      type: null,
      grade: '1',
      date: now.date,
      time: now.time,
      area: null,
      description: '',
      expected: false,
    },
    validate: zodValidate(newAdverseEventBody, toBody, (p) => (p === 'onset' ? 'date' : p)),
  });
  const draft = useFormDraft(form, `adverse-event-${patientId}`);

  if (chart.isPending) return <PageLoader />;
  if (chart.isError) return <LoadError error={chart.error} />;
  const all = (chart.data.courses ?? []).flatMap((c) => c.sessions).sort((a, b) => b.performedAt.localeCompare(a.performedAt));
  const values = form.getValues();
  const chosen = all.find((s) => s.id === values.sessionId);
  const type = values.type as keyof typeof checklists | null;
  const checklist = type && type in checklists ? checklists[type] : null;

  const submit = async (x: Values) => {
    setAlert(null);
    try {
      const created = await adverseEvents.create(newAdverseEventBody.parse(toBody(x)));
      draft.clear();
      await afterRecordChange(queryClient, patientId);
      notify(t('adverse.reported'));
      void navigate(`/patients/${patientId}/adverse-events/${created.id}`);
    } catch (err) {
      setAlert(applyServerErrors(form, err, (p) => (p === 'onset' ? 'date' : p)));
    }
  };

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}/adverse-events`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {fullName(chart.data.patient)}
          </Anchor>
        }
        title={t('adverse.report')}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: checklist ? 7 : 12 }}>
          <Paper p="lg">
            <form onSubmit={form.onSubmit((x) => submit(x))} noValidate>
              <Stack gap="md">
                {alert && <Alert color="red" role="alert">{alert}</Alert>}
                {all.length === 0 && <Alert color="yellow">{t('adverse.noSessions')}</Alert>}
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Select
                    label={t('adverse.session')}
                    required
                    data={all.map((s) => ({ value: s.id, label: `${t('session.title', { number: s.number })} · ${fmt.dateTime(s.performedAt)}` }))}
                    {...form.getInputProps('sessionId')}
                  />
                  <Select label={t('adverse.type')} required searchable data={ADVERSE_EVENT_TYPE_CODES.map((c) => ({ value: c, label: v(adverseEventTypes, c) }))} {...form.getInputProps('type')} />
                </SimpleGrid>
                <Radio.Group label={t('adverse.grade')} required {...form.getInputProps('grade')}>
                  <Stack gap={6} mt={6}>
                    {SEVERITY_GRADES.map((g) => (
                      <Radio
                        key={g}
                        value={String(g)}
                        label={`${g} — ${v(severityGrades, g)}`}
                        description={severityGrades.entries[g].meaning[lang]}
                        color={g >= 3 ? 'red.9' : undefined}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  <DateField label={t('adverse.onsetDate')} required upToToday {...form.getInputProps('date')} />
                  <ClockField label={t('adverse.onsetTime')} {...form.getInputProps('time')} />
                  <Select label={t('adverse.area')} clearable data={(chosen?.areas ?? []).map((a) => ({ value: a.area, label: v(areas, a.area) }))} {...form.getInputProps('area')} />
                </SimpleGrid>
                <Textarea label={t('adverse.description')} placeholder={t('adverse.descriptionPlaceholder')} required autosize minRows={3} {...form.getInputProps('description')} />
                <Checkbox label={t('adverse.expected')} {...form.getInputProps('expected', { type: 'checkbox' })} />
                <Group justify="flex-end">
                  <Button type="submit" color="red.9" loading={form.submitting} disabled={all.length === 0}>
                    {t('adverse.report')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        {checklist && (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Alert color="red.9" variant="filled" icon={<IconAlert size={22} />} title={`${t('adverse.emergency')}: ${t(`${checklist}.title`)}`} role="alert">
              <List type="ordered" spacing={6} size="sm" c="white">
                {lines(i18n.t(`${checklist}.steps`, { returnObjects: true })).map((step) => (
                  <List.Item key={step}>{step}</List.Item>
                ))}
              </List>
            </Alert>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
