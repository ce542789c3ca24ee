import { Button, Card, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePatientSearch } from '../../api/use-patient-search.ts';
import { IconPlus, IconSearch } from '../../components/icons.tsx';
import { PageHeader } from '../../components/Page.tsx';
import { PatientList } from '../../components/PatientList.tsx';
import { useSession } from '../../session/session.ts';

/** Search as you type (the query is kept in the address, so Back returns to the same list). */
export function PatientsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [archived, setArchived] = useState(params.get('archived') === '1');
  const [debounced] = useDebouncedValue(q, 250);
  const query = usePatientSearch(debounced, true, archived);

  useEffect(() => {
    const next = new URLSearchParams();
    if (debounced.trim()) next.set('q', debounced.trim());
    if (archived) next.set('archived', '1');
    setParams(next, { replace: true });
  }, [debounced, archived, setParams]);

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={t('patients.title')}
        actions={
          session.can('patients.write') && (
            <Button component={Link} to="/patients/new" leftSection={<IconPlus size={18} />}>
              {t('patients.register')}
            </Button>
          )
        }
      />
      <Card p="lg">
        <Stack gap="md">
          <Group align="flex-end" gap="lg" wrap="wrap">
            <TextInput
              type="search"
              label={t('patients.searchLabel')}
              placeholder={t('patients.searchPlaceholder')}
              leftSection={<IconSearch size={18} />}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              size="md"
              autoFocus
              style={{ flex: '1 1 320px' }}
            />
            <Switch label={t('patients.includeArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} mb={10} />
          </Group>
          <PatientList query={query} emptyText={debounced.trim() ? t('patients.noResults', { q: debounced.trim() }) : t('patients.empty')} />
        </Stack>
      </Card>
    </Stack>
  );
}
