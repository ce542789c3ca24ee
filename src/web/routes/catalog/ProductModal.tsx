import { ActionIcon, Alert, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newProductBody, REGISTRATION_STATUSES } from '../../../domain/api/catalog.ts';
import { substanceClasses } from '../../../domain/vocabulary/index.ts';
import { catalog } from '../../api/catalog.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { IconPlus } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';

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
  ampouleMl: number | string;
  substances: { code: string | null; concentrationMgPerMl: number | string }[];
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

function toBody(v: Values) {
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
    ...(typeof v.ampouleMl === 'number' ? { ampouleMl: v.ampouleMl } : {}),
    substances: v.substances.map((s) => ({ code: s.code ?? '', ...(typeof s.concentrationMgPerMl === 'number' ? { concentrationMgPerMl: s.concentrationMgPerMl } : {}) })),
  };
}

/** Adds a product with its composition; registration and route decide what the safety rules allow. */
export function ProductModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const v = useVocab();
  const queryClient = useQueryClient();
  const substances = useSubstances();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { code: '', name: '', nameRu: '', manufacturer: '', distributor: '', registrationNumber: '', registrationStatus: 'registered', licensed: true, intradermal: true, multiDose: false, ampouleMl: 5, substances: [{ code: null, concentrationMgPerMl: '' }] },
    validate: zodValidate(newProductBody, toBody),
  });
  const draft = useFormDraft(form, 'product-new');
  const rows = form.getValues().substances;
  const options = (substances.data?.items ?? []).map((s) => ({ value: s.code, label: `${localName(s, lang)} · ${v(substanceClasses, s.class)}` }));

  return (
    <Modal opened onClose={onClose} title={t('catalog.addProduct')} size="xl" centered>
      <form
        onSubmit={form.onSubmit(async (x) => {
          setAlert(null);
          try {
            await catalog.createProduct(newProductBody.parse(toBody(x)));
            draft.clear();
            await queryClient.invalidateQueries({ queryKey: ['catalog'] });
            notify(t('catalog.productSaved'));
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
            <TextInput label={t('catalog.code')} required placeholder="hyalo-nova" data-autofocus {...form.getInputProps('code')} />
            <TextInput label={t('catalog.name')} required {...form.getInputProps('name')} />
            <TextInput label={<OptionalLabel>{t('catalog.nameRu')}</OptionalLabel>} {...form.getInputProps('nameRu')} />
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
          <div>
            <Text size="sm" fw={600}>
              {t('catalog.substances')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('catalog.substancesHint')}
            </Text>
          </div>
          {rows.map((_, i) => (
            <Group key={i} gap="sm" align="flex-end" wrap="nowrap">
              <Select label={`${t('catalog.substances')} ${i + 1}`} searchable data={options} style={{ flex: 1 }} {...form.getInputProps(`substances.${i}.code`)} />
              <NumberInput label={<OptionalLabel>{t('catalog.concentration')}</OptionalLabel>} min={0} decimalScale={3} w={140} {...form.getInputProps(`substances.${i}.concentrationMgPerMl`)} />
              <ActionIcon variant="subtle" color="red" size={36} aria-label={`${t('planner.remove')} ${i + 1}`} onClick={() => form.removeListItem('substances', i)}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('substances', { code: null, concentrationMgPerMl: '' })} style={{ alignSelf: 'flex-start' }}>
            {t('catalog.addSubstance')}
          </Button>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
