// Toast messages, with a labelled close button (Mantine's has no text of its own).
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';

/** Shows a short message at the top of the screen, over the middle of the header. */
export function notify(message: string, options: { color?: string; id?: string; autoClose?: number } = {}): void {
  notifications.show({
    message,
    color: options.color ?? 'teal',
    autoClose: options.autoClose ?? 5000,
    closeButtonProps: { 'aria-label': i18next.t('common.close') },
    ...(options.id ? { id: options.id } : {}),
  });
}
