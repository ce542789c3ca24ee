import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amendmentBody } from '../../../domain/api/sessions.ts';
import { sessions, type SessionRecord } from '../../api/clinical.ts';
import { notify } from '../../components/notify.ts';
import { fieldMessage, problemText } from '../../forms/validation.ts';

/** Corrects a signed session's notes by an amendment: the signed record stays, the change and its reason are added. */
export function AmendModal({ session, onClose }: { session: SessionRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState((session.amended ?? session).notes ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const parsed = amendmentBody.safeParse({ reason, changes: { notes: notes.trim() === '' ? null : notes.trim() } });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path.at(-1) ?? i.path[0]), fieldMessage(i.message)])));
      return;
    }
    setBusy(true);
    try {
      await sessions.amend(session.id, parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['sessions', session.id] });
      notify(t('session.amended'));
      onClose();
    } catch (err) {
      setAlert(problemText(err));
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('session.amend')} size="lg" centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('session.signHint')}
        </Text>
        {alert && <Alert color="red" role="alert">{alert}</Alert>}
        <Textarea label={t('session.notes')} autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <Textarea label={t('session.amendReason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
