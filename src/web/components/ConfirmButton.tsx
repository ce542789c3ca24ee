import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A button whose action runs only after the user confirms it in a dialog. */
export function ConfirmButton({
  children,
  message,
  confirmLabel,
  onConfirm,
  'aria-label': ariaLabel,
  ...button
}: ButtonProps & { children: ReactNode; message: ReactNode; confirmLabel: string; onConfirm: () => Promise<unknown> | void; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button {...button} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={confirmLabel} centered>
        <Stack gap="lg">
          {typeof message === 'string' ? <Text size="sm">{message}</Text> : message}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={button.color ?? 'red'}
              loading={busy}
              onClick={() => {
                setBusy(true);
                void Promise.resolve(onConfirm()).finally(() => {
                  setBusy(false);
                  setOpen(false);
                });
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
