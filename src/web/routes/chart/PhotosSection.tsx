import { Badge, Button, Card, Center, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { photoViews } from '../../../domain/vocabulary/index.ts';
import type { ChartView } from '../../api/chart.ts';
import { photos } from '../../api/records.ts';
import { IconPhoto, IconPlus } from '../../components/icons.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { PhotoUploadModal } from './PhotoUploadModal.tsx';

/** The patient's photographs, newest first, with upload and the before/after comparison per course. */
export function PhotosSection({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const session = useSession();
  const [uploading, setUploading] = useState(false);
  const list = [...(chart.photos ?? [])].sort((a, b) => (b.takenAt ?? '').localeCompare(a.takenAt ?? ''));
  const coursesWithPhotos = (chart.courses ?? []).filter((c) => list.some((p) => p.courseId === c.id));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          {coursesWithPhotos.map((c) => (
            <Button key={c.id} component={Link} to={`/patients/${chart.patient.id}/courses/${c.id}/photos`} variant="light" size="sm">
              {t('course.comparePhotos')} · {fmt.date(c.startsOn)}
            </Button>
          ))}
        </Group>
        {session.can('photos.write') && !chart.patient.archived && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setUploading(true)}>
            {t('photo.upload')}
          </Button>
        )}
      </Group>
      {list.length === 0 ? (
        <Center py={40}>
          <Stack align="center" gap="xs">
            <IconPhoto size={32} color="var(--mantine-color-gray-5)" />
            <Text c="dimmed">{t('chart.empty.photos')}</Text>
          </Stack>
        </Center>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
          {list.map((p) => {
            const phase = t(`photo.phases.${p.phase as 'baseline'}`);
            const date = p.takenAt ? fmt.date(p.takenAt) : '';
            return (
              <Card key={p.id} p={0} component="a" href={photos.url(p.id, 'full')} target="_blank" rel="noopener">
                <Image src={photos.url(p.id, 'thumb')} alt={t('photo.alt', { view: v(photoViews, p.view), phase, date })} h={150} fit="cover" loading="lazy" />
                <Stack gap={2} p="xs">
                  <Text size="xs" fw={600} lineClamp={1}>
                    {v(photoViews, p.view)}
                  </Text>
                  <Group gap={4} justify="space-between">
                    <Badge size="xs" variant="light" color={p.phase === 'baseline' ? 'blue' : 'gray'}>
                      {phase}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {date}
                    </Text>
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {uploading && <PhotoUploadModal chart={chart} onClose={() => setUploading(false)} />}
    </Stack>
  );
}
