import { Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ChartCourse } from '../../api/chart.ts';
import type { LotRecord } from '../../api/catalog.ts';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang } from '../../i18n/vocab.ts';
import { lotChoices, type SessionValues } from './session-form.ts';

/**
 * One lot per product of the course, chosen from stock: in-date lots first (soonest expiry first);
 * expired, recalled and empty lots are listed but cannot be chosen.
 */
export function LotsEditor({ form, course, lots }: { form: UseFormReturnType<SessionValues>; course: ChartCourse; lots: LotRecord[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLang();
  const values = form.getValues();
  return (
    <Stack gap="sm">
      {values.lots.map((row, i) => {
        const component = course.components.find((c) => c.productId === row.productId);
        const name = component ? localName(component, lang) : row.productId;
        const choices = lotChoices(lots, row.productId);
        const label = (l: LotRecord) =>
          l.status === 'recalled'
            ? t('sessionForm.lotRecalled', { lot: l.lot })
            : l.status === 'expired'
              ? t('sessionForm.lotExpired', { lot: l.lot, date: fmt.date(l.expires) })
              : t('sessionForm.lotUsable', { lot: l.lot, date: fmt.date(l.expires), ml: fmt.number(l.quantity, 2) });
        return (
          <Group key={row.productId} align="flex-end" gap="sm" wrap="nowrap">
            <Select
              label={t('sessionForm.lotFor', { product: name })}
              data={choices.map((l) => ({ value: l.id, label: label(l), disabled: l.status !== 'usable' }))}
              style={{ flex: 1, minWidth: 0 }}
              allowDeselect={false}
              error={choices.every((l) => l.status !== 'usable') ? t('sessionForm.noLot') : undefined}
              {...form.getInputProps(`lots.${i}.lotId`)}
            />
            <NumberInput label={t('sessionForm.lotVolume')} min={0.01} max={100} step={0.1} decimalScale={2} w={100} {...form.getInputProps(`lots.${i}.volumeMl`)} />
          </Group>
        );
      })}
      {values.lots.length === 0 && (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </Stack>
  );
}
