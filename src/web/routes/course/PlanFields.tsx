import { Alert, Anchor, Checkbox, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Finding } from '../../../domain/assessment/index.ts';
import { plannedDates } from '../../../domain/clinical/calendar.ts';
import { AREA_CODES, areas, INDICATION_CODES, indications, TECHNIQUE_CODES, techniques } from '../../../domain/vocabulary/index.ts';
import type { CocktailTemplate, Product } from '../../api/catalog.ts';
import type { ChartView } from '../../api/chart.ts';
import { useClinic, useProducts, useSubstances } from '../../api/use-catalog.ts';
import { patientFacts, productResolver, runLive, type LiveResult } from '../../assessment/live.ts';
import { DateField } from '../../components/DateField.tsx';
import { FindingsAt, LiveSummary } from '../../components/LiveFindings.tsx';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { CocktailEditor } from './CocktailEditor.tsx';
import { planInput, type PlanValues } from './plan-form.ts';
import { PlanCalendar } from './PlanCalendar.tsx';

/** The live assessment of a plan being written, and its planned days (the planner's and the editor's). */
export function useLivePlan(chart: ChartView | undefined, values: PlanValues, today: string): { live: LiveResult | null; dates: string[] } {
  const lang = useLang();
  const products = useProducts();
  const substances = useSubstances();
  const clinic = useClinic();
  const resolver = useMemo(() => productResolver(products.data?.items ?? [], substances.data?.items ?? []), [products.data, substances.data]);
  const codeOf = useMemo(() => new Map((products.data?.items ?? []).map((p) => [p.id, p.code])), [products.data]);
  const live = useMemo(() => {
    if (!chart || !products.data) return null;
    return runLive(planInput(values, today, patientFacts(chart), (id) => codeOf.get(id) ?? '', clinic.data?.settings), lang, resolver);
  }, [chart, products.data, values, today, lang, resolver, codeOf, clinic.data]);
  const { plannedSessions: n, intervalDays: every, startsOn } = values;
  const dates = typeof n === 'number' && typeof every === 'number' && startsOn && n >= 1 && n <= 100 && every >= 1 ? plannedDates(startsOn, Math.round(every), Math.round(n)) : [];
  return { live, dates };
}

/**
 * The live findings with those of a server refusal added (a refusal the browser did not foresee —
 * the record changed meanwhile), so that each shows beside the fields it concerns.
 */
export function withRefusal(live: LiveResult | null, refused: Finding[] | null): LiveResult | null {
  if (!refused || refused.length === 0) return live;
  const seen = live?.ok ? new Set(live.findings.map((f) => `${f.rule}|${f.message}`)) : new Set<string>();
  const extra = refused.filter((f) => !seen.has(`${f.rule}|${f.message}`));
  return { ok: true, decision: 'block', findings: [...(live?.ok ? live.findings : []), ...extra] };
}

interface PlanFieldsProps {
  form: UseFormReturnType<PlanValues>;
  live: LiveResult | null;
  products: Product[];
  templates: CocktailTemplate[];
  dates: string[];
  currency: string;
}

