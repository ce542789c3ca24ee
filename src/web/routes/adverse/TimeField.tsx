import { Button, Group, Input } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { nowLocal } from './times.ts';

interface Props {
  label: string;
  /** YYYY-MM-DDTHH:mm in local time, '' for none (as times.ts reads and writes it). */
  value?: string;
  onChange: (value: string) => void;
  onNow: (value: string) => void;
  error?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  style?: CSSProperties;
  onFocus?: () => void;
  onBlur?: () => void;
}

/**
 * An instant of an emergency: the day typed as DD.MM.YYYY and the time in 24 hours, as every other
 * date and time of Mesochart (the browser's own date-time input shows AM/PM and the system's date
 * order), with a button that sets both to now — in an emergency the time is "now" far more often
 * than not. A time typed before any day is taken as today's.
 */
export function TimeField({ label, value = '', onChange, onNow, error, disabled, required, style, onFocus, onBlur }: Props) {
  const { t } = useTranslation();
  const day = /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
  const time = /T\d{2}:\d{2}/.test(value) ? value.slice(11, 16) : '';
  const set = (d: string | null, hhmm: string) => onChange(d ? `${d}T${hhmm || '00:00'}` : hhmm ? `${nowLocal().slice(0, 10)}T${hhmm}` : '');
  return (
    <Input.Wrapper label={label} labelElement="div" required={required} error={error} style={style}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <DateField
          aria-label={`${label}: ${t('common.day')}`}
          value={day}
          onChange={(d) => set(d, time)}
          error={Boolean(error)}
          disabled={disabled}
          upToToday
          style={{ flex: '1 1 136px', minWidth: 136 }}
          {...(onFocus ? { onFocus } : {})}
          {...(onBlur ? { onBlur } : {})}
        />
        <TimePicker
          format="24h"
          aria-label={`${label}: ${t('common.time')}`}
          hoursInputLabel={`${label}: ${t('common.hours')}`}
          minutesInputLabel={`${label}: ${t('common.minutes')}`}
          value={time}
          onChange={(hhmm) => set(day, hhmm)}
          error={Boolean(error)}
          disabled={disabled}
          style={{ flex: '0 0 88px' }}
        />
        {!disabled && (
          <Button variant="subtle" size="sm" px={8} style={{ flex: 'none' }} onClick={() => onNow(nowLocal())} aria-label={`${t('checklist.now')}: ${label}`}>
            {t('checklist.now')}
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  );
}
