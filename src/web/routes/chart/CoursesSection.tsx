import { Button, Center, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChartView } from '../../api/chart.ts';
import { IconPlus } from '../../components/icons.tsx';
import { useSession } from '../../session/session.ts';
import { CourseCard } from './CourseCard.tsx';

/** Every course of the patient, the current ones first. */
export function CoursesSection({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const session = useSession();
  const courses = chart.courses ?? [];
  const rank = { active: 0, 'awaiting-consent': 1, draft: 2, completed: 3, cancelled: 4 } as const;
  const sorted = [...courses].sort((a, b) => rank[a.status] - rank[b.status] || b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap="md">
      {session.can('courses.plan') && !chart.patient.archived && (
        <Group justify="flex-end">
          <Button component={Link} to={`/patients/${chart.patient.id}/courses/new`} leftSection={<IconPlus size={16} />}>
            {t('course.plan')}
          </Button>
        </Group>
      )}
      {sorted.length === 0 ? (
        <Center py={40}>
          <Text c="dimmed">{t('chart.empty.courses')}</Text>
        </Center>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {sorted.map((c) => (
            <CourseCard key={c.id} course={c} patientId={chart.patient.id} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
