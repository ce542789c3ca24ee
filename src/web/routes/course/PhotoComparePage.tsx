import { Anchor, Badge, Box, Button, Center, Group, Image, Paper, SegmentedControl, SimpleGrid, Slider, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { photoViews } from '../../../domain/vocabulary/index.ts';
import { useChart } from '../../api/chart.ts';
import { photos, type PhotoComparison, type PhotoRecord } from '../../api/records.ts';
import { IconChevronLeft, IconPhoto, IconPlus } from '../../components/icons.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { PhotoUploadModal } from '../chart/PhotoUploadModal.tsx';

type Pair = PhotoComparison['pairs'][number];

function Picture({ photo, label }: { photo: PhotoRecord; label: string }) {
  const fmt = useFormat();
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Badge variant="light" color={label === 'baseline' ? 'blue' : 'teal'}>
          {label}
        </Badge>
        <Text size="xs" c="dimmed">
          {fmt.date(photo.takenAt)}
        </Text>
      </Group>
      <Image src={photos.url(photo.id, 'display')} alt={`${label}, ${fmt.date(photo.takenAt)}`} radius="md" fit="contain" mah={520} bg="dark.8" />
    </Stack>
  );
}

/** Baseline against latest for one view: side by side, or one over the other with a slider. */
function PairView({ pair, mode }: { pair: Pair; mode: 'side' | 'slider' }) {
  const { t } = useTranslation();
  const [split, setSplit] = useState(50);
  const { baseline, latest } = pair;
  if (!baseline || !latest)
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {baseline && <Picture photo={baseline} label={t('photo.baseline')} />}
        <Center>
          <Text size="sm" c="dimmed">
            {t('photo.noPair')}
          </Text>
        </Center>
      </SimpleGrid>
    );
  if (mode === 'side')
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Picture photo={baseline} label={t('photo.baseline')} />
        <Picture photo={latest} label={t('photo.latest')} />
      </SimpleGrid>
    );
  return (
    <Stack gap="sm">
      <Box pos="relative" style={{ borderRadius: 8, overflow: 'hidden', background: 'var(--mantine-color-dark-8)' }}>
        <Image src={photos.url(latest.id, 'display')} alt={t('photo.latest')} fit="contain" mah={560} />
        <Box pos="absolute" inset={0} style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }}>
          <Image src={photos.url(baseline.id, 'display')} alt={t('photo.baseline')} fit="contain" mah={560} h="100%" />
        </Box>
        <Box pos="absolute" top={0} bottom={0} left={`${split}%`} w={2} bg="white" style={{ boxShadow: '0 0 4px rgba(0,0,0,0.6)' }} />
      </Box>
      <Slider value={split} onChange={setSplit} label={null} aria-label={t('photo.sliderLabel')} />
    </Stack>
  );
}

/** The before/after comparison of a course, view by view. */
export function PhotoComparePage() {
  const { t } = useTranslation();
  const { id: patientId = '', courseId = '' } = useParams();
  const v = useVocab();
  const session = useSession();
  const chart = useChart(patientId);
  const query = useQuery({ queryKey: ['patients', patientId, 'photo-comparison', courseId], queryFn: () => photos.comparison(courseId) });
  const [mode, setMode] = useState<'side' | 'slider'>('side');
  const [uploading, setUploading] = useState(false);

  if (query.isPending || chart.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (chart.isError) return <LoadError error={chart.error} />;
  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}/courses/${courseId}`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {t('course.title')}
          </Anchor>
        }
        title={t('photo.compareTitle')}
        actions={
          <>
            <SegmentedControl
              value={mode}
              onChange={(m) => setMode(m)}
              aria-label={t('photo.compare')}
              data={[
                { value: 'side', label: t('photo.sideBySide') },
                { value: 'slider', label: t('photo.slider') },
              ]}
            />
            {session.can('photos.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setUploading(true)}>
                {t('photo.upload')}
              </Button>
            )}
          </>
        }
      />
      {query.data.pairs.length === 0 && (
        <Paper p="xl">
          <Center>
            <Stack align="center" gap="xs">
              <IconPhoto size={32} color="var(--mantine-color-gray-5)" />
              <Text c="dimmed">{t('chart.empty.photos')}</Text>
            </Stack>
          </Center>
        </Paper>
      )}
      {query.data.pairs.map((pair) => (
        <Paper key={pair.view} p="lg">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {v(photoViews, pair.view)}
            </Title>
            {pair.daysApart !== null && <Badge variant="light">{t('photo.daysApart', { count: pair.daysApart })}</Badge>}
          </Group>
          <PairView pair={pair} mode={mode} />
        </Paper>
      ))}
      {uploading && <PhotoUploadModal chart={chart.data} courseId={courseId} onClose={() => setUploading(false)} />}
    </Stack>
  );
}
