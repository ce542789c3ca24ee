import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { clinicZone, todayIn } from '../i18n/format.ts';
import { IconToday } from './icons.tsx';

/** Reads a typed date: 02.04.1985, 2.4.1985, 02/04/1985, 02041985 or 1985-04-02; null if not a real date. */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * A calendar date input: typed as DD.MM.YYYY (or picked), valued as YYYY-MM-DD like the API.
 * `upToToday`: no day after today in the clinic (a date of the past: onset, birth, session).
 */
export function DateField({ upToToday, ...props }: Omit<DateInputProps, 'valueFormat' | 'dateParser'> & { upToToday?: boolean }) {
  const { t } = useTranslation();
  return (
    <DateInput
      {...(upToToday ? { maxDate: todayIn(clinicZone()) } : {})}
      valueFormat="DD.MM.YYYY"
      dateParser={parseTypedDate}
      leftSection={<IconToday size={18} />}
      popoverProps={{ withinPortal: true }}
      previousLabel={t('common.previousMonth')}
      nextLabel={t('common.nextMonth')}
      {...props}
    />
  );
}
