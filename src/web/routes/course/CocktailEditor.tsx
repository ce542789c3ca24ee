import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CocktailTemplate, Product } from '../../api/catalog.ts';
import { IconPlus } from '../../components/icons.tsx';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang } from '../../i18n/vocab.ts';

export interface ComponentRow {
  productId: string | null;
  volumeMl: number | string;
}

interface CocktailFields {
  templateId: string | null;
  components: ComponentRow[];
  areas: string[];
}

/** Sums the rows' volumes (ml, two decimals). */
export function totalOf(rows: ComponentRow[]): number {
  return Math.round(rows.reduce((n, r) => n + (typeof r.volumeMl === 'number' ? r.volumeMl : 0), 0) * 100) / 100;
}

/** Picks a template (which fills the rows) or composes the cocktail product by product, with the running total. */
export function CocktailEditor<T extends CocktailFields>({ form, products, templates }: { form: UseFormReturnType<T>; products: Product[]; templates: CocktailTemplate[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLang();
  const values = form.getValues();
  const rows = values.components;
  const total = totalOf(rows);
  const active = products.filter((p) => p.active);
  const productOptions = active.map((p) => ({ value: p.id, label: `${localName(p, lang)}${p.manufacturer ? ` · ${p.manufacturer}` : ''}` }));
  const setRows = (next: ComponentRow[]) => form.setFieldValue('components' as never, next);

  return (
    <Stack gap="sm">
      <Select
        label={t('planner.template')}
        placeholder={t('planner.templatePlaceholder')}
        clearable
        searchable
        data={templates.filter((x) => x.active).map((x) => ({ value: x.id, label: `${x.name} · ${t('course.mlValue', { ml: fmt.number(x.totalVolumeMl, 2) })}` }))}
        value={values.templateId}
        onChange={(id) => {
          form.setFieldValue('templateId' as never, id);
          const tpl = templates.find((x) => x.id === id);
          if (tpl) setRows(tpl.components.map((c) => ({ productId: c.productId, volumeMl: c.volumeMl })));
        }}
      />
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('planner.noProducts')}
        </Text>
      )}
      {rows.map((_, i) => (
        <Group key={i} gap="sm" align="flex-end" wrap="nowrap">
          <Select
            label={t('planner.product')}
            searchable
            data={productOptions}
            style={{ flex: 1, minWidth: 0 }}
            {...form.getInputProps(`components.${i}.productId`)}
            onChange={(v) => {
              form.setFieldValue(`components.${i}.productId` as never, v as never);
              form.setFieldValue('templateId' as never, null);
            }}
          />
          <NumberInput label={t('planner.volume')} min={0.01} max={100} step={0.5} decimalScale={2} w={150} {...form.getInputProps(`components.${i}.volumeMl`)} />
          <ActionIcon
            variant="subtle"
            color="red"
            size={36}
            // Named by its product ("Remove: Revita Complex"), by its place while none is chosen.
            aria-label={`${t('planner.remove')}: ${productOptions.find((o) => o.value === values.components[i]?.productId)?.label ?? i + 1}`}
            onClick={() => {
              setRows(rows.filter((__, j) => j !== i));
              form.setFieldValue('templateId' as never, null);
            }}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setRows([...rows, { productId: null, volumeMl: 1 }])}>
          {t('planner.addProduct')}
        </Button>
        <Text size="sm" fw={600} className="tabular">
          {t('planner.total')}: {t('course.mlValue', { ml: fmt.number(total, 2) })}
          {values.areas.length > 1 && total > 0 && (
            <Text span c="dimmed" fw={400}>
              {' '}
              ({t('planner.perArea', { ml: fmt.number(total / values.areas.length, 2) })})
            </Text>
          )}
        </Text>
      </Group>
    </Stack>
  );
}
