import { ActionIcon, Alert, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newProductBody, REGISTRATION_STATUSES, updateProductBody } from '../../../domain/api/catalog.ts';
import { substanceClasses } from '../../../domain/vocabulary/index.ts';
import { catalog, type Product } from '../../api/catalog.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { IconPlus } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { SubstanceModal } from './SubstanceModal.tsx';
import { FormActions } from '../../components/FormActions.tsx';

interface Row {
  code: string | null;
  concentrationMgPerMl: number | string;
  containsAdrenaline: boolean;
}

interface Values {
  code: string;
  name: string;
  nameRu: string;
  manufacturer: string;
  distributor: string;
  registrationNumber: string;
  registrationStatus: string;
  licensed: boolean;
  intradermal: boolean;
  multiDose: boolean;
  active: boolean;
  ampouleMl: number | string;
  notes: string;
  substances: Row[];
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);
const orNull = (s: string) => (s.trim() ? s.trim() : null);
const emptyRow: Row = { code: null, concentrationMgPerMl: '', containsAdrenaline: false };

function composition(rows: Row[]) {
  return rows.map((s) => ({
    code: s.code ?? '',
    ...(typeof s.concentrationMgPerMl === 'number' ? { concentrationMgPerMl: s.concentrationMgPerMl } : {}),
    ...(s.containsAdrenaline ? { containsAdrenaline: true } : {}),
  }));
}

/** The POST /products body of the form. */
function toCreate(v: Values) {
  return {
    code: v.code,
    name: v.name,
    nameRu: opt(v.nameRu),
    manufacturer: opt(v.manufacturer),
    distributor: opt(v.distributor),
    registrationNumber: opt(v.registrationNumber),
    registrationStatus: v.registrationStatus,
    licensed: v.licensed,
    intradermal: v.intradermal,
    multiDose: v.multiDose,
    active: v.active,
    ...(typeof v.ampouleMl === 'number' ? { ampouleMl: v.ampouleMl } : {}),
    notes: opt(v.notes),
    substances: composition(v.substances),
  };
}

/** The PATCH /products/:id body: every field, an emptied one as null; the code is fixed. */
function toUpdate(v: Values) {
  return {
    name: v.name,
    nameRu: orNull(v.nameRu),
    manufacturer: orNull(v.manufacturer),
    distributor: orNull(v.distributor),
    registrationNumber: orNull(v.registrationNumber),
    registrationStatus: v.registrationStatus,
    licensed: v.licensed,
    intradermal: v.intradermal,
    multiDose: v.multiDose,
    active: v.active,
    ampouleMl: typeof v.ampouleMl === 'number' ? v.ampouleMl : null,
    notes: orNull(v.notes),
    substances: composition(v.substances),
  };
}

function initial(p: Product | null): Values {
  if (!p)
    return {
      code: '',
      name: '',
      nameRu: '',
      manufacturer: '',
      distributor: '',
      registrationNumber: '',
      registrationStatus: 'registered',
      licensed: true,
      intradermal: true,
      multiDose: false,
      active: true,
      ampouleMl: 5,
      notes: '',
      substances: [emptyRow],
    };
  return {
    code: p.code,
    name: p.name,
    nameRu: p.nameRu ?? '',
    manufacturer: p.manufacturer ?? '',
    distributor: p.distributor ?? '',
    registrationNumber: p.registrationNumber ?? '',
    registrationStatus: p.registrationStatus,
    licensed: p.licensed,
    intradermal: p.intradermal,
    multiDose: p.multiDose,
    active: p.active,
    ampouleMl: p.ampouleMl ?? '',
    notes: p.notes ?? '',
    substances: p.substances.map((s) => ({ code: s.code, concentrationMgPerMl: s.concentrationMgPerMl ?? '', containsAdrenaline: s.containsAdrenaline })),
  };
}

/**
 * Adds a product with its composition, or edits one (its code stays: records refer to it).
 * Registration and route decide what the safety rules allow, so they are asked for explicitly.
 */
