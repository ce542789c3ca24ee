import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kitItems } from '../../api/kit-items.ts';
import { kit, type KitAnswer } from '../../api/safety.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateField } from '../../components/DateField.tsx';
import { IconAlert, IconCheck, IconPlus } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../../session/session.ts';
import { KitItemModal } from './KitItemModal.tsx';

// A status keeps its whole text: Mantine cuts a badge label that a narrow column squeezes.
const unclipped = { label: { overflow: 'visible' } } as const;

const stateColor = { ok: 'teal', expiring: 'orange', expired: 'red', missing: 'red' } as const;

type Item = KitAnswer['items'][number];

/** A check of the whole kit: each item present or not, its expiry as read on the package. */
function CheckModal({ items, onClose }: { items: Item[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(items.map((i) => ({ itemId: i.id, present: i.present, expiresOn: i.expiresOn })));
  const [notes, setNotes] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await kit.check({ items: rows.map((r) => ({ itemId: r.itemId, present: r.present, expiresOn: r.expiresOn })), ...(notes.trim() ? { notes: notes.trim() } : {}) });
      await queryClient.invalidateQueries({ queryKey: ['emergency-kit'] });
      await queryClient.invalidateQueries({ queryKey: ['today'] });
      notify(t('kit.checked'));
      onClose();
    } catch (err) {
      setAlert(problemText(err));
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('kit.check')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        {alert && <Alert color="red" role="alert">{alert}</Alert>}
        {items.map((item, i) => (
          <Group key={item.id} justify="space-between" wrap="nowrap" gap="sm">
            <Checkbox
              label={item.name}
              checked={rows[i]?.present ?? false}
              onChange={(e) => {
                const present = e.currentTarget.checked;
                setRows(rows.map((r, j) => (j === i ? { ...r, present } : r)));
              }}
            />
            <DateField
              aria-label={`${t('kit.expires')}: ${item.name}`}
              w={150}
              size="xs"
              value={rows[i]?.expiresOn ?? null}
              onChange={(d) => setRows(rows.map((r, j) => (j === i ? { ...r, expiresOn: d } : r)))}
            />
          </Group>
        ))}
        <Textarea label={t('kit.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('kit.saveCheck')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The anti-shock kit: ready for sessions or not and why, its items (added, changed, removed), and its checks. */
export function KitTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['emergency-kit'], queryFn: kit.get });
  const [checking, setChecking] = useState(false);
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const { state, items, lastCheck } = query.data;
  const canManage = session.can('emergency-kit.manage');
  const remove = async (item: Item) => {
    try {
      await kitItems.remove(item.id);
      await queryClient.invalidateQueries({ queryKey: ['emergency-kit'] });
      await queryClient.invalidateQueries({ queryKey: ['today'] });
      notify(t('kit.itemRemoved', { name: item.name }));
    } catch (err) {
      notify(problemText(err), { color: 'red' });
    }
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Alert color={state.ready ? 'teal' : 'red.9'} variant={state.ready ? 'light' : 'filled'} icon={state.ready ? <IconCheck size={18} /> : <IconAlert size={18} />} style={{ flex: 1, minWidth: 260 }}>
          <Text size="sm" fw={600}>
            {state.ready ? t('today.kitReady') : t('today.kitNotReady')}
          </Text>
          {state.missing.length > 0 && <Text size="sm">{t('kit.missing', { items: state.missing.map((m) => m.name).join(', ') })}</Text>}
          {state.expired.length > 0 && <Text size="sm">{t('kit.expired', { items: state.expired.map((m) => m.name).join(', ') })}</Text>}
          {lastCheck ? (
            <Text size="xs" mt={4}>
              {t('kit.lastCheck', { date: fmt.dateTime(lastCheck.checkedAt) })}
            </Text>
          ) : (
            <Text size="xs" mt={4}>
              {t('kit.neverChecked')}
            </Text>
          )}
        </Alert>
        {canManage && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('kit.addItem')}
            </Button>
            {items.length > 0 && <Button onClick={() => setChecking(true)}>{t('kit.check')}</Button>}
          </Group>
        )}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('kit.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table className="tabular" verticalSpacing="sm" horizontalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kit.item')}</Table.Th>
                <Table.Th>{t('catalog.columns.lot')}</Table.Th>
                <Table.Th>{t('kit.expires')}</Table.Th>
                <Table.Th>{t('catalog.columns.status')}</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {i.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[t(`kit.kinds.${i.kind}`), i.required ? t('kit.required') : null, i.quantity !== null ? t('kit.quantityValue', { n: i.quantity }) : null].filter(Boolean).join(' · ')}
                    </Text>
                    {i.notes && (
                      <Text size="xs" c="dimmed">
                        {i.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.lot ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.expiresOn ? fmt.date(i.expiresOn) : '—'}</Table.Td>
                  <Table.Td>
                    <Badge styles={unclipped} variant={i.state === 'ok' ? 'light' : 'filled'} color={i.state === 'ok' ? stateColor.ok : i.state === 'expiring' ? 'orange.9' : 'red.9'}>
                      {t(`kit.states.${i.state}`)}
                    </Badge>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(i)} aria-label={`${t('common.edit')}: ${i.name}`}>
                          {t('common.edit')}
                        </Button>
                        <ConfirmButton
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={`${t('kit.remove')}: ${i.name}`}
                          confirmLabel={t('kit.remove')}
                          message={i.required ? t('kit.removeRequiredConfirm', { name: i.name }) : t('kit.removeConfirm', { name: i.name })}
                          onConfirm={() => remove(i)}
                        >
                          {t('kit.remove')}
                        </ConfirmButton>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {checking && <CheckModal items={items} onClose={() => setChecking(false)} />}
      {editing && <KitItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
