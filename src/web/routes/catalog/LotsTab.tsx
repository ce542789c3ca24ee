import { Badge, Button, Group, Menu, Progress, SegmentedControl, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lots, type LotRecord } from '../../api/catalog.ts';
import { useProducts } from '../../api/use-catalog.ts';
import { IconPlus } from '../../components/icons.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { AdjustModal, MovementsModal, ReceiveLotModal, RecallModal } from './lot-modals.tsx';
import { RecipientsModal } from './RecipientsModal.tsx';

const statusColor = { usable: 'teal', empty: 'gray', expired: 'red', recalled: 'red' } as const;
type Filter = 'all' | 'usable' | 'expiring';
type Open = { kind: 'receive' } | { kind: 'adjust' | 'recall' | 'movements' | 'recipients'; lot: LotRecord } | null;

/** Lots in stock with their expiry (soonest first), stock levels, and receiving, correcting and recalling. */
export function LotsTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<Open>(null);
  const query = useQuery({
    queryKey: ['lots', filter],
    queryFn: () => lots.list(filter === 'usable' ? { usable: true } : filter === 'expiring' ? { expiringWithinDays: 60 } : {}),
  });
  const canWrite = session.can('inventory.write');
  // A lot carries its product's English name; the catalog has the name in the interface language.
  const lang = useLang();
  const products = useProducts();
  const named = (l: LotRecord): LotRecord => {
    const p = products.data?.items.find((x) => x.id === l.productId);
    return p ? { ...l, productName: localName(p, lang) } : l;
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label={t('catalog.tabs.lots')}
          value={filter}
          onChange={(f) => setFilter(f)}
          data={(['all', 'usable', 'expiring'] as const).map((f) => ({ value: f, label: t(`catalog.filter.${f}`) }))}
        />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen({ kind: 'receive' })}>
            {t('catalog.receive')}
          </Button>
        )}
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('catalog.noLots')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table className="tabular" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.columns.product')}</Table.Th>
                <Table.Th>{t('catalog.columns.lot')}</Table.Th>
                <Table.Th>{t('catalog.columns.expires')}</Table.Th>
                <Table.Th>{t('catalog.columns.stock')}</Table.Th>
                <Table.Th>{t('catalog.columns.status')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items
                .map(named)
                .sort((a, b) => a.expires.localeCompare(b.expires))
                .map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {l.productName}
                      </Text>
                      {l.supplier && (
                        <Text size="xs" c="dimmed">
                          {l.supplier}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>#{l.lot}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{fmt.date(l.expires)}</Text>
                      <Text size="xs" c={l.expired ? 'red.9' : l.expiresInDays <= 60 ? 'var(--mantine-color-orange-light-color)' : 'dimmed'} fw={l.expiresInDays <= 60 ? 600 : 400}>
                        {l.expired ? t('catalog.expiredAgo') : t('catalog.expiresIn', { count: l.expiresInDays })}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={120}>
                      <Text size="sm">
                        {fmt.number(l.quantity, 2)} / {t('course.mlValue', { ml: fmt.number(l.quantityReceived, 2) })}
                      </Text>
                      <Progress value={(100 * l.quantity) / Math.max(l.quantityReceived, 0.01)} size="xs" mt={4} aria-label={t('catalog.columns.stock')} color={l.quantity <= 0 ? 'gray' : 'clinic'} />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant={l.status === 'recalled' ? 'filled' : 'light'} color={l.status === 'recalled' ? 'red.9' : statusColor[l.status]}>
                        {t(`catalog.lotStatus.${l.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <UnstyledButton aria-label={`${t('common.actions')}: ${l.productName} #${l.lot}`} px={8} style={{ borderRadius: 6 }}>
                            <Text size="lg" c="dimmed" aria-hidden="true">
                              ⋯
                            </Text>
                          </UnstyledButton>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setOpen({ kind: 'movements', lot: l })}>{t('catalog.movements')}</Menu.Item>
                          {session.can('lots.trace') && <Menu.Item onClick={() => setOpen({ kind: 'recipients', lot: l })}>{t('catalog.recipients')}</Menu.Item>}
                          {canWrite && <Menu.Item onClick={() => setOpen({ kind: 'adjust', lot: l })}>{t('catalog.adjust')}</Menu.Item>}
                          {session.can('lots.recall') && !l.recalled && (
                            <Menu.Item color="red" onClick={() => setOpen({ kind: 'recall', lot: l })}>
                              {t('catalog.recall')}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open?.kind === 'receive' && <ReceiveLotModal onClose={() => setOpen(null)} />}
      {open?.kind === 'adjust' && <AdjustModal lot={open.lot} onClose={() => setOpen(null)} />}
      {open?.kind === 'recall' && <RecallModal lot={open.lot} onClose={() => setOpen(null)} onRecalled={() => setOpen({ kind: 'recipients', lot: open.lot })} />}
      {open?.kind === 'recipients' && <RecipientsModal lot={open.lot} onClose={() => setOpen(null)} />}
      {open?.kind === 'movements' && <MovementsModal lot={open.lot} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
