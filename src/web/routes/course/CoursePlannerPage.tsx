import { Alert, Anchor, Button, Checkbox, Grid, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { newCourseBody } from '../../../domain/api/courses.ts';
import { plannedDates } from '../../../domain/clinical/calendar.ts';
import { AREA_CODES, areas, INDICATION_CODES, indications, TECHNIQUE_CODES, techniques } from '../../../domain/vocabulary/index.ts';
import { useChart } from '../../api/chart.ts';
import { ApiError } from '../../api/client.ts';
import { courses } from '../../api/clinical.ts';
import { useClinic, useProducts, useSubstances, useTemplates } from '../../api/use-catalog.ts';
import { patientFacts, productResolver, runLive } from '../../assessment/live.ts';
import { DateField } from '../../components/DateField.tsx';
import { FindingsList } from '../../components/FindingsList.tsx';
import { IconChevronLeft } from '../../components/icons.tsx';
import { FindingsAt, LiveSummary } from '../../components/LiveFindings.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { todayIn } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { useMe } from '../../session/session.ts';
import { CocktailEditor } from './CocktailEditor.tsx';
import { planInput, toBody, type PlanValues } from './plan-form.ts';
import { PlanCalendar } from './PlanCalendar.tsx';

/** Plans a course, checked live by the safety engine; a block cannot be saved and says why. */
export function CoursePlannerPage() {
  const { t } = useTranslation();
  const { id: patientId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const lang = useLang();
  const v = useVocab();
  const chart = useChart(patientId);
  const products = useProducts();
  const substances = useSubstances();
  const templates = useTemplates();
  const clinic = useClinic();
  const [alert, setAlert] = useState<string | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const today = todayIn(me.clinic.timeZone);

  const form = useForm<PlanValues>({
    initialValues: {
      indications: [],
      areas: [],
      technique: 'manual',
      depthMm: 2,
      templateId: null,
      components: [],
      plannedSessions: 6,
      intervalDays: 7,
      startsOn: today,
      expectedResults: '',
      postCare: '',
      allergyTestDone: false,
      allergyTestMethod: '',
      allergyTestResult: null,
      price: '',
      notes: '',
    },
    validate: zodValidate(newCourseBody, (x: PlanValues) => toBody(patientId, x, false)),
  });
  const draft = useFormDraft(form, `course-new-${patientId}`);
  const values = form.getValues();

  const resolver = useMemo(() => productResolver(products.data?.items ?? [], substances.data?.items ?? []), [products.data, substances.data]);
  const codeOf = useMemo(() => new Map((products.data?.items ?? []).map((p) => [p.id, p.code])), [products.data]);
  const live = useMemo(() => {
    if (!chart.data || !products.data) return null;
    const input = planInput(values, today, patientFacts(chart.data), (id) => codeOf.get(id) ?? '', clinic.data?.settings);
    return runLive(input, lang, resolver);
  }, [chart.data, products.data, values, today, lang, resolver, codeOf, clinic.data]);

  if (chart.isPending || products.isPending) return <PageLoader />;
  if (chart.isError) return <LoadError error={chart.error} />;
  if (products.isError) return <LoadError error={products.error} />;
  const patient = chart.data.patient;
  const blocked = live?.ok === true && live.decision === 'block';
  const dates = typeof values.plannedSessions === 'number' && typeof values.intervalDays === 'number' && values.startsOn && values.plannedSessions >= 1 && values.plannedSessions <= 100 && values.intervalDays >= 1
    ? plannedDates(values.startsOn, Math.round(values.intervalDays), Math.round(values.plannedSessions))
    : [];

  const save = async (asDraft: boolean) => {
    setAlert(null);
    setRefused(null);
    const check = form.validate();
    // The consent is composed from these; a draft may leave them for later.
    const missing = asDraft ? [] : (['expectedResults', 'postCare', 'price'] as const).filter((k) => String(form.getValues()[k]).trim() === '');
    for (const k of missing) form.setFieldError(k, t('planner.neededForConsent'));
    if (check.hasErrors || missing.length > 0) return;
    try {
      const course = await courses.create(newCourseBody.parse(toBody(patientId, form.getValues(), asDraft)));
      draft.clear();
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId] });
      notify(t('planner.saved'));
      void navigate(asDraft ? `/patients/${patientId}/courses/${course.id}` : `/patients/${patientId}/courses/${course.id}/consent`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && Array.isArray(err.problem.findings)) setRefused(err);
      else setAlert(applyServerErrors(form, err));
    }
  };

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {fullName(patient)}
          </Anchor>
        }
        title={t('planner.title')}
        subtitle={t('planner.subtitle')}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form onSubmit={(e) => e.preventDefault()} noValidate>
            <Stack gap="md">
              {alert && <Alert color="red" role="alert">{alert}</Alert>}
              {refused && (
                <Alert color="red" title={t('findings.refused', { detail: refused.problem.detail ?? '' })} role="alert">
                  <FindingsList findings={(refused.problem.findings as never[]) ?? []} compact />
                </Alert>
              )}
              <Paper p="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('planner.what')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <MultiSelect label={t('course.indications')} required searchable data={INDICATION_CODES.map((c) => ({ value: c, label: v(indications, c) }))} {...form.getInputProps('indications')} />
                  <MultiSelect label={t('course.areas')} required searchable data={AREA_CODES.map((c) => ({ value: c, label: v(areas, c) }))} {...form.getInputProps('areas')} />
                </SimpleGrid>
                <Stack mt="sm" gap="xs">
                  <FindingsAt result={live} place={['indications', 'areas']} />
                </Stack>
              </Paper>
              <Paper p="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('planner.how')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Select label={t('course.technique')} required allowDeselect={false} data={TECHNIQUE_CODES.map((c) => ({ value: c, label: v(techniques, c) }))} {...form.getInputProps('technique')} />
                  <NumberInput label={t('sessionForm.depth')} required min={0.1} max={15} step={0.5} decimalScale={1} {...form.getInputProps('depthMm')} />
                </SimpleGrid>
                <Stack mt="sm" gap="xs">
                  <FindingsAt result={live} place={['technique', 'depth']} />
                </Stack>
              </Paper>
              <Paper p="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('planner.cocktail')}
                </Title>
                {products.data.items.length === 0 ? (
                  <Alert color="yellow">
                    {t('planner.emptyCatalog')}{' '}
                    <Anchor component={Link} to="/catalog">
                      {t('planner.manageCatalog')}
                    </Anchor>
                  </Alert>
                ) : (
                  <CocktailEditor form={form} products={products.data.items} templates={templates.data?.items ?? []} />
                )}
                <Stack mt="sm" gap="xs">
                  <FindingsAt result={live} place="components" />
                </Stack>
              </Paper>
              <Paper p="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('planner.schedule')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  <NumberInput label={t('planner.plannedSessions')} required min={1} max={100} {...form.getInputProps('plannedSessions')} />
                  <NumberInput label={t('planner.intervalDays')} required min={1} max={365} {...form.getInputProps('intervalDays')} />
                  <DateField label={t('course.startsOn')} {...form.getInputProps('startsOn')} />
                </SimpleGrid>
                <Stack mt="sm" gap="xs">
                  <FindingsAt result={live} place="schedule" />
                </Stack>
                <Stack mt="md" gap="xs" hiddenFrom="lg">
                  <PlanCalendar dates={dates} />
                </Stack>
              </Paper>
              <Paper p="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('planner.expectations')}
                </Title>
                <Stack gap="md">
                  <Textarea label={t('course.expectedResults')} withAsterisk autosize minRows={2} {...form.getInputProps('expectedResults')} />
                  <Textarea label={t('course.postCare')} withAsterisk autosize minRows={2} {...form.getInputProps('postCare')} />
                  <Checkbox label={t('planner.allergyTestDone')} {...form.getInputProps('allergyTestDone', { type: 'checkbox' })} />
                  {values.allergyTestDone && (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                      <Textarea label={t('planner.allergyTestMethod')} autosize minRows={1} {...form.getInputProps('allergyTestMethod')} />
                      <Select
                        label={t('planner.allergyTestResult')}
                        clearable
                        data={(['negative', 'positive', 'inconclusive'] as const).map((r) => ({ value: r, label: t(`course.testResults.${r}`) }))}
                        {...form.getInputProps('allergyTestResult')}
                      />
                    </SimpleGrid>
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    <NumberInput label={t('planner.priceLabel', { currency: me.clinic.currency })} withAsterisk min={0} decimalScale={2} thousandSeparator=" " {...form.getInputProps('price')} />
                  </SimpleGrid>
                  <Textarea label={<OptionalLabel>{t('course.notes')}</OptionalLabel>} autosize minRows={2} {...form.getInputProps('notes')} />
                </Stack>
              </Paper>
              {blocked && (
                <Alert color="red.9" variant="filled" role="alert">
                  {t('planner.blocked')}
                </Alert>
              )}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => void save(true)} disabled={blocked}>
                  {t('planner.saveDraft')}
                </Button>
                <Button onClick={() => void save(false)} disabled={blocked}>
                  {t('planner.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: -1, lg: 2 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
            <LiveSummary result={live} general={['patient', 'record', 'lots']} />
            <Paper p="md" visibleFrom="lg">
              <Title order={2} size="h5" mb="sm">
                {t('course.plannedDates')}
              </Title>
              <PlanCalendar dates={dates} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
