import { Anchor, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { substanceClasses } from '../../../domain/vocabulary/index.ts';
import { catalog, type Product } from '../../api/catalog.ts';
import { useProducts } from '../../api/use-catalog.ts';
import { IconPlus } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { ProductModal } from './ProductModal.tsx';

// Long labels (a substance's full name, "not for intradermal use") wrap inside the badge rather than being cut.
const wrapping = { root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.35, paddingBlock: 2, textAlign: 'left' } } as const;

const registrationColor = { registered: 'teal', pending: 'yellow', expired: 'red', revoked: 'red', 'not-registered': 'red' } as const;

/** The products of the catalog with composition, registration and route. */
export function ProductsTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLang();
  const v = useVocab();
  const session = useSession();
  const queryClient = useQueryClient();
  const products = useProducts();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const canWrite = session.can('catalog.write');
  const [busy, setBusy] = useState(false);

  if (products.isPending) return <PageLoader />;
  if (products.isError) return <LoadError error={products.error} onRetry={() => void products.refetch()} />;
  const importStarter = async () => {
    setBusy(true);
    try {
      const r = await catalog.importStarter();
      notify(t('catalog.imported', { products: r.products.created, templates: r.templates.created }));
      await queryClient.invalidateQueries({ queryKey: ['catalog'] });
      await queryClient.invalidateQueries({ queryKey: ['lots'] });
    } catch (err) {
      notify(problemText(err), { color: 'red' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="md">
      <Group justify="flex-end" gap="sm">
        {session.can('catalog.import') && (
          <Button variant="default" onClick={() => void importStarter()} loading={busy}>
            {t('catalog.importStarter')}
          </Button>
        )}
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('catalog.addProduct')}
          </Button>
        )}
      </Group>
      {products.data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('catalog.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="sm" horizontalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.columns.product')}</Table.Th>
                <Table.Th>{t('catalog.columns.composition')}</Table.Th>
                <Table.Th miw={120}>{t('catalog.columns.registration')}</Table.Th>
                <Table.Th miw={110}>{t('catalog.columns.flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.data.items.map((p) => (
                <Table.Tr key={p.id} style={p.active ? undefined : { color: 'var(--mantine-color-dimmed)' }}>
                  <Table.Td>
                    {canWrite ? (
                      // The name opens the product's form: a column of "Edit" buttons would not fit a tablet.
                      <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => setEditing(p)}>
                        <VisuallyHidden>{t('common.edit')}: </VisuallyHidden>
                        {localName(p, lang)}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={600}>
                        {localName(p, lang)}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {[p.manufacturer, p.ampouleMl ? t('catalog.ampoule', { ml: fmt.number(p.ampouleMl, 2) }) : null].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.substances.map((s) => (
                        <Badge styles={wrapping} key={s.substanceId} variant="light" color="gray" tt="none" fw={500} title={v(substanceClasses, s.class)}>
                          {localName(s, lang)}
                          {s.concentrationMgPerMl !== null ? ` ${fmt.number(s.concentrationMgPerMl, 2)} ${t('catalog.concentration')}` : ''}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge styles={wrapping} variant="light" color={registrationColor[p.registrationStatus]}>
                      {t(`catalog.registration.${p.registrationStatus}`)}
                    </Badge>
                    {p.registrationNumber && (
                      <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
                        {p.registrationNumber}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge styles={wrapping} variant="light" color={p.intradermal ? 'teal' : 'red'}>
                        {p.intradermal ? t('catalog.intradermal') : t('catalog.notIntradermal')}
                      </Badge>
                      {!p.licensed && (
                        <Badge styles={wrapping} variant="light" color="red">
                          {t('catalog.notLicensed')}
                        </Badge>
                      )}
                      {p.multiDose && (
                        <Badge styles={wrapping} variant="light" color="yellow">
                          {t('catalog.multiDose')}
                        </Badge>
                      )}
                      {!p.active && (
                        <Badge styles={wrapping} variant="light" color="gray">
                          {t('catalog.inactive')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ProductModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
