import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newTokenBody } from '../../../domain/api/auth.ts';
import { createToken, listTokens, listUsers, revokeToken } from '../../api/users.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { IconKey } from '../../components/icons.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { applyServerErrors, problemText, zodValidate } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useMe } from '../../session/session.ts';

/** API tokens of the clinic: create (shown once), list, revoke. */
export function TokensSettings() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['api-tokens'], queryFn: listTokens });
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [shown, setShown] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', userId: me.user.id },
    validate: zodValidate(newTokenBody, (v: { name: string }) => ({ name: v.name })),
  });

  const create = async (v: { name: string; userId: string }) => {
    setAlert(null);
    try {
      const made = await createToken({ name: v.name.trim(), userId: v.userId });
      setShown(made.token);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };
  const revoke = (id: string) =>
    revokeToken(id).then(
      () => queryClient.invalidateQueries({ queryKey: ['api-tokens'] }),
      (err: unknown) => setAlert(problemText(err)),
    );

  if (tokens.isPending || users.isPending) return <PageLoader />;
  if (tokens.isError) return <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />;
  const nameOf = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('settings.tokens.intro')}
      </Text>
      {alert && (
        <Alert color="red" variant="light" role="alert">
          {alert}
        </Alert>
      )}
      <form onSubmit={form.onSubmit((v) => create(v))} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label={t('settings.tokens.name')} required style={{ flex: '1 1 220px' }} {...form.getInputProps('name')} />
          <Select
            label={t('settings.tokens.user')}
            allowDeselect={false}
            data={(users.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName} · ${t(`roles.${u.role}`)}` }))}
            style={{ flex: '1 1 220px' }}
            {...form.getInputProps('userId')}
          />
          <Button type="submit" mt={25} leftSection={<IconKey size={18} />} loading={form.submitting}>
            {t('settings.tokens.create')}
          </Button>
        </Group>
      </form>
      {tokens.data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('settings.tokens.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table className="tabular">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.tokens.columns.name')}</Table.Th>
                <Table.Th>{t('settings.tokens.columns.user')}</Table.Th>
                <Table.Th>{t('settings.tokens.columns.created')}</Table.Th>
                <Table.Th>{t('settings.tokens.columns.lastUsed')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((tok) => (
                <Table.Tr key={tok.id}>
                  <Table.Td fw={600}>{tok.name}</Table.Td>
                  <Table.Td>{nameOf.get(tok.userId) ?? '—'}</Table.Td>
                  <Table.Td>{fmt.dateTime(tok.createdAt)}</Table.Td>
                  <Table.Td>{tok.lastUsedAt ? fmt.dateTime(tok.lastUsedAt) : t('settings.tokens.neverUsed')}</Table.Td>
                  <Table.Td ta="right">
                    {tok.revokedAt ? (
                      <Badge color="gray" variant="light">
                        {t('settings.tokens.revoked')}
                      </Badge>
                    ) : (
                      <ConfirmButton
                        size="xs"
                        color="red"
                        variant="subtle"
                        aria-label={`${t('settings.tokens.revoke')}: ${tok.name}`}
                        confirmLabel={t('settings.tokens.revoke')}
                        message={t('settings.tokens.revokeConfirm', { name: tok.name })}
                        onConfirm={() => revoke(tok.id)}
                      >
                        {t('settings.tokens.revoke')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('settings.tokens.createdTitle')} centered size="lg">
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            {t('settings.tokens.createdText')}
          </Alert>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {shown}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={shown ?? ''}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>}
            </CopyButton>
            <Button variant="default" onClick={() => setShown(null)}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
