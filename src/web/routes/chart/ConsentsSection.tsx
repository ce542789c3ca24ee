import { Anchor, Badge, Button, Center, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ChartView } from '../../api/chart.ts';
import { consents as consentsApi } from '../../api/records.ts';
import { IconFile, IconPlus } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { problemText } from '../../forms/validation.ts';
import { useProductName } from '../../api/use-catalog.ts';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../../session/session.ts';

export const consentStatusColor = { draft: 'yellow', signed: 'teal', withdrawn: 'red', superseded: 'gray' } as const;

/** The patient's consents, newest first, each opening its text, signatures and PDF. */
export function ConsentsSection({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // A consent names its products by catalog code; the reader wants their names.
  const productName = useProductName();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const consents = [...(chart.consents ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const photoConsent = async (use: 'clinical' | 'teaching') => {
    setBusy(true);
    try {
      const made = await consentsApi.producePhotoUse(chart.patient.id, use);
      await queryClient.invalidateQueries({ queryKey: ['patients', chart.patient.id] });
      void navigate(`/patients/${chart.patient.id}/consents/${made.id}`);
    } catch (err) {
      notify(problemText(err), { color: 'red' });
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      {session.can('consents.manage') && !chart.patient.archived && (
        <Group justify="flex-end">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="light" leftSection={<IconPlus size={16} />} loading={busy}>
                {t('consent.requestPhotoConsent')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['clinical', 'teaching'] as const).map((use) => (
                <Menu.Item key={use} onClick={() => void photoConsent(use)}>
                  {t(`consent.photoUse.${use}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
      {consents.length === 0 && (
        <Center py={40}>
          <Text c="dimmed">{t('chart.empty.consents')}</Text>
        </Center>
      )}
      {consents.map((c) => {
        const status = (c.status in consentStatusColor ? c.status : 'draft') as keyof typeof consentStatusColor;
        return (
          <Paper key={c.id} p="md">
            <Group justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <IconFile size={22} color="var(--mantine-color-dimmed)" />
                <div>
                  <Anchor component={Link} to={`/patients/${chart.patient.id}/consents/${c.id}`} fw={600}>
                    {t(`consent.kinds.${c.kind as 'treatment'}`, { defaultValue: c.kind })}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {c.sessions !== null && c.productCodes.length > 0 ? t('consent.covers', { sessions: c.sessions, products: c.productCodes.map(productName).join(', ') }) : ''}
                    {c.photoUse ? t(`consent.photoUse.${c.photoUse as 'clinical'}`) : ''}
                    {c.signedAt ? ` · ${t('consent.signedOn', { date: fmt.dateTime(c.signedAt) })}` : ''}
                  </Text>
                </div>
              </Group>
              <Badge color={consentStatusColor[status]} variant="light">
                {t(`consent.statuses.${status}`)}
              </Badge>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
