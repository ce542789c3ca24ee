import { Alert, Badge, Button, Code, CopyButton, Group, Image, PinInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSVG } from 'uqr';
import { enableTotp, startTotp } from '../../api/auth.ts';
import { IconShield } from '../../components/icons.tsx';
import { problemText } from '../../forms/validation.ts';
import { useMe, useSession } from '../../session/session.ts';

function CopyValue({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="light" onClick={copy}>
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      )}
    </CopyButton>
  );
}

/** The user's own account: interface language and the second factor. */
export function ProfileSettings() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const session = useSession();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const begin = async () => {
    setError(null);
    setBusy(true);
    try {
      setSetup(await startTotp());
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const finish = async (value: string) => {
    setError(null);
    setBusy(true);
    try {
      await enableTotp(value);
      setSetup(null);
      await session.refresh();
    } catch (err) {
      setError(problemText(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xl" maw={720}>
      <Stack gap="xs">
        <Title order={2} size="h4" id="language-label">
          {t('settings.profile.language')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.profile.languageHint')}
        </Text>
        <SegmentedControl
          aria-labelledby="language-label"
          value={i18n.language === 'ru' ? 'ru' : 'en'}
          onChange={(v) => void session.setLanguage(v)}
          data={[
            { value: 'en', label: t('languages.en') },
            { value: 'ru', label: t('languages.ru') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>

      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4">
            {t('settings.profile.security')}
          </Title>
          {me.user.totpEnabled && (
            <Badge color="teal" variant="light" leftSection={<IconShield size={12} />}>
              {t('common.active')}
            </Badge>
          )}
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {me.user.totpEnabled ? (
          <Text size="sm">{t('settings.profile.totpOn')}</Text>
        ) : setup === null ? (
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('settings.profile.totpOff')}</Text>
            <Button onClick={() => void begin()} loading={busy} leftSection={<IconShield size={18} />}>
              {t('settings.profile.totpStart')}
            </Button>
          </Stack>
        ) : (
          <Stack gap="md">
            <Text size="sm">1. {t('settings.profile.totpStep1')}</Text>
            {/* Typing a 32-letter key into a phone is where set-ups fail: the app scans this instead. */}
            <Image src={`data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(setup.uri))}`} alt={t('settings.profile.totpQr')} w={184} h={184} bg="white" p={4} radius="sm" />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('settings.profile.totpUri')}
              </Text>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                  {setup.uri}
                </Code>
                <CopyValue value={setup.uri} />
              </Group>
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('settings.profile.totpSecret')}
              </Text>
              <Group gap="sm">
                <Code fz="md" style={{ letterSpacing: '0.12em' }}>
                  {setup.secret}
                </Code>
                <CopyValue value={setup.secret} />
              </Group>
            </Stack>
            <Text size="sm">2. {t('settings.profile.totpStep2')}</Text>
            <Group gap="md" align="center">
              <PinInput length={6} type="number" oneTimeCode value={code} onChange={setCode} ariaLabel={t('settings.profile.totpCode')} onComplete={(v) => void finish(v)} />
              <Button onClick={() => void finish(code)} loading={busy} disabled={code.length !== 6}>
                {t('settings.profile.totpEnable')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
