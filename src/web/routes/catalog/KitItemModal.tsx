import { Alert, Checkbox, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KIT_ITEM_KINDS, kitItemPatchBody, newKitItemBody } from '../../../domain/api/emergency-kit.ts';
import { kitItems, type KitItem } from '../../api/kit-items.ts';
import { DateField } from '../../components/DateField.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { FormActions } from '../../components/FormActions.tsx';

interface Values {
  name: string;
  kind: string;
  required: boolean;
  present: boolean;
  lot: string;
  expiresOn: string | null;
  quantity: number | string;
  notes: string;
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);
const orNull = (s: string) => (s.trim() ? s.trim() : null);

const toCreate = (v: Values) => ({
  name: v.name,
  kind: v.kind,
  required: v.required,
  present: v.present,
  lot: opt(v.lot),
  ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
  ...(typeof v.quantity === 'number' ? { quantity: v.quantity } : {}),
  notes: opt(v.notes),
});
const toUpdate = (v: Values) => ({
  name: v.name,
  kind: v.kind,
  required: v.required,
  present: v.present,
  lot: orNull(v.lot),
  expiresOn: v.expiresOn,
  quantity: typeof v.quantity === 'number' ? v.quantity : null,
  notes: orNull(v.notes),
});

/** Adds an item to the anti-shock kit, or changes one (restocked, a new lot and expiry…). */
export function KitItemModal({ item = null, onClose }: { item?: KitItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const isNew = item === null;
  const form = useForm<Values>({
    initialValues: {
      name: item?.name ?? '',
      kind: item?.kind ?? 'adrenaline',
      required: item?.required ?? true,
      present: item?.present ?? true,
      lot: item?.lot ?? '',
      expiresOn: item?.expiresOn ?? null,
      quantity: item?.quantity ?? '',
      notes: item?.notes ?? '',
    },
    validate: isNew ? zodValidate(newKitItemBody, toCreate) : zodValidate(kitItemPatchBody, toUpdate),
  });
  const draft = useFormDraft(form, isNew ? 'kit-item-new' : `kit-item-${item.id}`);
  const close = () => {
    draft.clear();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={isNew ? t('kit.addItem') : t('kit.editItem', { name: item.name })} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={form.onSubmit(async (x) => {
          setAlert(null);
          try {
            if (isNew) await kitItems.add(newKitItemBody.parse(toCreate(x)));
            else await kitItems.update(item.id, kitItemPatchBody.parse(toUpdate(x)));
            draft.clear();
            await queryClient.invalidateQueries({ queryKey: ['emergency-kit'] });
            await queryClient.invalidateQueries({ queryKey: ['today'] });
            notify(isNew ? t('kit.itemAdded') : t('kit.itemUpdated'));
            onClose();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('kit.item')} required placeholder={t('kit.namePlaceholder')} data-autofocus {...form.getInputProps('name')} />
            <Select label={t('kit.kind')} required allowDeselect={false} data={KIT_ITEM_KINDS.map((k) => ({ value: k, label: t(`kit.kinds.${k}`) }))} {...form.getInputProps('kind')} />
            <TextInput label={<OptionalLabel>{t('catalog.columns.lot')}</OptionalLabel>} {...form.getInputProps('lot')} />
            <DateField label={<OptionalLabel>{t('kit.expires')}</OptionalLabel>} clearable {...form.getInputProps('expiresOn')} />
            <NumberInput label={<OptionalLabel>{t('kit.quantity')}</OptionalLabel>} min={0} max={1000} allowDecimal={false} {...form.getInputProps('quantity')} />
          </SimpleGrid>
          <Stack gap={6}>
            <Checkbox label={t('kit.requiredLabel')} {...form.getInputProps('required', { type: 'checkbox' })} />
            <Checkbox label={t('kit.presentLabel')} {...form.getInputProps('present', { type: 'checkbox' })} />
            <Text size="xs" c="dimmed">
              {t('kit.requiredHint')}
            </Text>
          </Stack>
          <Textarea label={<OptionalLabel>{t('catalog.notes')}</OptionalLabel>} autosize minRows={2} {...form.getInputProps('notes')} />
          <FormActions onCancel={close} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
