import { Card, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Capability } from '../../../domain/permissions.ts';
import { PageHeader } from '../../components/Page.tsx';
import { useSession } from '../../session/session.ts';
import { ClinicSettings } from './ClinicSettings.tsx';
import { ConsentTemplatesSettings } from './ConsentTemplatesSettings.tsx';
import { ProfileSettings } from './ProfileSettings.tsx';
import { SafetySettings } from './SafetySettings.tsx';
import { TokensSettings } from './TokensSettings.tsx';
import { UsersSettings } from './UsersSettings.tsx';

const tabs = ['profile', 'users', 'tokens', 'clinic', 'consents'] as const;
type Tab = (typeof tabs)[number];

/** Who sees a tab (the server checks again on every call). */
const capabilityOf = { profile: 'self', users: 'users.manage', tokens: 'users.manage', clinic: 'clinic.manage', consents: 'consent-templates.read' } as const satisfies Record<Tab, Capability>;

/** The user's own account for everyone; users, roles, API tokens and clinic rules for owners; consent templates for the clinical team (edited by owners). */
export function SettingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const { tab } = useParams();
  const allowed = tabs.filter((x) => session.can(capabilityOf[x]));
  const current: Tab = allowed.find((x) => x === tab) ?? 'profile';
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader title={t('settings.title')} />
      <Tabs value={current} onChange={(v) => void navigate(v === 'profile' ? '/settings' : `/settings/${v ?? ''}`)} keepMounted={false} variant="outline">
        {allowed.length > 1 && (
          <Tabs.List>
            {allowed.map((x) => (
              <Tabs.Tab key={x} value={x}>
                {t(`settings.tabs.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        )}
        <Card p={{ base: 'md', sm: 'xl' }} style={allowed.length > 1 ? { borderTopLeftRadius: 0, borderTop: 0 } : undefined}>
          <Tabs.Panel value="profile">
            <ProfileSettings />
          </Tabs.Panel>
          <Tabs.Panel value="users">
            <UsersSettings />
          </Tabs.Panel>
          <Tabs.Panel value="tokens">
            <TokensSettings />
          </Tabs.Panel>
          <Tabs.Panel value="clinic">
            <Stack gap="xl">
              <ClinicSettings />
              <SafetySettings />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="consents">
            <ConsentTemplatesSettings />
          </Tabs.Panel>
        </Card>
      </Tabs>
    </Stack>
  );
}