export function ProductModal({ product = null, onClose }: { product?: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const v = useVocab();
  const queryClient = useQueryClient();
  const substances = useSubstances();
  const [alert, setAlert] = useState<string | null>(null);
  const [addingSubstance, setAddingSubstance] = useState(false);
  const isNew = product === null;
  const form = useForm<Values>({
    initialValues: initial(product),
    validate: isNew ? zodValidate(newProductBody, toCreate) : zodValidate(updateProductBody, toUpdate),
  });
  const draft = useFormDraft(form, isNew ? 'product-new' : `product-${product.id}`);
  const rows = form.getValues().substances;
  const options = (substances.data?.items ?? []).map((s) => ({ value: s.code, label: `${localName(s, lang)} · ${v(substanceClasses, s.class)}` }));
  const close = () => {
    draft.clear();
    onClose();
  };

  return (
    <Modal opened onClose={close} title={isNew ? t('catalog.addProduct') : t('catalog.editProduct', { name: localName(product, lang) })} size="xl" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={form.onSubmit(async (x) => {
          setAlert(null);
          try {
            if (isNew) await catalog.createProduct(newProductBody.parse(toCreate(x)));
            else await catalog.updateProduct(product.id, updateProductBody.parse(toUpdate(x)));
            draft.clear();
            await queryClient.invalidateQueries({ queryKey: ['catalog'] });
            notify(isNew ? t('catalog.productSaved') : t('catalog.productUpdated'));
            onClose();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('catalog.code')}
              required={isNew}
              disabled={!isNew}
              description={isNew ? t('catalog.codeHint') : t('catalog.codeFixed')}
              placeholder="hyalo-nova"
              {...form.getInputProps('code')}
              data-autofocus={isNew || undefined}
            />
            <TextInput label={t('catalog.name')} required description={t('catalog.nameHint')} {...form.getInputProps('name')} data-autofocus={!isNew || undefined} />
            <TextInput label={<OptionalLabel>{t('catalog.nameRu')}</OptionalLabel>} description={t('catalog.nameRuHint')} {...form.getInputProps('nameRu')} />
            <TextInput label={<OptionalLabel>{t('catalog.manufacturer')}</OptionalLabel>} {...form.getInputProps('manufacturer')} />
            <TextInput label={<OptionalLabel>{t('catalog.distributor')}</OptionalLabel>} {...form.getInputProps('distributor')} />
            <NumberInput label={<OptionalLabel>{t('catalog.ampouleMl')}</OptionalLabel>} min={0.1} decimalScale={2} {...form.getInputProps('ampouleMl')} />
            <TextInput label={<OptionalLabel>{t('catalog.registrationNumber')}</OptionalLabel>} {...form.getInputProps('registrationNumber')} />
            <Select label={t('catalog.registrationStatus')} allowDeselect={false} data={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`catalog.registration.${s}`) }))} {...form.getInputProps('registrationStatus')} />
          </SimpleGrid>
          <Group gap="xl">
            <Checkbox label={t('catalog.licensed')} {...form.getInputProps('licensed', { type: 'checkbox' })} />
            <Checkbox label={t('catalog.isIntradermal')} {...form.getInputProps('intradermal', { type: 'checkbox' })} />
            <Checkbox label={t('catalog.multiDose')} {...form.getInputProps('multiDose', { type: 'checkbox' })} />
          </Group>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('catalog.flagsHint')}
          </Text>
          <div>
            <Text size="sm" fw={600}>
              {t('catalog.substances')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('catalog.substancesHint')}
            </Text>
          </div>
          {rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('catalog.noSubstances')}
            </Text>
          )}
          {rows.map((_, i) => (
            <Group key={i} gap="sm" align="flex-end" wrap="nowrap">
              <Select
                label={`${t('catalog.substance')} ${i + 1}`}
                searchable
                nothingFoundMessage={t('catalog.noSuchSubstance')}
                data={options}
                style={{ flex: 1, minWidth: 0 }}
                {...form.getInputProps(`substances.${i}.code`)}
              />
              <NumberInput label={<OptionalLabel>{t('catalog.concentration')}</OptionalLabel>} min={0} decimalScale={3} w={150} {...form.getInputProps(`substances.${i}.concentrationMgPerMl`)} />
              <Checkbox
                label={t('catalog.withAdrenaline')}
                mb={8}
                {...form.getInputProps(`substances.${i}.containsAdrenaline`, { type: 'checkbox' })}
              />
              <ActionIcon variant="subtle" color="red" size={36} aria-label={`${t('planner.remove')} ${i + 1}`} onClick={() => form.removeListItem('substances', i)}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group gap="sm">
            <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('substances', { ...emptyRow })}>
              {t('catalog.addSubstance')}
            </Button>
            <Button variant="subtle" size="compact-sm" onClick={() => setAddingSubstance(true)}>
              {t('catalog.newSubstanceInline')}
            </Button>
          </Group>
          <Textarea label={<OptionalLabel>{t('catalog.notes')}</OptionalLabel>} autosize minRows={2} {...form.getInputProps('notes')} />
          <Switch label={t('catalog.inUse')} description={t('catalog.inUseHint')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <FormActions onCancel={close} submitting={form.submitting} />
        </Stack>
      </form>
      {addingSubstance && (
        <SubstanceModal
          onClose={() => setAddingSubstance(false)}
          onSaved={(s) => {
            // The new substance fills an empty row, or comes as a row of its own.
            const empty = form.getValues().substances.findIndex((r) => !r.code);
            if (empty >= 0) form.setFieldValue(`substances.${empty}.code`, s.code);
            else form.insertListItem('substances', { ...emptyRow, code: s.code });
          }}
        />
      )}
    </Modal>
  );
}
