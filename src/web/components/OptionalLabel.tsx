import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A field label marked "optional" in small print, on the same line (so rows of fields line up). */
export function OptionalLabel({ children }: { children: string }) {
  const { t } = useTranslation();
  return (
    <>
      {children}{' '}
      <Text span size="xs" c="dimmed" fw={400}>
        ({t('common.optional')})
      </Text>
    </>
  );
}
