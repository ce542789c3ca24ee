import { Alert, Box, Button, FileButton, Group, Image, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { photoUploadFields, PHOTO_PHASES } from '../../../domain/api/photos.ts';
import { indications, PHOTO_VIEW_CODES, photoViews, type PhotoView } from '../../../domain/vocabulary/index.ts';
import type { ChartView } from '../../api/chart.ts';
import { photos } from '../../api/records.ts';
import { IconCamera, IconFile, IconPhoto } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { PhotoGuide } from '../../components/PhotoGuide.tsx';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';

interface Values {
  view: string | null;
  phase: string | null;
  courseId: string | null;
  note: string;
}

/** Adds a photograph from a file or the tablet's camera, with the framing guide of its view over the preview. */
export function PhotoUploadModal({ chart, onClose, courseId }: { chart: ChartView; onClose: () => void; courseId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const courses = (chart.courses ?? []).filter((c) => c.status !== 'cancelled');
  const current = courseId ?? courses.find((c) => c.status === 'active' || c.status === 'awaiting-consent')?.id ?? null;
  const toFields = (x: Values) => ({ patientId: chart.patient.id, courseId: x.courseId ?? undefined, view: x.view ?? '', phase: x.phase ?? '', note: x.note.trim() || undefined });
  const form = useForm<Values>({
    initialValues: { view: 'front', phase: (chart.courses ?? []).find((c) => c.id === current)?.sessionsDone ? 'during-course' : 'baseline', courseId: current, note: '' },
    validate: zodValidate(photoUploadFields, toFields),
  });

  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const submit = async (x: Values) => {
    if (!file) return setAlert(t('validation.required'));
    setAlert(null);
    try {
      const fields = photoUploadFields.parse(toFields(x));
      await photos.upload({ ...fields, takenAt: new Date(file.lastModified || Date.now()).toISOString() }, file, file.name || 'photo.jpg');
      await queryClient.invalidateQueries({ queryKey: ['patients', chart.patient.id] });
      notify(t('photo.uploaded'));
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };
  const view = (form.getValues().view ?? 'front') as PhotoView;

  return (
    <Modal opened onClose={onClose} title={t('photo.uploadTitle')} size="xl" centered>
      <form onSubmit={form.onSubmit((x) => submit(x))} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap="sm">
            <Box pos="relative" bg="dark.7" style={{ aspectRatio: '3 / 4', borderRadius: 8, overflow: 'hidden' }}>
              {preview ? (
                <Image src={preview} alt={t('photo.file')} h="100%" fit="cover" />
              ) : (
                <Stack align="center" justify="center" h="100%" gap={6}>
                  <IconPhoto size={40} color="var(--mantine-color-gray-5)" />
                  <Text size="sm" c="gray.4" ta="center" px="md">
                    {t('photo.chooseFile')}
                  </Text>
                </Stack>
              )}
              <PhotoGuide view={view} />
            </Box>
            <Text size="xs" c="dimmed">
              {t('photo.guide')} {t('photo.fileHint')}
            </Text>
            {/* The camera on a tablet (a file chooser where there is none), or a file already taken. */}
            <Group gap="sm" grow>
              <FileButton onChange={setFile} accept="image/*" capture="environment">
                {(props) => (
                  <Button {...props} variant="light" leftSection={<IconCamera size={18} />}>
                    {t('photo.takePhoto')}
                  </Button>
                )}
              </FileButton>
              <FileButton onChange={setFile} accept="image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif">
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconFile size={18} />}>
                    {t('photo.chooseFileButton')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {file && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {file.name} ·{' '}
                {file.size < 1024 * 1024 ? t('photo.sizeKb', { size: fmt.number(Math.max(1, Math.round(file.size / 1024)), 0) }) : t('photo.sizeMb', { size: fmt.number(file.size / 1024 / 1024, 1) })}
              </Text>
            )}
          </Stack>
          <Stack gap="md">
            {alert && <Alert color="red" role="alert">{alert}</Alert>}
            <Select label={t('photo.view')} required searchable allowDeselect={false} data={PHOTO_VIEW_CODES.map((c) => ({ value: c, label: v(photoViews, c) }))} {...form.getInputProps('view')} />
            <Select label={t('photo.phase')} required allowDeselect={false} data={PHOTO_PHASES.map((p) => ({ value: p, label: t(`photo.phases.${p}`) }))} {...form.getInputProps('phase')} />
            <Select
              label={t('photo.course')}
              clearable
              placeholder={t('photo.noCourse')}
              data={courses.map((c) => ({ value: c.id, label: `${c.indications.map((i) => v(indications, i)).join(', ')} · ${fmt.date(c.startsOn)}` }))}
              {...form.getInputProps('courseId')}
            />
            <Textarea label={<OptionalLabel>{t('photo.note')}</OptionalLabel>} autosize minRows={2} {...form.getInputProps('note')} />
            <Group justify="flex-end" gap="sm" mt="auto">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} disabled={!file}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </SimpleGrid>
      </form>
    </Modal>
  );
}
