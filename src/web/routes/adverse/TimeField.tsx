import { Button, TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { nowLocal } from './times.ts';

/**
 * A date and time typed in local time (the browser's own picker), with a button inside the field
 * that sets it to now: in an emergency the time is "now" far more often than not.
 */
export function TimeField({ onNow, disabled, ...props }: Omit<TextInputProps, 'type'> & { onNow: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="datetime-local"
      disabled={disabled}
      rightSectionWidth={disabled ? undefined : 64}
      rightSectionPointerEvents="all"
      rightSection={
        disabled ? undefined : (
          <Button variant="subtle" size="compact-xs" onClick={() => onNow(nowLocal())} aria-label={`${t('checklist.now')}: ${typeof props.label === 'string' ? props.label : ''}`}>
            {t('checklist.now')}
          </Button>
        )
      }
      {...props}
    />
  );
}
