import { Alert, Box, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Capability } from '../../domain/permissions.ts';
import { problemText } from '../forms/validation.ts';
import { useSession } from '../session/session.ts';
import { IconAlert } from './icons.tsx';

/** The title row of a screen, with its main actions on the right. */
export function PageHeader({ title, subtitle, actions, before }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; before?: ReactNode }) {
  return (
    <Box mb="lg">
      {before}
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" mt={4}>
              {subtitle}
            </Text>
          )}
        </div>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Box>
  );
}

/** A centred spinner while a screen or its data loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py={80} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load, with a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('errors.title')} icon={<IconAlert size={18} />} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{problemText(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Renders the children only for a role holding the capability; otherwise says why not. */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.can(capability)) return <>{children}</>;
  const role = session.me ? t(`roles.${session.me.user.role}`) : '';
  return (
    <Alert color="gray" variant="light" title={t('errors.forbidden')} icon={<IconAlert size={18} />}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('errors.forbiddenScreen', { role })}</Text>
        <Button component={Link} to="/" size="xs" variant="light" color="gray">
          {t('errors.goHome')}
        </Button>
      </Stack>
    </Alert>
  );
}
