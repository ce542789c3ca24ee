import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../api/auth.ts';
import { listUsers } from '../../api/users.ts';
import { IconPlus } from '../../components/icons.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { useMe } from '../../session/session.ts';
import { UserFormModal } from './UserFormModal.tsx';

const roleColor = { owner: 'grape', doctor: 'clinic', nurse: 'blue', reception: 'gray' } as const;

/** The clinic's users and their roles (owners). */
export function UsersSettings() {
  const { t } = useTranslation();
  const me = useMe();
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [editing, setEditing] = useState<UserRecord | 'new' | null>(null);

  if (users.isPending) return <PageLoader />;
  if (users.isError) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          {t('settings.users.add')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.users.name')}</Table.Th>
              <Table.Th>{t('settings.users.role')}</Table.Th>
              {/* On a tablet the language gives way to the rest; the user's form shows it. */}
              <Table.Th visibleFrom="lg">{t('settings.users.language')}</Table.Th>
              <Table.Th>{t('settings.users.totp')}</Table.Th>
              <Table.Th>{t('settings.users.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.items.map((u) => (
              <Table.Tr key={u.id} style={u.active ? undefined : { opacity: 0.6 }}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {u.displayName}
                    {u.id === me.user.id && (
                      <Text span c="dimmed" fw={400}>
                        {' '}
                        ({t('settings.users.you')})
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={roleColor[u.role]} variant="light">
                    {t(`roles.${u.role}`)}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="lg">{t(`languages.${u.language}`)}</Table.Td>
                <Table.Td>{u.totpEnabled ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>
                  <Badge color={u.active ? 'teal' : 'gray'} variant="dot">
                    {u.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="subtle" onClick={() => setEditing(u)} aria-label={`${t('common.edit')}: ${u.displayName}`}>
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
