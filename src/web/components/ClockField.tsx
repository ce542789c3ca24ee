import { TimePicker, type TimePickerProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * A time of day typed as 24-hour HH:mm, valued as "HH:mm" like a native time input. The browser's
 * own time input shows AM/PM wherever the system's locale says so, beside dates and times that the
 * rest of Mesochart writes in 24 hours.
 */
export function ClockField({ label, ...props }: Omit<TimePickerProps, 'format' | 'label'> & { label: string }) {
  const { t } = useTranslation();
  return <TimePicker format="24h" label={label} hoursInputLabel={`${label}: ${t('common.hours')}`} minutesInputLabel={`${label}: ${t('common.minutes')}`} {...props} />;
}
