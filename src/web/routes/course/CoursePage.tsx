import { Alert, Anchor, Badge, Button, DataList, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { areas, indications, techniques } from '../../../domain/vocabulary/index.ts';
import { useChart } from '../../api/chart.ts';
import { courses } from '../../api/clinical.ts';
import { DecisionBadge } from '../../components/DecisionBadge.tsx';
import { FindingsList } from '../../components/FindingsList.tsx';
import { IconChevronLeft } from '../../components/icons.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { courseStatusColor } from '../chart/CourseCard.tsx';
import { CourseActions } from './CourseActions.tsx';
import { PlanCalendar } from './PlanCalendar.tsx';

/** One course: its plan, cocktail, assessment, planned days, sessions, and what can be done next. */
export function CoursePage() {
  const { t } = useTranslation();
  const { id: patientId = '', courseId = '' } = useParams();
  const fmt = useFormat();
  const v = useVocab();
  const lang = useLang();
  const session = useSession();
  const queryClient = useQueryClient();
  const chart = useChart(patientId);
  const [error, setError] = useState<string | null>(null);

  if (chart.isPending) return <PageLoader />;
  if (chart.isError) return <LoadError error={chart.error} />;
  const course = chart.data.courses?.find((c) => c.id === courseId);
  if (!course) return <LoadError error={new Error('not found')} />;
  const patient = chart.data.patient;
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId] });
    } catch (err) {
      setError(problemText(err));
    }
  };
  const row = (label: string, value: string | null) =>
    value ? (
      <DataList.Item>
        <DataList.ItemLabel>{label}</DataList.ItemLabel>
        <DataList.ItemValue>{value}</DataList.ItemValue>
      </DataList.Item>
    ) : null;
  const consent = chart.data.consents?.find((c) => c.courseId === course.id && c.status === 'signed');
  // The latest consent this course's plan outgrew: a new one is needed before the next session.
  const superseded = consent ? undefined : chart.data.consents?.filter((c) => c.courseId === course.id && c.status === 'superseded').sort((a, b) => (b.supersededAt ?? '').localeCompare(a.supersededAt ?? ''))[0];
  const open = course.status === 'active' || course.status === 'awaiting-consent' || course.status === 'draft';

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}/courses`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {fullName(patient)}
          </Anchor>
        }
        title={
          <Group gap="sm">
            {course.indications.map((i) => v(indications, i)).join(', ')}
            <Badge color={courseStatusColor[course.status]} variant="light" size="lg">
              {t(`course.statuses.${course.status}`)}
            </Badge>
          </Group>
        }
        subtitle={t('course.planned', { count: course.plannedSessions, days: course.intervalDays })}
        actions={
          <>
            {course.status === 'awaiting-consent' && session.can('consents.manage') && (
              <Button component={Link} to={`/patients/${patientId}/courses/${course.id}/consent`}>
                {t('course.signConsent')}
              </Button>
            )}
            {course.status === 'active' && session.can('sessions.record') && (
              <Button component={Link} to={`/patients/${patientId}/courses/${course.id}/sessions/new`}>
                {t('course.recordSession')}
              </Button>
            )}
            {open && session.can('courses.plan') && (
              <Button component={Link} to={`/patients/${patientId}/courses/${course.id}/edit`} variant="light">
                {t('courseEdit.edit')}
              </Button>
            )}
            {course.status === 'draft' && session.can('courses.plan') && (
              <Button onClick={() => void act(() => courses.update(course.id, { status: 'awaiting-consent' }))}>{t('course.readyForConsent')}</Button>
            )}
          </>
        }
      />
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {course.status === 'awaiting-consent' && superseded && (
        <Alert color="orange" variant="light" role="status">
          {t('courseEdit.superseded', { date: fmt.dateTime(superseded.signedAt ?? superseded.createdAt) })}
        </Alert>
      )}
      {course.status === 'cancelled' && course.cancelledAt && (
        <Alert color="gray" variant="light">
          {t('courseEdit.cancelledOn', { date: fmt.dateTime(course.cancelledAt), reason: course.cancelReason ?? '' })}
        </Alert>
      )}
      {course.status === 'completed' && course.completedAt && (
        <Alert color="blue" variant="light">
          {t('courseEdit.completedOn', { date: fmt.dateTime(course.completedAt) })}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper p="lg">
              <DataList labelWidth={180}>
                {row(t('course.areas'), course.areas.map((a) => v(areas, a)).join(', '))}
                {row(t('course.technique'), `${v(techniques, course.technique)} · ${t('course.depthValue', { mm: fmt.number(course.depthMm, 1) })}`)}
                {row(t('course.startsOn'), fmt.date(course.startsOn))}
                {row(t('course.expectedResults'), course.expectedResults)}
                {row(t('course.postCare'), course.postCare)}
                {row(t('course.allergyTest'), course.allergyTest?.done ? t('course.allergyTestDone', { result: course.allergyTest.result ? t(`course.testResults.${course.allergyTest.result}`) : '—' }) : t('course.allergyTestNotDone'))}
                {row(t('course.price'), course.priceMinor !== null ? new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { style: 'currency', currency: course.currency }).format(course.priceMinor / 100) : null)}
                {row(t('course.notes'), course.notes)}
                {row(t('consent.kinds.treatment'), consent ? t('consent.signedOn', { date: fmt.dateTime(consent.signedAt) }) : null)}
              </DataList>
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('course.cocktail')}
              </Title>
              <Table className="tabular">
                <Table.Tbody>
                  {course.components.map((c) => (
                    <Table.Tr key={c.productId}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {localName(c, lang)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {c.substances.map((s) => localName(s, lang)).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {t('course.mlValue', { ml: fmt.number(c.volumeMl, 2) })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td fw={600}>{t('course.total')}</Table.Td>
                    <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {t('course.mlValue', { ml: fmt.number(course.totalVolumeMl, 2) })}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('course.sessions')}
              </Title>
              {course.sessions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('course.noSessionsYet')}
                </Text>
              ) : (
                <Stack gap="xs">
                  {course.sessions.map((s) => (
                    <Group key={s.id} justify="space-between">
                      <Anchor component={Link} to={`/patients/${patientId}/sessions/${s.id}`}>
                        {t('session.title', { number: s.number })} · {fmt.dateTime(s.performedAt)}
                      </Anchor>
                      <Group gap="xs">
                        <DecisionBadge decision={s.decision} />
                        <Badge variant="light" color={s.signedAt ? 'teal' : 'gray'} size="sm">
                          {s.signedAt ? t('session.signed') : t('session.unsigned')}
                        </Badge>
                      </Group>
                    </Group>
                  ))}
                </Stack>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('course.assessmentAtPlan')}
              </Title>
              <FindingsList findings={course.assessment.findings} compact />
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('course.plannedDates')}
              </Title>
              <PlanCalendar dates={course.plannedDates} done={course.sessionsDone} />
            </Paper>
            <Group gap="sm">
              {session.can('photos.read') && (
                <Button component={Link} to={`/patients/${patientId}/courses/${course.id}/photos`} variant="light">
                  {t('course.comparePhotos')}
                </Button>
              )}
              <CourseActions course={course} onError={setError} />
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
