import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { adjustmentBody, newLotBody } from '../../../domain/api/catalog-lots.ts';
import { lots, type LotRecord } from '../../api/catalog.ts';
import { lotTrace } from '../../api/safety.ts';
import { useProducts } from '../../api/use-catalog.ts';
import { DateField } from '../../components/DateField.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang } from '../../i18n/vocab.ts';

function useDone(onClose: () => void, message: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['lots'] });
    notify(message);
    onClose();
  };
}

function Footer({ onClose, busy, label, color }: { onClose: () => void; busy: boolean; label?: ReactNode; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="sm">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} {...(color ? { color } : {})}>
        {label ?? t('common.save')}
      </Button>
    </Group>
  );
}

/** Receives a lot of a product into stock. */
export function ReceiveLotModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const products = useProducts();
  const done = useDone(onClose, t('catalog.lotSaved'));
  const [alert, setAlert] = useState<string | null>(null);
  type V = { productId: string | null; lot: string; expires: string | null; quantity: number | string; supplier: string; receivedOn: string | null };
  const toBody = (x: V) => ({
    productId: x.productId ?? '',
    lot: x.lot,
    expires: x.expires ?? '',
    quantity: typeof x.quantity === 'number' ? x.quantity : Number.NaN,
    supplier: x.supplier.trim() || undefined,
    receivedOn: x.receivedOn ?? undefined,
  });
  const form = useForm<V>({ initialValues: { productId: null, lot: '', expires: null, quantity: '', supplier: '', receivedOn: null }, validate: zodValidate(newLotBody, toBody) });
  return (
    <Modal opened onClose={onClose} title={t('catalog.receive')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={form.onSubmit(async (x) => {
          try {
            await lots.create(newLotBody.parse(toBody(x)));
            await done();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Select label={t('catalog.columns.product')} required searchable data-autofocus data={(products.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: localName(p, lang) }))} {...form.getInputProps('productId')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('catalog.lotNumber')} required {...form.getInputProps('lot')} />
            <DateField label={t('catalog.expires')} required minDate="2000-01-01" {...form.getInputProps('expires')} />
            <NumberInput label={t('catalog.quantity')} required min={0.01} decimalScale={2} {...form.getInputProps('quantity')} />
            <DateField label={<OptionalLabel>{t('catalog.receivedOn')}</OptionalLabel>} clearable {...form.getInputProps('receivedOn')} />
          </SimpleGrid>
          <TextInput label={<OptionalLabel>{t('catalog.supplier')}</OptionalLabel>} {...form.getInputProps('supplier')} />
          <Footer onClose={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Corrects the stock of a lot, or writes some off, with the reason. */
export function AdjustModal({ lot, onClose }: { lot: LotRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const done = useDone(onClose, t('catalog.adjusted'));
  const [alert, setAlert] = useState<string | null>(null);
  type V = { deltaMl: number | string; reason: string; note: string };
  const toBody = (x: V) => ({ deltaMl: typeof x.deltaMl === 'number' ? x.deltaMl : Number.NaN, reason: x.reason, note: x.note });
  const form = useForm<V>({ initialValues: { deltaMl: '', reason: 'write-off', note: '' }, validate: zodValidate(adjustmentBody, toBody) });
  return (
    <Modal opened onClose={onClose} title={t('catalog.adjustTitle', { lot: `${lot.productName} #${lot.lot}` })} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={form.onSubmit(async (x) => {
          try {
            await lots.adjust(lot.id, adjustmentBody.parse(toBody(x)));
            await done();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <NumberInput label={t('catalog.delta')} required decimalScale={2} data-autofocus {...form.getInputProps('deltaMl')} />
          <Select label={t('catalog.reason')} allowDeselect={false} data={(['write-off', 'adjustment'] as const).map((r) => ({ value: r, label: t(`catalog.reasons.${r}`) }))} {...form.getInputProps('reason')} />
          <Textarea label={t('catalog.note')} required autosize minRows={2} {...form.getInputProps('note')} />
          <Footer onClose={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Recalls a lot: it can no longer be chosen for a session, and its recipients are listed to contact. */
export function RecallModal({ lot, onClose, onRecalled }: { lot: LotRecord; onClose: () => void; onRecalled: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (r: string) => (r.trim() ? null : t('validation.required')) } });
  return (
    <Modal opened onClose={onClose} title={t('catalog.recallTitle', { lot: `${lot.productName} #${lot.lot}` })} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={form.onSubmit(async (x) => {
          try {
            await lotTrace.recall(lot.id, x.reason.trim());
            await queryClient.invalidateQueries({ queryKey: ['lots'] });
            notify(t('catalog.recalled', { lot: lot.lot }));
            onRecalled();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Textarea label={t('catalog.recallReason')} required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Footer onClose={onClose} busy={form.submitting} label={t('catalog.recall')} color="red.9" />
        </Stack>
      </form>
    </Modal>
  );
}

/** The stock ledger of a lot. */
export function MovementsModal({ lot, onClose }: { lot: LotRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useQuery({ queryKey: ['lots', lot.id, 'movements'], queryFn: () => lots.movements(lot.id) });
  return (
    <Modal opened onClose={onClose} title={`${t('catalog.movements')} · ${lot.productName} #${lot.lot}`} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Table className="tabular">
          <Table.Tbody>
            {query.data.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{fmt.dateTime(m.at)}</Table.Td>
                <Table.Td>{t(`catalog.movementReasons.${m.reason}`)}</Table.Td>
                <Table.Td ta="right" c={m.deltaMl < 0 ? 'red.9' : 'teal.9'}>
                  {m.deltaMl > 0 ? '+' : ''}
                  {t('course.mlValue', { ml: fmt.number(m.deltaMl, 2) })}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {m.note}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
