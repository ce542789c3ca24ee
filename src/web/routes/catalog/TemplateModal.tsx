import { Alert, Grid, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newTemplateBody, updateTemplateBody } from '../../../domain/api/catalog.ts';
import type { AssessmentInputJson } from '../../../domain/assessment/index.ts';
import { AREA_CODES, areas, INDICATION_CODES, indications, TECHNIQUE_CODES, techniques } from '../../../domain/vocabulary/index.ts';
import { catalog, type CocktailTemplate } from '../../api/catalog.ts';
import { useClinic, useProducts, useSubstances } from '../../api/use-catalog.ts';
import { productResolver, runLive } from '../../assessment/live.ts';
import { DecisionBanner, FindingsList } from '../../components/FindingsList.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { todayIn } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { useMe } from '../../session/session.ts';
import { CocktailEditor, totalOf, type ComponentRow } from '../course/CocktailEditor.tsx';
import { FormActions } from '../../components/FormActions.tsx';

interface Values {
  name: string;
  code: string;
  indication: string | null;
  technique: string | null;
  depthMm: number | string;
  notes: string;
  active: boolean;
  /** The template the rows were copied from (the cocktail editor's picker); not saved. */
  templateId: string | null;
  components: ComponentRow[];
  /** Areas to preview the volume per area and the dose rules with; not saved with the template. */
  areas: string[];
}

const num = (v: number | string) => (typeof v === 'number' ? v : Number.NaN);
const components = (rows: ComponentRow[]) => rows.map((c) => ({ productId: c.productId ?? '', volumeMl: num(c.volumeMl) }));

const toCreate = (v: Values) => ({
  name: v.name,
  ...(v.code.trim() ? { code: v.code.trim() } : {}),
  ...(v.indication ? { indication: v.indication } : {}),
  ...(v.technique ? { technique: v.technique } : {}),
  ...(typeof v.depthMm === 'number' ? { depthMm: v.depthMm } : {}),
  ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
  active: v.active,
  components: components(v.components),
});
const toUpdate = (v: Values) => ({
  name: v.name,
  code: v.code.trim() ? v.code.trim() : null,
  indication: v.indication,
  technique: v.technique,
  depthMm: typeof v.depthMm === 'number' ? v.depthMm : null,
  notes: v.notes.trim() ? v.notes.trim() : null,
  active: v.active,
  components: components(v.components),
});

/**
 * Composes a cocktail template from the catalog, or edits one (retiring it keeps it for the
 * courses that used it). The safety engine checks the cocktail as it is composed — without a
 * patient, whose own history is checked when a course is planned from the template.
 */
