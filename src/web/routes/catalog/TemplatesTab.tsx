import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indications, techniques } from '../../../domain/vocabulary/index.ts';
import type { CocktailTemplate } from '../../api/catalog.ts';
import { useProducts, useTemplates } from '../../api/use-catalog.ts';
import { IconPlus } from '../../components/icons.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { TemplateModal } from './TemplateModal.tsx';

/** The clinic's cocktail templates with their components; those in use first. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const session = useSession();
  const templates = useTemplates();
  const lang = useLang();
  const products = useProducts();
  const [editing, setEditing] = useState<CocktailTemplate | 'new' | null>(null);
  const canWrite = session.can('catalog.write');
  if (templates.isPending) return <PageLoader />;
  if (templates.isError) return <LoadError error={templates.error} onRetry={() => void templates.refetch()} />;
  // The catalog's product in the interface language; the template's own copy of the name otherwise.
  const nameOf = (c: CocktailTemplate['components'][number]) => {
    const p = products.data?.items.find((x) => x.id === c.productId);
    return p ? localName(p, lang) : c.productName;
  };
  const items = [...templates.data.items].sort((a, b) => Number(b.active) - Number(a.active));
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t('catalog.templatesIntro')}
        </Text>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('catalog.newTemplate')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('catalog.noTemplates')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {items.map((x) => (
            <Card key={x.id} p="md" withBorder style={x.active ? undefined : { opacity: 0.75 }}>
              <Stack gap="xs" h="100%">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Title order={3} size="h5">
                    {x.name}
                  </Title>
                  {!x.active && (
                    <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
                      {t('catalog.inactive')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {[x.indication ? t('catalog.templateFor', { indication: v(indications, x.indication) }) : null, x.technique ? v(techniques, x.technique) : null, x.depthMm ? t('course.depthValue', { mm: fmt.number(x.depthMm, 1) }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <Table fz="sm" withRowBorders={false} verticalSpacing={2} className="tabular">
                  <Table.Tbody>
                    {x.components.map((c) => (
                      <Table.Tr key={c.productId}>
                        <Table.Td pl={0}>{nameOf(c)}</Table.Td>
                        <Table.Td ta="right">{t('course.mlValue', { ml: fmt.number(c.volumeMl, 2) })}</Table.Td>
                      </Table.Tr>
                    ))}
                    <Table.Tr>
                      <Table.Td pl={0} fw={600}>
                        {t('course.total')}
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {t('course.mlValue', { ml: fmt.number(x.totalVolumeMl, 2) })}
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
                {x.notes && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                    {x.notes}
                  </Text>
                )}
                {canWrite && (
                  <Group justify="flex-end" mt="auto">
                    <Button size="xs" variant="subtle" onClick={() => setEditing(x)} aria-label={`${t('common.edit')}: ${x.name}`}>
                      {t('common.edit')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {editing && <TemplateModal template={editing === 'new' ? null : editing} templates={templates.data.items} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
