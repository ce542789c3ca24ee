import { Avatar, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientRecord } from '../../api/patients.ts';
import { IconMail, IconPhone } from '../../components/icons.tsx';
import { fullName, nameInitials } from '../../components/patient-name.ts';
import { ageOn, todayIn, useFormat } from '../../i18n/format.ts';
import { useMe, useSession } from '../../session/session.ts';
import { EditPatientModal } from './EditPatientModal.tsx';

/** Who the patient is: name, age, sex, contacts — the top of every chart screen. */
export function ChartHeader({ patient }: { patient: PatientRecord }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const age = ageOn(patient.birthDate, todayIn(me.clinic.timeZone));
  return (
    <Paper p={{ base: 'md', sm: 'lg' }}>
      <Group gap="lg" wrap="nowrap" align="flex-start">
        <Avatar size={64} radius="xl" color={patient.sex === 'male' ? 'blue' : 'clinic'} visibleFrom="xs" aria-hidden="true">
          {nameInitials(patient)}
        </Avatar>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2">
              {fullName(patient)}
            </Title>
            {patient.archived && (
              <Badge color="gray" variant="filled">
                {t('patients.archived')}
              </Badge>
            )}
          </Group>
          <Group gap="lg" wrap="wrap" className="tabular">
            <Text size="sm">
              <Text span fw={600}>
                {t('patients.age', { count: age })}
              </Text>
              <Text span c="dimmed">
                {' · '}
                {t('chart.born', { date: fmt.date(patient.birthDate) })} · {t(`sexes.${patient.sex}`)}
              </Text>
            </Text>
            {patient.phone && (
              <Group gap={4} wrap="nowrap">
                <IconPhone size={16} color="var(--mantine-color-dimmed)" />
                <Text size="sm">{patient.phone}</Text>
              </Group>
            )}
            {patient.email && (
              <Group gap={4} wrap="nowrap">
                <IconMail size={16} color="var(--mantine-color-dimmed)" />
                <Text size="sm">{patient.email}</Text>
              </Group>
            )}
            <Text size="sm" c="dimmed">
              {t('chart.documentsIn')}: {t(`languages.${patient.preferredLanguage}`)}
            </Text>
          </Group>
        </Stack>
        {session.can('patients.write') && (
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {editing && <EditPatientModal patient={patient} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
