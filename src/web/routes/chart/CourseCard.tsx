import { Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { areas, indications, techniques } from '../../../domain/vocabulary/index.ts';
import type { ChartCourse } from '../../api/chart.ts';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';

export const courseStatusColor = { draft: 'gray', 'awaiting-consent': 'yellow', active: 'teal', completed: 'blue', cancelled: 'gray' } as const;

/** A course at a glance: its plan, cocktail, progress, and what to do next. */
export function CourseCard({ course, patientId }: { course: ChartCourse; patientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const lang = useLang();
  const session = useSession();
  const done = course.sessionsDone;
  const title = course.indications.map((i) => v(indications, i)).join(', ');
  return (
    <Paper p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h5">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {course.areas.map((a) => v(areas, a)).join(', ')} · {v(techniques, course.technique)} · {t('course.depthValue', { mm: fmt.number(course.depthMm, 1) })}
            </Text>
          </div>
          <Badge color={courseStatusColor[course.status]} variant="light">
            {t(`course.statuses.${course.status}`)}
          </Badge>
        </Group>
        <Table fz="sm" withRowBorders={false} verticalSpacing={2} highlightOnHover={false}>
          <Table.Tbody>
            {course.components.map((c) => (
              <Table.Tr key={c.productId}>
                <Table.Td pl={0}>{localName(c, lang)}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {t('course.mlValue', { ml: fmt.number(c.volumeMl, 2) })}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td pl={0} fw={600}>
                {t('course.total')}
              </Table.Td>
              <Table.Td ta="right" fw={600} className="tabular">
                {t('course.mlValue', { ml: fmt.number(course.totalVolumeMl, 2) })}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm">{t('chart.sessionsProgress', { done, count: course.plannedSessions })}</Text>
            {course.nextDueOn && course.status === 'active' && (
              <Text size="sm" c="dimmed">
                {t('chart.nextDue', { date: fmt.date(course.nextDueOn) })}
              </Text>
            )}
          </Group>
          <Progress value={(100 * done) / Math.max(1, course.plannedSessions)} size="sm" aria-label={t('chart.sessionsProgress', { done, count: course.plannedSessions })} />
        </div>
        <Group gap="sm">
          <Button component={Link} to={`/patients/${patientId}/courses/${course.id}`} variant="default" size="xs">
            {t('course.open')}
          </Button>
          {course.status === 'active' && session.can('sessions.record') && (
            <Button component={Link} to={`/patients/${patientId}/courses/${course.id}/sessions/new`} size="xs">
              {t('course.recordSession')}
            </Button>
          )}
          {course.status === 'awaiting-consent' && session.can('consents.manage') && (
            <Button component={Link} to={`/patients/${patientId}/courses/${course.id}/consent`} size="xs">
              {t('course.signConsent')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
