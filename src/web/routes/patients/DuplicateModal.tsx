import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { updatePatient, type CreatedPatient } from '../../api/patients.ts';
import { IconAlert } from '../../components/icons.tsx';
import { fullName } from '../../components/patient-name.ts';
import { problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';

/**
 * The new record looks like one the clinic has: open the existing chart (archiving the new record,
 * which the server already saved) or keep both.
 */
export function DuplicateModal({ created, onClose }: { created: CreatedPatient; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const useExisting = async (id: string) => {
    setBusy(id);
    try {
      await updatePatient(created.id, { archived: true });
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      void navigate(`/patients/${id}`);
    } catch (err) {
      setError(problemText(err));
      setBusy(null);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('register.duplicateTitle')} size="lg" centered>
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlert size={18} />}>
          {t('register.duplicateText')}
        </Alert>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {created.possibleDuplicates.map((d) => (
          <Paper key={d.id} p="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <div>
                <Text fw={600}>{fullName(d)}</Text>
                <Text size="sm" c="dimmed">
                  {fmt.date(d.birthDate)}
                  {d.phone ? ` · ${d.phone}` : ''}
                </Text>
                <Badge mt={6} variant="light" color="yellow">
                  {d.reason === 'phone' ? t('register.reasonPhone') : t('register.reasonNameAndBirthDate')}
                </Badge>
              </div>
              <Button variant="light" loading={busy === d.id} disabled={busy !== null && busy !== d.id} onClick={() => void useExisting(d.id)}>
                {t('register.useExisting')}
              </Button>
            </Group>
          </Paper>
        ))}
        <Group justify="flex-end">
          <Button onClick={onClose} disabled={busy !== null}>
            {t('register.keepBoth')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
