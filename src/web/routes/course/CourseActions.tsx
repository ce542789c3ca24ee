import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelCourseBody } from '../../../domain/api/courses.ts';
import type { ChartCourse } from '../../api/chart.ts';
import { courses } from '../../api/clinical.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { notify } from '../../components/notify.ts';
import { applyServerErrors, problemText, zodValidate } from '../../forms/validation.ts';
import { useSession } from '../../session/session.ts';
import { afterRecordChange } from '../../api/invalidate.ts';

/** After a change of the course's status: the chart reads it again, the user hears it. */
function useChanged(patientId: string) {
  const queryClient = useQueryClient();
  return async (message: string) => {
    await afterRecordChange(queryClient, patientId);
    notify(message);
  };
}

/** Cancels a course, with the reason the record keeps. */
function CancelCourseModal({ course, onClose }: { course: ChartCourse; onClose: () => void }) {
  const { t } = useTranslation();
  const changed = useChanged(course.patientId);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({ initialValues: { reason: '' }, validate: zodValidate(cancelCourseBody, (x: { reason: string }) => x) });
  return (
    <Modal opened onClose={onClose} title={t('course.cancel')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={form.onSubmit(async ({ reason }) => {
          setAlert(null);
          try {
            await courses.cancel(course.id, reason.trim());
            await changed(t('courseEdit.cancelled'));
            onClose();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('courseEdit.cancelText')}</Text>
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Textarea label={t('course.cancelReason')} required autosize minRows={2} maxLength={1000} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('courseEdit.keepCourse')}
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              {t('course.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Completing and cancelling a course that is not finished, for a role that plans courses. */
export function CourseActions({ course, onError }: { course: ChartCourse; onError: (message: string | null) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const changed = useChanged(course.patientId);
  const [cancelling, setCancelling] = useState(false);
  const open = course.status === 'active' || course.status === 'awaiting-consent' || course.status === 'draft';
  if (!open || !session.can('courses.plan')) return null;
  return (
    <>
      {/* The server completes only a course that has had sessions; one without is cancelled instead. */}
      {course.sessionsDone > 0 && (
        <ConfirmButton
          variant="default"
          color="clinic"
          confirmLabel={t('course.complete')}
          message={t('courseEdit.completeText', { count: course.sessionsDone, planned: course.plannedSessions })}
          onConfirm={async () => {
            onError(null);
            try {
              await courses.complete(course.id);
              await changed(t('courseEdit.completed'));
            } catch (err) {
              onError(problemText(err));
            }
          }}
        >
          {t('course.complete')}
        </ConfirmButton>
      )}
      <Button variant="subtle" color="red" onClick={() => setCancelling(true)}>
        {t('course.cancel')}
      </Button>
      {cancelling && <CancelCourseModal course={course} onClose={() => setCancelling(false)} />}
    </>
  );
}
