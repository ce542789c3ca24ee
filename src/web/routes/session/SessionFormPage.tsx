import { Alert, Anchor, Button, Checkbox, Grid, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { newSessionBody } from '../../../domain/api/sessions.ts';
import { ADVERSE_EVENT_TYPE_CODES, adverseEventTypes, areas, indications, TECHNIQUE_CODES, techniques } from '../../../domain/vocabulary/index.ts';
import { useChart } from '../../api/chart.ts';
import { lots as lotsApi } from '../../api/catalog.ts';
import { ApiError } from '../../api/client.ts';
import { sessions } from '../../api/clinical.ts';
import { useClinic, useProducts, useSubstances } from '../../api/use-catalog.ts';
import { patientFacts, productResolver, runLive } from '../../assessment/live.ts';
import { DateField } from '../../components/DateField.tsx';
import { FindingsList } from '../../components/FindingsList.tsx';
import { IconChevronLeft } from '../../components/icons.tsx';
import { InjectionChart } from '../../components/injection/InjectionChart.tsx';
import { FindingsAt, LiveSummary } from '../../components/LiveFindings.tsx';
import { notify } from '../../components/notify.ts';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { useMe, useSession } from '../../session/session.ts';
import { BaselineGate, useBaselineGate } from './BaselineGate.tsx';
import { LotsEditor } from './LotsEditor.tsx';
import { currentDocumentation, prefill, previousSession, sessionInput, toBody, type SessionValues } from './session-form.ts';
import { afterRecordChange } from '../../api/invalidate.ts';
import { ClockField } from '../../components/ClockField.tsx';
import { HistoryUntaken } from '../chart/HistoryUntaken.tsx';

/** Records a session of a course, pre-filled, with the live assessment; blocks cannot be saved. */
export function SessionFormPage() {
  const { t } = useTranslation();
  const { id: patientId = '', courseId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const session = useSession();
  const lang = useLang();
  const v = useVocab();
  const fmt = useFormat();
  const chart = useChart(patientId);
  const products = useProducts();
  const substances = useSubstances();
  const clinic = useClinic();
  const stock = useQuery({ queryKey: ['lots', 'all'], queryFn: () => lotsApi.list() });
  const [alert, setAlert] = useState<string | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<SessionValues>({ initialValues: prefill({ areas: [], components: [], sessions: [], totalVolumeMl: 0, technique: 'manual', depthMm: 1 } as never, [], new Date()) });
  const draft = useFormDraft(form, `session-new-${courseId}`);
  const course = chart.data?.courses?.find((c) => c.id === courseId);
  const prevId = course ? previousSession(course)?.id : undefined;
  // The chart lists sessions in brief; what the form copies (needle, anaesthesia, the map) is the session's own.
  const previous = useQuery({ queryKey: ['sessions', prevId], queryFn: () => sessions.get(prevId ?? ''), enabled: prevId !== undefined });
  const prevDoc = previous.data ? currentDocumentation(previous.data) : undefined;
  const gate = useBaselineGate(courseId);
  const [seeded, setSeeded] = useState(false);

  useEffect(() => {
    if (seeded || !course || !stock.data || (prevId !== undefined && previous.isPending)) return;
    setSeeded(true);
    // The draft (if any) was restored into the form already; pre-fill only a fresh form.
    if (!form.isDirty()) {
      const first = prefill(course, stock.data.items, new Date(), prevDoc);
      form.setInitialValues(first);
      form.setValues(first);
    }
  }, [seeded, course, stock.data, prevId, previous.isPending, prevDoc, form]);

  const values = form.getValues();
  const resolver = useMemo(() => productResolver(products.data?.items ?? [], substances.data?.items ?? []), [products.data, substances.data]);
  const live = useMemo(() => {
    if (!chart.data || !course || !stock.data || !products.data) return null;
    const input = sessionInput(values, course, chart.data, patientFacts(chart.data), stock.data.items, clinic.data?.settings);
    return input ? runLive(input, lang, resolver) : null;
  }, [values, course, chart.data, stock.data, products.data, clinic.data, lang, resolver]);

  if (chart.isPending || stock.isPending || products.isPending || (course && !seeded)) return <PageLoader />;
  if (chart.isError) return <LoadError error={chart.error} />;
  if (stock.isError) return <LoadError error={stock.error} />;
  if (previous.isError) return <LoadError error={previous.error} />;
  if (!course) return <LoadError error={new ApiError({ type: 'not-found', title: 'Not found', status: 404 })} />;
  const patient = chart.data.patient;
  const decision = live?.ok ? live.decision : null;
  const total = Math.round(values.areas.reduce((n, a) => n + (typeof a.volumeMl === 'number' ? a.volumeMl : 0), 0) * 100) / 100;
  const body = (withOverride: boolean) => ({ ...toBody(courseId, values, withOverride), ...(me.user.role === 'nurse' && course.createdBy ? { supervisingDoctorId: course.createdBy } : {}) });
  const check = zodValidate(newSessionBody, () => body(decision === 'warn'));

  const save = async () => {
    setAlert(null);
    setRefused(null);
    const errors = check(values);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return setAlert(t('errors.fixFields'));
    try {
      const saved = await sessions.create(newSessionBody.parse(body(decision === 'warn')));
      draft.clear();
      await Promise.all([afterRecordChange(queryClient, patientId), queryClient.invalidateQueries({ queryKey: ['lots'] })]);
      notify(t('sessionForm.saved'));
      void navigate(`/patients/${patientId}/sessions/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && Array.isArray(err.problem.findings)) setRefused(err);
      else setAlert(applyServerErrors(form, err));
    }
  };

  return (
    <Stack gap="lg" maw={1320}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}/courses/${courseId}`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {fullName(patient)} · {course.indications.map((i) => v(indications, i)).join(', ')}
          </Anchor>
        }
        title={`${t('sessionForm.title')} · ${t('session.title', { number: course.sessions.length + 1 })}`}
        subtitle={t('sessionForm.prefilled')}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <BaselineGate chart={chart.data} courseId={courseId} />
            <HistoryUntaken chart={chart.data} />
            {alert && <Alert color="red" role="alert">{alert}</Alert>}
            {refused && (
              <Alert color="red" title={t('findings.refused', { detail: refused.problem.detail ?? '' })} role="alert">
                <FindingsList findings={(refused.problem.findings as never[]) ?? []} compact />
              </Alert>
            )}
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('sessionForm.when')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }} spacing="md">
                <DateField label={t('sessionForm.date')} required upToToday {...form.getInputProps('date')} />
                <ClockField label={t('sessionForm.time')} required {...form.getInputProps('time')} />
                <Select label={t('sessionForm.technique')} allowDeselect={false} data={TECHNIQUE_CODES.map((c) => ({ value: c, label: v(techniques, c) }))} {...form.getInputProps('technique')} />
                <NumberInput label={t('sessionForm.depth')} min={0.1} max={15} step={0.5} decimalScale={1} {...form.getInputProps('depthMm')} />
              </SimpleGrid>
              <Stack gap="xs" mt="sm">
                <FindingsAt result={live} place={['technique', 'depth', 'schedule']} />
              </Stack>
            </Paper>
            <Paper p="lg">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {t('sessionForm.areasVolumes')}
                </Title>
                <Text size="sm" fw={600} className="tabular">
                  {t('sessionForm.total', { ml: fmt.number(total, 2) })}
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                {values.areas.map((a, i) => (
                  <NumberInput key={a.area} label={t('sessionForm.areaVolume', { area: v(areas, a.area) })} min={0.01} max={100} step={0.5} decimalScale={2} {...form.getInputProps(`areas.${i}.volumeMl`)} />
                ))}
              </SimpleGrid>
              <Stack gap="xs" mt="sm">
                <FindingsAt result={live} place={['areas', 'components']} />
              </Stack>
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('sessionForm.lotsTitle')}
              </Title>
              <LotsEditor form={form} course={course} lots={stock.data.items} />
              <Stack gap="xs" mt="sm">
                <FindingsAt result={live} place="lots" />
              </Stack>
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('sessionForm.chart')}
              </Title>
              <InjectionChart
                areas={values.areas.map((a) => a.area)}
                points={values.injectionPoints}
                onChange={(p) => form.setFieldValue('injectionPoints', p)}
                defaultDepth={typeof values.depthMm === 'number' ? values.depthMm : course.depthMm}
                previous={prevDoc?.injectionPoints}
              />
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('sessionForm.details')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <NumberInput label={`${t('sessionForm.needle')}: ${t('sessionForm.gauge')}`} min={25} max={34} {...form.getInputProps('needleGauge')} />
                <NumberInput label={`${t('sessionForm.needle')}: ${t('sessionForm.needleLength')}`} min={1} max={50} decimalScale={1} {...form.getInputProps('needleLength')} />
                <NumberInput label={t('sessionForm.duration')} min={1} max={600} {...form.getInputProps('durationMinutes')} />
                <Select
                  label={t('sessionForm.anaesthesia')}
                  allowDeselect={false}
                  data={(['none', 'topical', 'injection'] as const).map((m) => ({ value: m, label: t(`sessionForm.anaesthesiaMethods.${m}`) }))}
                  {...form.getInputProps('anaesthesiaMethod')}
                />
                {values.anaesthesiaMethod !== 'none' && <TextInput label={t('sessionForm.agent')} placeholder="EMLA" {...form.getInputProps('anaesthesiaAgent')} />}
              </SimpleGrid>
              <Group gap="xl" mt="md" role="group" aria-label={t('sessionForm.asepsis')}>
                <Text size="sm" fw={500}>
                  {t('sessionForm.asepsis')}:
                </Text>
                <Checkbox label={t('sessionForm.skinCleaned')} {...form.getInputProps('skinCleaned', { type: 'checkbox' })} />
                <Checkbox label={t('sessionForm.disinfectedAfter')} {...form.getInputProps('disinfectedAfter', { type: 'checkbox' })} />
              </Group>
              <Stack gap="md" mt="md">
                <MultiSelect label={t('sessionForm.reactions')} searchable clearable data={ADVERSE_EVENT_TYPE_CODES.map((c) => ({ value: c, label: v(adverseEventTypes, c) }))} {...form.getInputProps('reactions')} />
                <Textarea label={t('sessionForm.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
              </Stack>
            </Paper>
            {decision === 'warn' && (
              <Paper p="lg" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
                <Textarea
                  label={t('sessionForm.override')}
                  description={session.can('sessions.override') ? t('sessionForm.overrideHint') : t('sessionForm.overrideDoctorOnly')}
                  required
                  autosize
                  minRows={2}
                  {...form.getInputProps('overrideReason')}
                />
              </Paper>
            )}
            {decision === 'block' && (
              <Alert color="red.9" variant="filled" role="alert">
                {t('sessionForm.blocked')}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" component={Link} to={`/patients/${patientId}/courses/${courseId}`} onClick={() => draft.clear()}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void save()} disabled={decision === 'block' || (decision === 'warn' && values.overrideReason.trim() === '') || gate.data?.satisfied === false} size="md">
                {t('sessionForm.save')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: -1, lg: 2 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
            <LiveSummary result={live} general={['patient', 'record', 'indications']} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
