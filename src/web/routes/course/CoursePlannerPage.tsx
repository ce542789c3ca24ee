import { Alert, Anchor, Button, Grid, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { newCourseBody } from '../../../domain/api/courses.ts';
import type { Finding } from '../../../domain/assessment/index.ts';
import { useChart } from '../../api/chart.ts';
import { ApiError } from '../../api/client.ts';
import { courses } from '../../api/clinical.ts';
import { useProducts, useTemplates } from '../../api/use-catalog.ts';
import { IconChevronLeft } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { todayIn } from '../../i18n/format.ts';
import { useMe } from '../../session/session.ts';
import { toBody, type PlanValues } from './plan-form.ts';
import { PlanFields, PlanSidebar, useLivePlan, withRefusal } from './PlanFields.tsx';
import { afterRecordChange } from '../../api/invalidate.ts';
import { HistoryUntaken } from '../chart/HistoryUntaken.tsx';

/** Plans a course, checked live by the safety engine; a block cannot be saved and says why. */
export function CoursePlannerPage() {
  const { t } = useTranslation();
  const { id: patientId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const chart = useChart(patientId);
  const products = useProducts();
  const templates = useTemplates();
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
      allergyTestDate: null,
      price: '',
      notes: '',
    },
    validate: zodValidate(newCourseBody, (x: PlanValues) => toBody(patientId, x, false)),
  });
  const draft = useFormDraft(form, `course-new-${patientId}`);
  const values = form.getValues();

  const { live, dates } = useLivePlan(chart.data, values, today);

  if (chart.isPending || products.isPending) return <PageLoader />;
  if (chart.isError) return <LoadError error={chart.error} />;
  if (products.isError) return <LoadError error={products.error} />;
  const patient = chart.data.patient;
  const blocked = live?.ok === true && live.decision === 'block';
  const refusedFindings = refused ? ((refused.problem.findings ?? []) as Finding[]) : null;
  const shown = withRefusal(live, refusedFindings);

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
      await afterRecordChange(queryClient, patientId);
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
              <HistoryUntaken chart={chart.data} />
              {alert && <Alert color="red" role="alert">{alert}</Alert>}
              {refused && (
                <Alert color="red" title={t('findings.refused', { detail: refused.problem.detail ?? '' })} role="alert">
                  {t('planner.refusedBeside')}
                </Alert>
              )}
              <PlanFields form={form} live={shown} products={products.data.items} templates={templates.data?.items ?? []} dates={dates} currency={me.clinic.currency} />
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
          <PlanSidebar live={shown} dates={dates} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
