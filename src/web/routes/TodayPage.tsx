import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { IconPlus, IconSearch } from '../components/icons.tsx';
import { PatientList } from '../components/PatientList.tsx';
import { useFormat, todayIn } from '../i18n/format.ts';
import { useMe, useSession } from '../session/session.ts';
import { usePatientSearch } from '../api/use-patient-search.ts';
import { AlertsCard, SessionsDueCard } from './today/TodayCards.tsx';

/** The first letter in capitals ("воскресенье, 22 ноября" → "Воскресенье, 22 ноября"). */
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function greetingKey(hour: number) {
  if (hour < 12) return 'today.greetingMorning' as const;
  if (hour < 18) return 'today.greetingDay' as const;
  return 'today.greetingEvening' as const;
}

/** The clinician's day: find or register a patient, and what the day holds. */
export function TodayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const day = todayIn(me.clinic.timeZone);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: me.clinic.timeZone }).format(new Date()));
  const canRead = session.can('patients.read');
  const recent = usePatientSearch('', canRead);

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Text c="dimmed" size="sm">
          {capitalised(new Intl.DateTimeFormat(fmt.lang === 'ru' ? 'ru-RU' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)))}
        </Text>
        <Title order={1} size="h2">
          {t(greetingKey(hour), { name: me.user.displayName })}
        </Title>
      </div>

      {canRead && (
        <Card p="lg">
          <form
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              void navigate(`/patients?q=${encodeURIComponent(q)}`);
            }}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('today.findPatient')}
                placeholder={t('today.findPlaceholder')}
                leftSection={<IconSearch size={18} />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                size="md"
                style={{ flex: '1 1 280px' }}
              />
              <Button type="submit" size="md" variant="light">
                {t('common.search')}
              </Button>
              {session.can('patients.write') && (
                <Button component={Link} to="/patients/new" size="md" leftSection={<IconPlus size={18} />}>
                  {t('today.registerPatient')}
                </Button>
              )}
            </Group>
          </form>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {session.can('clinical.read') && <SessionsDueCard today={day} />}
        <AlertsCard />
      </SimpleGrid>
      <SimpleGrid cols={1} spacing="lg">
        {canRead && (
          <Card p="lg">
            <Title order={2} size="h4" mb="sm">
              {t('today.recentPatients')}
            </Title>
            <PatientList query={recent} compact emptyText={t('today.recentEmpty')} limit={8} />
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}