/** The sections of a plan — what, technique, cocktail, sessions, expectations — each with its findings. */
/** A currency as its sign in the interface language (₽ rather than RUB), the code when it has none. */
function currencySign(code: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

export function PlanFields({ form, live, products, templates, dates, currency }: PlanFieldsProps) {
  const { t } = useTranslation();
  const v = useVocab();
  const lang = useLang();
  const values = form.getValues();
  return (
    <>
      <Paper p="lg">
        <Title order={2} size="h4" mb="sm">
          {t('planner.what')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <MultiSelect label={t('course.indications')} required searchable data={INDICATION_CODES.map((c) => ({ value: c, label: v(indications, c) }))} {...form.getInputProps('indications')} />
          <MultiSelect label={t('course.areas')} required searchable data={AREA_CODES.map((c) => ({ value: c, label: v(areas, c) }))} {...form.getInputProps('areas')} />
        </SimpleGrid>
        <Stack mt="sm" gap="xs">
          <FindingsAt result={live} place={['indications', 'areas']} />
        </Stack>
      </Paper>
      <Paper p="lg">
        <Title order={2} size="h4" mb="sm">
          {t('planner.how')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select label={t('course.technique')} required allowDeselect={false} data={TECHNIQUE_CODES.map((c) => ({ value: c, label: v(techniques, c) }))} {...form.getInputProps('technique')} />
          <NumberInput label={t('sessionForm.depth')} required min={0.1} max={15} step={0.5} decimalScale={1} {...form.getInputProps('depthMm')} />
        </SimpleGrid>
        <Stack mt="sm" gap="xs">
          <FindingsAt result={live} place={['technique', 'depth']} />
        </Stack>
      </Paper>
      <Paper p="lg">
        <Title order={2} size="h4" mb="sm">
          {t('planner.cocktail')}
        </Title>
        {products.length === 0 ? (
          <Alert color="yellow">
            {t('planner.emptyCatalog')}{' '}
            <Anchor component={Link} to="/catalog">
              {t('planner.manageCatalog')}
            </Anchor>
          </Alert>
        ) : (
          <CocktailEditor form={form} products={products} templates={templates} />
        )}
        <Stack mt="sm" gap="xs">
          <FindingsAt result={live} place="components" />
        </Stack>
      </Paper>
      <Paper p="lg">
        <Title order={2} size="h4" mb="sm">
          {t('planner.schedule')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput label={t('planner.plannedSessions')} required min={1} max={100} {...form.getInputProps('plannedSessions')} />
          <NumberInput label={t('planner.intervalDays')} required min={1} max={365} {...form.getInputProps('intervalDays')} />
          <DateField label={t('course.startsOn')} {...form.getInputProps('startsOn')} />
        </SimpleGrid>
        <Stack mt="sm" gap="xs">
          <FindingsAt result={live} place="schedule" />
        </Stack>
        <Stack mt="md" gap="xs" hiddenFrom="lg">
          <PlanCalendar dates={dates} />
        </Stack>
      </Paper>
      <Paper p="lg">
        <Title order={2} size="h4" mb="sm">
          {t('planner.expectations')}
        </Title>
        <Stack gap="md">
          <Textarea label={t('course.expectedResults')} withAsterisk autosize minRows={2} {...form.getInputProps('expectedResults')} />
          <Textarea label={t('course.postCare')} withAsterisk autosize minRows={2} {...form.getInputProps('postCare')} />
          <Checkbox label={t('planner.allergyTestDone')} {...form.getInputProps('allergyTestDone', { type: 'checkbox' })} />
          {values.allergyTestDone && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <Textarea label={t('planner.allergyTestMethod')} autosize minRows={1} {...form.getInputProps('allergyTestMethod')} />
              <Select
                label={t('planner.allergyTestResult')}
                clearable
                data={(['negative', 'positive', 'inconclusive'] as const).map((r) => ({ value: r, label: t(`course.testResults.${r}`) }))}
                {...form.getInputProps('allergyTestResult')}
              />
              <DateField
                label={<OptionalLabel>{t('planner.allergyTestDate')}</OptionalLabel>}
                clearable
                clearButtonProps={{ 'aria-label': t('common.reset') }}
                upToToday {...form.getInputProps('allergyTestDate')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput label={t('planner.priceLabel', { currency: currencySign(currency, lang) })} withAsterisk min={0} decimalScale={2} thousandSeparator=" " {...form.getInputProps('price')} />
          </SimpleGrid>
          <Textarea label={<OptionalLabel>{t('course.notes')}</OptionalLabel>} autosize minRows={2} {...form.getInputProps('notes')} />
        </Stack>
      </Paper>
    </>
  );
}

/** The column beside the plan: the whole live assessment, and the planned days. */
export function PlanSidebar({ live, dates }: { live: LiveResult | null; dates: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
      <LiveSummary result={live} general={['patient', 'record', 'lots']} />
      <Paper p="md" visibleFrom="lg">
        <Title order={2} size="h5" mb="sm">
          {t('course.plannedDates')}
        </Title>
        <PlanCalendar dates={dates} />
      </Paper>
    </Stack>
  );
}
