import { Alert, Anchor, Button, Grid, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { coursePatchBody, newCourseBody } from '../../../domain/api/courses.ts';
import type { Finding } from '../../../domain/assessment/index.ts';
import { useChart, type ChartConsent, type ChartCourse, type ChartView } from '../../api/chart.ts';
import { ApiError } from '../../api/client.ts';
import { courses } from '../../api/clinical.ts';
import { useProducts, useTemplates } from '../../api/use-catalog.ts';
import { IconChevronLeft } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { todayIn, useFormat } from '../../i18n/format.ts';
import { localName, useLang } from '../../i18n/vocab.ts';
import { useMe } from '../../session/session.ts';
import { changesConsentedTerms, fromCourse, toBody, toPatch, type PlanValues } from './plan-form.ts';
import { PlanFields, PlanSidebar, useLivePlan, withRefusal } from './PlanFields.tsx';
import { afterRecordChange } from '../../api/invalidate.ts';

/** Changes the plan of a course not yet finished: the planner, pre-filled, with the same live check. */
export function CourseEditPage() {
  const { t } = useTranslation();
  const { id: patientId = '', courseId = '' } = useParams();
  const chart = useChart(patientId);
  const products = useProducts();
  if (chart.isPending || products.isPending) return <PageLoader />;
  if (chart.isError) return <LoadError error={chart.error} />;
  if (products.isError) return <LoadError error={products.error} />;
  const course = chart.data.courses?.find((c) => c.id === courseId);
  if (!course) return <LoadError error={new ApiError({ type: 'not-found', title: 'Not found', status: 404 })} />;
  if (course.status === 'completed' || course.status === 'cancelled') {
    return (
      <Alert color="gray" title={t('courseEdit.finished', { status: t(`course.statuses.${course.status}`).toLowerCase() })}>
        <Anchor component={Link} to={`/patients/${patientId}/courses/${courseId}`}>
          {t('courseEdit.backToCourse')}
        </Anchor>
      </Alert>
    );
  }
  // Keyed by the course's last change: a plan saved elsewhere meanwhile starts the form afresh.
  return <EditForm key={course.updatedAt} chart={chart.data} course={course} />;
}

function EditForm({ chart, course }: { chart: ChartView; course: ChartCourse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const fmt = useFormat();
  const lang = useLang();
  const products = useProducts();
  const templates = useTemplates();
  const patientId = chart.patient.id;
  const courseUrl = `/patients/${patientId}/courses/${course.id}`;
  const [initial] = useState(() => fromCourse(course));
  const [alert, setAlert] = useState<string | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState<{ ready: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayIn(me.clinic.timeZone);

  const form = useForm<PlanValues>({ initialValues: initial, validate: zodValidate(newCourseBody, (x: PlanValues) => toBody(patientId, x, false)) });
  const draft = useFormDraft(form, `course-edit-${course.id}`);
  const values = form.getValues();
  const { live, dates } = useLivePlan(chart, values, today);
  const refusedFindings = refused ? ((refused.problem.findings ?? []) as Finding[]) : null;
  const shown = withRefusal(live, refusedFindings);
  const blocked = live?.ok === true && live.decision === 'block';
  const consent: ChartConsent | undefined = chart.consents?.find((c) => c.courseId === course.id && c.status === 'signed');
  const supersedes = consent !== undefined && changesConsentedTerms(initial, values);
  const isDraft = course.status === 'draft';

  const check = (ready: boolean): boolean => {
    setAlert(null);
    setRefused(null);
    const invalid = form.validate().hasErrors;
    // The consent is composed from these; only a draft may leave them for later.
    const missing = isDraft && !ready ? [] : (['expectedResults', 'postCare', 'price'] as const).filter((k) => String(form.getValues()[k]).trim() === '');
    for (const k of missing) form.setFieldError(k, t('planner.neededForConsent'));
    const sessions = form.getValues().plannedSessions;
    if (typeof sessions === 'number' && sessions < course.sessionsDone) form.setFieldError('plannedSessions', t('courseEdit.sessionsDone', { count: course.sessionsDone }));
    return !invalid && missing.length === 0 && !(typeof sessions === 'number' && sessions < course.sessionsDone);
  };

  const save = async (ready: boolean) => {
    setBusy(true);
    try {
      const patch = coursePatchBody.parse({ ...toPatch(initial, form.getValues()), ...(ready ? { status: 'awaiting-consent' } : {}) });
      const saved = await courses.update(course.id, patch);
      draft.clear();
      await afterRecordChange(queryClient, patientId);
      notify(course.status === 'active' && saved.status === 'awaiting-consent' ? t('courseEdit.savedSuperseded') : t('courseEdit.saved'));
      void navigate(courseUrl);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && Array.isArray(err.problem.findings)) setRefused(err);
      else setAlert(applyServerErrors(form, err));
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const submit = (ready: boolean) => {
    if (!check(ready)) return;
    if (Object.keys(toPatch(initial, form.getValues())).length === 0 && !ready) {
      setAlert(t('courseEdit.noChanges'));
      return;
    }
    if (supersedes) setConfirming({ ready });
    else void save(ready);
  };

  const productNames = course.components.map((c) => localName(c, lang)).join(', ');

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        before={
          <Anchor component={Link} to={courseUrl} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {fullName(chart.patient)}
          </Anchor>
        }
        title={t('courseEdit.title')}
        subtitle={t('courseEdit.subtitle')}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form onSubmit={(e) => e.preventDefault()} noValidate>
            <Stack gap="md">
              {consent && (
                <Alert color={supersedes ? 'orange' : 'blue'} variant="light" title={t('courseEdit.consentSigned', { date: fmt.dateTime(consent.signedAt ?? consent.createdAt) })}>
                  <Stack gap={4}>
                    <Text size="sm">{t('courseEdit.consentRule')}</Text>
                    {supersedes && (
                      <Text size="sm" fw={700} role="status">
                        {t('courseEdit.willSupersede')}
                      </Text>
                    )}
                  </Stack>
                </Alert>
              )}
              {alert && <Alert color="red" role="alert">{alert}</Alert>}
              {refused && (
                <Alert color="red" title={t('findings.refused', { detail: refused.problem.detail ?? '' })} role="alert">
                  {t('planner.refusedBeside')}
                </Alert>
              )}
              <PlanFields form={form} live={shown} products={products.data?.items ?? []} templates={templates.data?.items ?? []} dates={dates} currency={me.clinic.currency} />
              {blocked && (
                <Alert color="red.9" variant="filled" role="alert">
                  {t('planner.blocked')}
                </Alert>
              )}
              <Group justify="flex-end" gap="sm">
                <Button
                  variant="subtle"
                  color="gray"
                  onClick={() => {
                    draft.clear();
                    void navigate(courseUrl);
                  }}
                >
                  {t('courseEdit.discard')}
                </Button>
                {isDraft && (
                  <Button variant="default" onClick={() => submit(true)} disabled={blocked} loading={busy}>
                    {t('courseEdit.saveReady')}
                  </Button>
                )}
                <Button onClick={() => submit(false)} disabled={blocked} loading={busy}>
                  {t('courseEdit.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: -1, lg: 2 }}>
          <PlanSidebar live={shown} dates={dates} />
        </Grid.Col>
      </Grid>
      {consent && (
        <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('courseEdit.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Stack gap="lg">
            <Text size="sm">{t('courseEdit.confirmText', { date: fmt.dateTime(consent.signedAt ?? consent.createdAt), sessions: consent.sessions ?? course.plannedSessions, products: productNames })}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
                {t('courseEdit.keepEditing')}
              </Button>
              <Button color="orange" loading={busy} onClick={() => void save(confirming?.ready ?? false)}>
                {t('courseEdit.confirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
