import { Alert, Anchor, Button, Group, NumberInput, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NUMERIC_SETTING_NAMES, NUMERIC_SETTINGS, RULES, SWITCHABLE_RULE_IDS, clinicSettingsSchema, type NumericSettingName, type SwitchableRuleId } from '../../../domain/assessment/index.ts';
import { clinic } from '../../api/catalog.ts';
import { useClinic } from '../../api/use-catalog.ts';
import { notify } from '../../components/notify.ts';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { fieldMessage, problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useLang } from '../../i18n/vocab.ts';

type Numbers = Partial<Record<NumericSettingName, number | string>>;
type Switches = Partial<Record<SwitchableRuleId, boolean>>;

/** The clinic's thresholds of the safety rules, each beside its default and its source (owners). */
export function ClinicSettings() {
  const { t } = useTranslation();
  const lang = useLang();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const query = useClinic();
  const [numbers, setNumbers] = useState<Numbers>({});
  const [switches, setSwitches] = useState<Switches>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!query.data) return;
    const s = query.data.settings as Record<string, unknown> & { rules?: Switches };
    setNumbers(Object.fromEntries(NUMERIC_SETTING_NAMES.filter((n) => typeof s[n] === 'number').map((n) => [n, s[n] as number])));
    setSwitches({ ...(s.rules ?? {}) });
  }, [query.data]);

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const body = () => {
    const out: Record<string, unknown> = {};
    for (const n of NUMERIC_SETTING_NAMES) {
      const v = numbers[n];
      if (typeof v === 'number' && v !== NUMERIC_SETTINGS[n].default) out[n] = v;
    }
    const rules = Object.fromEntries(SWITCHABLE_RULE_IDS.filter((id) => switches[id] === false).map((id) => [id, false]));
    if (Object.keys(rules).length > 0) out.rules = rules;
    return out;
  };
  const save = async () => {
    setAlert(null);
    const parsed = clinicSettingsSchema.safeParse(body());
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), fieldMessage(i.message)])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await clinic.saveSettings(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['clinic'] });
      notify(t('clinicSettings.saved'));
    } catch (err) {
      setAlert(problemText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('clinicSettings.intro')}
      </Text>
      {alert && <Alert color="red" role="alert">{alert}</Alert>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {NUMERIC_SETTING_NAMES.map((name) => {
          const def = NUMERIC_SETTINGS[name];
          const value = numbers[name] ?? def.default;
          const changed = typeof value === 'number' && value !== def.default;
          return (
            <NumberInput
              key={name}
              label={def.label[lang]}
              description={
                <>
                  {t('clinicSettings.default', { value: fmt.number(def.default, 2) })} · {t('clinicSettings.ruleIds', { rules: def.rules.join(', '), source: [...new Set(def.rules.map((r) => RULES[r].source))].join('; ') })}
                  {changed && (
                    <>
                      {' · '}
                      <Anchor component="button" type="button" size="xs" onClick={() => setNumbers({ ...numbers, [name]: def.default })}>
                        {t('clinicSettings.reset')}
                      </Anchor>
                    </>
                  )}
                </>
              }
              min={def.min}
              max={def.max}
              decimalScale={def.integer ? 0 : 2}
              value={value}
              onChange={(v) => setNumbers({ ...numbers, [name]: v })}
              error={errors[name]}
              styles={changed ? { input: { borderColor: 'var(--mantine-color-clinic-6)', fontWeight: 600 } } : undefined}
            />
          );
        })}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('clinicSettings.rules')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {SWITCHABLE_RULE_IDS.map((id) => (
          <Switch
            key={id}
            label={t(`clinicSettings.ruleNames.${id}`, { defaultValue: id })}
            description={`${id} · ${t('clinicSettings.switchSource', { grade: RULES[id].source.replace('research:', '') })}`}
            checked={switches[id] !== false}
            onChange={(e) => setSwitches({ ...switches, [id]: e.currentTarget.checked })}
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={busy}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
