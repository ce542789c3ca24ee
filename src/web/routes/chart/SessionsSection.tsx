import { Anchor, Badge, Center, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { areas, indications } from '../../../domain/vocabulary/index.ts';
import type { ChartView } from '../../api/chart.ts';
import { useProductName } from '../../api/use-catalog.ts';
import { IconSyringe } from '../../components/icons.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';

/** Every session of every course, newest first, as a timeline. */
export function SessionsSection({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const productName = useProductName();
  const all = (chart.courses ?? []).flatMap((c) => c.sessions.map((s) => ({ s, course: c }))).sort((a, b) => b.s.performedAt.localeCompare(a.s.performedAt));
  if (all.length === 0)
    return (
      <Center py={40}>
        <Text c="dimmed">{t('chart.empty.sessions')}</Text>
      </Center>
    );
  return (
    <Timeline bulletSize={26} lineWidth={2} active={all.length}>
      {all.map(({ s, course }) => (
        <Timeline.Item
          key={s.id}
          bullet={<IconSyringe size={14} />}
          title={
            <Group gap="sm">
              <Anchor component={Link} to={`/patients/${chart.patient.id}/sessions/${s.id}`} fw={600}>
                {t('session.title', { number: s.number })} · {fmt.dateTime(s.performedAt)}
              </Anchor>
              <Badge size="sm" variant="light" color={s.signedAt ? 'teal' : 'gray'}>
                {s.signedAt ? t('session.signed') : t('session.unsigned')}
              </Badge>
              {s.decision === 'warn' && (
                <Badge size="sm" variant="light" color="orange">
                  {t('session.overridden')}
                </Badge>
              )}
            </Group>
          }
        >
          <Stack gap={2} mt={4}>
            <Text size="sm" c="dimmed">
              {course.indications.map((i) => v(indications, i)).join(', ')}
            </Text>
            <Text size="sm" className="tabular">
              {s.areas.map((a) => `${v(areas, a.area)} ${t('course.mlValue', { ml: fmt.number(a.volumeMl, 2) })}`).join(' · ')}
            </Text>
            <Text size="xs" c="dimmed">
              {s.lots.map((l) => `${productName(l.productCode)} #${l.lotNumber}`).join(', ')}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
