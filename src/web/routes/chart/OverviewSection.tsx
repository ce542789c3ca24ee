import { Button, DataList, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChartView } from '../../api/chart.ts';
import { IconPlus } from '../../components/icons.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../../session/session.ts';
import { CourseCard } from './CourseCard.tsx';
import { FollowUpList } from './FollowUpList.tsx';

function SectionTitle({ children }: { children: string }) {
  return (
    <Title order={2} size="h5" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
      {children}
    </Title>
  );
}

/** The first tab of the chart: the treatment in progress, what is due, and who the patient is. */
export function OverviewSection({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const p = chart.patient;
  const current = (chart.courses ?? []).filter((c) => c.status === 'active' || c.status === 'awaiting-consent' || c.status === 'draft');
  const row = (label: string, value: string) => (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
  return (
    <Grid gap="xl">
      {chart.courses && (
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <SectionTitle>{t('chart.currentCourses')}</SectionTitle>
            {current.length === 0 && (
              <Paper p="lg" bg="gray.0">
                <Stack align="flex-start" gap="sm">
                  <Text size="sm" c="dimmed">
                    {t('chart.noCurrentCourse')}
                  </Text>
                  {session.can('courses.plan') && !p.archived && (
                    <Button component={Link} to={`/patients/${p.id}/courses/new`} leftSection={<IconPlus size={16} />} size="sm">
                      {t('course.plan')}
                    </Button>
                  )}
                </Stack>
              </Paper>
            )}
            {current.map((c) => (
              <CourseCard key={c.id} course={c} patientId={p.id} />
            ))}
            {chart.followUps && (
              <>
                <SectionTitle>{t('chart.followUps')}</SectionTitle>
                <Paper p="md">
                  <FollowUpList patientId={p.id} />
                </Paper>
              </>
            )}
          </Stack>
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, lg: chart.courses ? 5 : 12 }}>
        <Stack gap="md">
          <SectionTitle>{t('chart.demographics')}</SectionTitle>
          <DataList labelWidth={200}>
            {row(t('register.birthDate'), fmt.date(p.birthDate))}
            {row(t('register.sex'), t(`sexes.${p.sex}`))}
            {p.patronymic ? row(t('register.patronymic'), p.patronymic) : null}
          </DataList>
          <SectionTitle>{t('chart.contact')}</SectionTitle>
          <DataList labelWidth={200}>
            {row(t('register.phone'), p.phone ?? '—')}
            {row(t('register.email'), p.email ?? '—')}
            {row(t('register.preferredLanguage'), t(`languages.${p.preferredLanguage}`))}
            {row(t('chart.registeredOn'), fmt.dateTime(p.createdAt))}
          </DataList>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
