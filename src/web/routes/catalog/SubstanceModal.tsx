import { Alert, Checkbox, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newSubstanceBody, updateSubstanceBody } from '../../../domain/api/catalog.ts';
import { SUBSTANCE_CLASS_CODES, substanceClasses } from '../../../domain/vocabulary/index.ts';
import { catalog, type Substance } from '../../api/catalog.ts';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { FormActions } from '../../components/FormActions.tsx';

interface Values {
  code: string;
  nameEn: string;
  nameRu: string;
  class: string | null;
  compositae: boolean;
  fishDerived: boolean;
  notes: string;
}

const toCreate = (v: Values) => ({
  code: v.code,
  nameEn: v.nameEn,
  nameRu: v.nameRu,
  class: v.class ?? '',
  compositae: v.compositae,
  fishDerived: v.fishDerived,
  ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
});
const toUpdate = (v: Values) => ({
  nameEn: v.nameEn,
  nameRu: v.nameRu,
  class: v.class ?? '',
  compositae: v.compositae,
  fishDerived: v.fishDerived,
  notes: v.notes.trim() ? v.notes.trim() : null,
});

/**
 * Adds a substance to the clinic's catalog, or edits one. Its class and the Asteraceae and fish
 * flags are what the allergy rules read, so they are asked for next to the names.
 */
export function SubstanceModal({ substance = null, onClose, onSaved }: { substance?: Substance | null; onClose: () => void; onSaved?: (s: Substance) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const v = useVocab();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const isNew = substance === null;
  const form = useForm<Values>({
    initialValues: {
      code: substance?.code ?? '',
      nameEn: substance?.nameEn ?? '',
      nameRu: substance?.nameRu ?? '',
      class: substance?.class ?? null,
      compositae: substance?.compositae ?? false,
      fishDerived: substance?.fishDerived ?? false,
      notes: substance?.notes ?? '',
    },
    validate: isNew ? zodValidate(newSubstanceBody, toCreate) : zodValidate(updateSubstanceBody, toUpdate),
  });
  const draft = useFormDraft(form, isNew ? 'substance-new' : `substance-${substance.id}`);
  const close = () => {
    draft.clear();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={isNew ? t('catalog.addSubstanceTitle') : t('catalog.editSubstance', { name: localName(substance, lang) })} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={form.onSubmit(async (x) => {
          setAlert(null);
          try {
            const saved = isNew ? await catalog.createSubstance(newSubstanceBody.parse(toCreate(x))) : await catalog.updateSubstance(substance.id, updateSubstanceBody.parse(toUpdate(x)));
            draft.clear();
            await queryClient.invalidateQueries({ queryKey: ['catalog'] });
            notify(isNew ? t('catalog.substanceSaved') : t('catalog.substanceUpdated'));
            onSaved?.(saved);
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
            <TextInput label={t('catalog.nameEn')} required {...form.getInputProps('nameEn')} data-autofocus />
            <TextInput label={t('catalog.nameRu')} required {...form.getInputProps('nameRu')} />
            <TextInput label={t('catalog.code')} required={isNew} disabled={!isNew} description={isNew ? t('catalog.codeHint') : t('catalog.codeFixed')} placeholder="ascorbic-acid" {...form.getInputProps('code')} />
            <Select
              label={t('catalog.substanceClass')}
              required
              searchable
              allowDeselect={false}
              data={SUBSTANCE_CLASS_CODES.map((c) => ({ value: c, label: v(substanceClasses, c) }))}
              {...form.getInputProps('class')}
            />
          </SimpleGrid>
          <Stack gap={6}>
            <Checkbox label={t('catalog.compositae')} {...form.getInputProps('compositae', { type: 'checkbox' })} />
            <Checkbox label={t('catalog.fishDerived')} {...form.getInputProps('fishDerived', { type: 'checkbox' })} />
            <Text size="xs" c="dimmed">
              {t('catalog.substanceFlagsHint')}
            </Text>
          </Stack>
          <Textarea label={<OptionalLabel>{t('catalog.notes')}</OptionalLabel>} autosize minRows={2} {...form.getInputProps('notes')} />
          <FormActions onCancel={close} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
