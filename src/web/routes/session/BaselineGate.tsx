import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartView } from '../../api/chart.ts';
import { photos } from '../../api/records.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { IconPhoto } from '../../components/icons.tsx';
import { problemText } from '../../forms/validation.ts';
import { useSession } from '../../session/session.ts';
import { PhotoUploadModal } from '../chart/PhotoUploadModal.tsx';

/**
 * The baseline-photo gate of a course's first session (a clinic setting): says what is missing and
 * offers to add the photos, or (a doctor) to proceed without them with a reason. Reports whether
 * the session may be saved.
 */
export function useBaselineGate(courseId: string) {
  return useQuery({ queryKey: ['courses', courseId, 'baseline-gate'], queryFn: () => photos.baselineGate(courseId) });
}

export function BaselineGate({ chart, courseId }: { chart: ChartView; courseId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const gate = useBaselineGate(courseId);
  const [uploading, setUploading] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!gate.data || gate.data.satisfied) {
    if (gate.data?.waiver)
      return (
        <Alert color="gray" variant="light">
          {t('sessionForm.waived', { reason: gate.data.waiver.reason })}
        </Alert>
      );
    return null;
  }
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['courses', courseId, 'baseline-gate'] });
  return (
    <Alert color="yellow" variant="light" icon={<IconPhoto size={20} />} role="status">
      <Text size="sm" fw={600}>
        {t('sessionForm.baselineNeeded')}
      </Text>
      {error && (
        <Text size="sm" c="red.9" mt={4}>
          {error}
        </Text>
      )}
      <Group gap="sm" mt="sm">
        {session.can('photos.write') && (
          <Button size="xs" onClick={() => setUploading(true)}>
            {t('sessionForm.addBaseline')}
          </Button>
        )}
        {session.can('sessions.override') && (
          <ConfirmButton
            size="xs"
            variant="default"
            color="clinic"
            confirmLabel={t('sessionForm.waive')}
            message={<Textarea label={t('sessionForm.waiveReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />}
            onConfirm={() => photos.waiveBaseline(courseId, reason.trim()).then(refresh, (err: unknown) => setError(problemText(err)))}
          >
            {t('sessionForm.waive')}
          </ConfirmButton>
        )}
      </Group>
      {uploading && (
        <PhotoUploadModal
          chart={chart}
          courseId={courseId}
          onClose={() => {
            setUploading(false);
            void refresh();
          }}
        />
      )}
    </Alert>
  );
}