export function TemplateModal({ template = null, templates, onClose }: { template?: CocktailTemplate | null; templates: CocktailTemplate[]; onClose: () => void }) {
  const { t } = useTranslation();
  const v = useVocab();
  const lang = useLang();
  const me = useMe();
  const queryClient = useQueryClient();
  const products = useProducts();
  const substances = useSubstances();
  const clinic = useClinic();
  const [alert, setAlert] = useState<string | null>(null);
  const isNew = template === null;
  const form = useForm<Values>({
    initialValues: {
      name: template?.name ?? '',
      code: template?.code ?? '',
      indication: template?.indication ?? null,
      technique: template?.technique ?? null,
      depthMm: template?.depthMm ?? '',
      notes: template?.notes ?? '',
      active: template?.active ?? true,
      templateId: null,
      components: template ? template.components.map((c) => ({ productId: c.productId, volumeMl: c.volumeMl })) : [{ productId: null, volumeMl: 1 }],
      areas: [],
    },
    validate: isNew ? zodValidate(newTemplateBody, toCreate) : zodValidate(updateTemplateBody, toUpdate),
  });
  const draft = useFormDraft(form, isNew ? 'template-new' : `template-${template.id}`);
  const values = form.getValues();
  const today = todayIn(me.clinic.timeZone);

  const resolver = useMemo(() => productResolver(products.data?.items ?? [], substances.data?.items ?? []), [products.data, substances.data]);
  const live = useMemo(() => {
    const codeOf = new Map((products.data?.items ?? []).map((p) => [p.id, p.code]));
    const rows = values.components.filter((c) => c.productId && codeOf.has(c.productId) && typeof c.volumeMl === 'number' && c.volumeMl > 0);
    if (rows.length === 0) return null;
    const perArea = values.areas.length > 0 ? Math.floor((totalOf(rows) / values.areas.length) * 100) / 100 : 0;
    const input: AssessmentInputJson = {
      date: today,
      procedure: {
        ...(values.technique ? { technique: values.technique as never } : {}),
        ...(typeof values.depthMm === 'number' && values.depthMm > 0 ? { depthMm: values.depthMm } : {}),
        ...(perArea > 0 ? { areas: values.areas.map((a) => ({ area: a as never, volumeMl: perArea })) } : {}),
        components: rows.map((c) => ({ product: codeOf.get(c.productId ?? '') ?? '', volumeMl: c.volumeMl as number })),
      },
      ...(values.indication ? { plan: { plannedSessions: 1, indications: [values.indication as never] } } : {}),
      ...(clinic.data?.settings ? { clinic: { settings: clinic.data.settings } } : {}),
    };
    return runLive(input, lang, resolver);
  }, [values, products.data, today, lang, resolver, clinic.data]);

  const close = () => {
    draft.clear();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={isNew ? t('catalog.newTemplate') : t('catalog.editTemplate', { name: template.name })} size="xl" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={form.onSubmit(async (x) => {
          setAlert(null);
          try {
            if (isNew) await catalog.createTemplate(newTemplateBody.parse(toCreate(x)));
            else await catalog.updateTemplate(template.id, updateTemplateBody.parse(toUpdate(x)));
            draft.clear();
            await queryClient.invalidateQueries({ queryKey: ['catalog'] });
            notify(isNew ? t('catalog.templateSaved') : t('catalog.templateUpdated'));
            onClose();
          } catch (err) {
            setAlert(applyServerErrors(form, err));
          }
        })}
        noValidate
      >
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('catalog.templateName')} required data-autofocus {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={<OptionalLabel>{t('catalog.code')}</OptionalLabel>} placeholder="face-revital" {...form.getInputProps('code')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label={<OptionalLabel>{t('catalog.indication')}</OptionalLabel>}
                clearable
                searchable
                data={INDICATION_CODES.map((c) => ({ value: c, label: v(indications, c) }))}
                {...form.getInputProps('indication')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 7, sm: 4 }}>
              <Select label={<OptionalLabel>{t('course.technique')}</OptionalLabel>} clearable data={TECHNIQUE_CODES.map((c) => ({ value: c, label: v(techniques, c) }))} {...form.getInputProps('technique')} />
            </Grid.Col>
            <Grid.Col span={{ base: 5, sm: 3 }}>
              <NumberInput label={<OptionalLabel>{t('catalog.depthMm')}</OptionalLabel>} min={0.1} max={50} step={0.5} decimalScale={1} {...form.getInputProps('depthMm')} />
            </Grid.Col>
          </Grid>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t('planner.cocktail')}
              </Title>
              {products.data && products.data.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('planner.emptyCatalog')}
                </Text>
              ) : (
                <CocktailEditor form={form} products={products.data?.items ?? []} templates={templates.filter((x) => x.id !== template?.id)} />
              )}
              <MultiSelect
                label={t('catalog.previewAreas')}
                description={t('catalog.previewAreasHint')}
                searchable
                data={AREA_CODES.map((c) => ({ value: c, label: v(areas, c) }))}
                {...form.getInputProps('areas')}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md" aria-live="polite">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('findings.title')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('catalog.templateCheckHint')}
              </Text>
              {live?.ok ? (
                <>
                  <DecisionBanner decision={live.decision} />
                  {live.findings.length > 0 && <FindingsList findings={live.findings} compact />}
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('catalog.templateCheckIncomplete')}
                </Text>
              )}
            </Stack>
          </Paper>
          <Textarea label={<OptionalLabel>{t('catalog.notes')}</OptionalLabel>} autosize minRows={2} {...form.getInputProps('notes')} />
          <Switch label={t('catalog.templateInUse')} description={t('catalog.templateInUseHint')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <FormActions onCancel={close} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
