import { Alert, Box, Button, Group, List, Paper, PasswordInput, PinInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import { IconAudit, IconCheck, IconShield } from '../components/icons.tsx';
import { LanguageMenu } from '../components/LanguageMenu.tsx';
import { Logo } from '../components/Logo.tsx';
import { applyServerErrors, problemText } from '../forms/validation.ts';
import { useSession } from '../session/session.ts';
import classes from './LoginPage.module.css';

interface Values {
  email: string;
  password: string;
  totp: string;
}

const toBody = (v: Values) => ({ email: v.email.trim().toLowerCase(), password: v.password, ...(v.totp ? { totp: v.totp } : {}) });

// The login screen is the first load, so it checks presence only and leaves the zod schema (and
// its weight) to the server, whose field errors land on the same inputs.
function validate(v: Values, t: (k: 'validation.required' | 'validation.email') => string) {
  return {
    email: v.email.trim() === '' ? t('validation.required') : /^[^@\s]+@[^@\s]+$/.test(v.email.trim()) ? null : t('validation.email'),
    password: v.password === '' ? t('validation.required') : null,
  };
}

/** Sign-in, with the second factor when the account has it; also the screen after an idle timeout. */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const form = useForm<Values>({
    initialValues: { email: session.lastEmail ?? '', password: '', totp: '' },
    validate: (v) => validate(v, t),
  });

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await session.signIn(await login(toBody(values)));
    } catch (err) {
      if (err instanceof ApiError && err.slug === 'totp-required') {
        setNeedTotp(true);
      } else if (err instanceof ApiError && err.slug === 'invalid-credentials') {
        if (needTotp && values.totp) {
          setError(t('login.totpWrong'));
          form.setFieldValue('totp', '');
        } else {
          setError(t('login.wrongCredentials'));
          form.setFieldValue('password', '');
          passwordRef.current?.focus();
        }
      } else if (err instanceof ApiError && err.slug === 'account-locked') {
        const seconds = Number(err.problem.retryAfterSeconds ?? 60);
        setError(t('login.locked', { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
      } else if (err instanceof ApiError && err.status === 429) {
        setError(t('login.rateLimited'));
      } else if (err instanceof ApiError && err.status === 400) {
        setError(applyServerErrors(form, err));
      } else {
        setError(problemText(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box className={classes.page}>
      <Box component="aside" className={classes.brand} visibleFrom="md">
        <Stack gap="xl" maw={420}>
          <Logo size={40} inverted />
          <Title order={2} className={classes.brandTitle}>
            {t('app.tagline')}
          </Title>
          <List spacing="md" center icon={<ThemeIcon radius="xl" size={28} color="white" variant="white" c="clinic.8"><IconCheck size={16} /></ThemeIcon>}>
            <List.Item>{t('login.features.safety')}</List.Item>
            <List.Item icon={<ThemeIcon radius="xl" size={28} variant="white" c="clinic.8"><IconShield size={16} /></ThemeIcon>}>{t('login.features.records')}</List.Item>
            <List.Item icon={<ThemeIcon radius="xl" size={28} variant="white" c="clinic.8"><IconAudit size={16} /></ThemeIcon>}>{t('login.features.audit')}</List.Item>
          </List>
        </Stack>
      </Box>
      <Box className={classes.formSide}>
        <Group justify="space-between" className={classes.top}>
          <Box hiddenFrom="md">
            <Logo />
          </Box>
          <Box ml="auto">
            <LanguageMenu />
          </Box>
        </Group>
        <Paper component="main" className={classes.card} p={{ base: 'lg', sm: 'xl' }} shadow="sm">
          <Stack gap="lg">
            <div>
              <Title order={1} size="h2">
                {t('login.title')}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('login.subtitle')}
              </Text>
            </div>
            {session.status === 'expired' && (
              <Alert color="yellow" variant="light" role="status">
                {t('login.expired')}
              </Alert>
            )}
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
              <Stack gap="md">
                <TextInput label={t('login.email')} type="email" autoComplete="username" required size="md" data-autofocus={!session.lastEmail || undefined} autoFocus={!session.lastEmail} {...form.getInputProps('email')} />
                <PasswordInput
                  ref={passwordRef}
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  size="md"
                  autoFocus={Boolean(session.lastEmail)}
                  {...form.getInputProps('password')}
                />
                {needTotp && (
                  <Stack gap={6}>
                    <Text component="label" htmlFor="totp" size="sm" fw={500}>
                      {t('login.totp')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('login.totpHint')}
                    </Text>
                    <PinInput
                      id="totp"
                      length={6}
                      type="number"
                      oneTimeCode
                      autoFocus
                      size="md"
                      ariaLabel={t('login.totp')}
                      {...form.getInputProps('totp')}
                      onComplete={(code) => void submit({ ...form.getValues(), totp: code })}
                    />
                  </Stack>
                )}
                <Button type="submit" size="md" loading={busy} fullWidth mt="xs">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="lg">
          Mesochart
        </Text>
      </Box>
    </Box>
  );
}
