import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { indications, techniques } from '../../../domain/vocabulary/index.ts';
import { useTemplates } from '../../api/use-catalog.ts';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';

/** The clinic's cocktail templates with their components. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const templates = useTemplates();
  if (templates.isPending) return <PageLoader />;
  if (templates.isError) return <LoadError error={templates.error} onRetry={() => void templates.refetch()} />;
  if (templates.data.items.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('catalog.empty')}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
      {templates.data.items.map((x) => (
        <Card key={x.id} p="md">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={3} size="h5">
                {x.name}
              </Title>
              {!x.active && (
                <Badge color="gray" variant="light">
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
                    <Table.Td pl={0}>{c.productName}</Table.Td>
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
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
