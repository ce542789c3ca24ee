import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, TagsInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SAFETY_SETTINGS, safetySettingsSchema } from '../../../domain/adverse-events/settings.ts';
import { api } from '../../api/client.ts';
import { notify } from '../../components/notify.ts';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { fieldMessage, problemText } from '../../forms/validation.ts';

interface Answer {
  settings: Record<string, unknown>;
  effective: { followUpHours: number[]; kitExpiryWarningDays: number; lotExpiryWarningDays: number; atypicalInfectionFromDays: number; atypicalInfectionToDays: number };
}
type Days = 'kitExpiryWarningDays' | 'lotExpiryWarningDays' | 'atypicalInfectionFromDays' | 'atypicalInfectionToDays';
const dayKeys: Days[] = ['kitExpiryWarningDays', 'lotExpiryWarningDays', 'atypicalInfectionFromDays', 'atypicalInfectionToDays'];

/** Follow-up times after a session, expiry warnings and the atypical-infection window (owners). */
export function SafetySettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['clinic', 'safety-settings'], queryFn: () => api.get<Answer>('/clinic/safety-settings') });
  const [hours, setHours] = useState<string[]>([]);
  const [days, setDays] = useState<Record<Days, number | string>>({ ...DEFAULT_SAFETY_SETTINGS });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!query.data) return;
    setHours(query.data.effective.followUpHours.map(String));
    setDays({ ...query.data.effective });
  }, [query.data]);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} />;

  const save = async () => {
    const body: Record<string, unknown> = { followUpHours: hours.map(Number) };
    for (const k of dayKeys) body[k] = typeof days[k] === 'number' ? days[k] : Number.NaN;
    const parsed = safetySettingsSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), fieldMessage(i.message)])));
      return;
    }
    setErrors({});
    setBusy(true);
    setAlert(null);
    try {
      await api.put('/clinic/safety-settings', parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['clinic'] });
      notify(t('clinicSettings.saved'));
    } catch (err) {
      setAlert(problemText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('clinicSettings.safety')}
      </Title>
      {alert && <Alert color="red" role="alert">{alert}</Alert>}
      <TagsInput
        label={t('clinicSettings.followUpHours')}
        description={t('clinicSettings.default', { value: DEFAULT_SAFETY_SETTINGS.followUpHours.join(', ') })}
        value={hours}
        onChange={(v) => setHours(v.filter((x) => /^\d+$/.test(x)))}
        error={errors.followUpHours}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {dayKeys.map((k) => (
          <NumberInput
            key={k}
            label={t(`clinicSettings.safetyKeys.${k}`)}
            description={t('clinicSettings.default', { value: DEFAULT_SAFETY_SETTINGS[k] })}
            min={0}
            value={days[k]}
            onChange={(v) => setDays({ ...days, [k]: v })}
            error={errors[k]}
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
