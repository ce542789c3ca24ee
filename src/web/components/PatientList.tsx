import { Anchor, Avatar, Badge, Button, Center, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PatientSearch } from '../api/use-patient-search.ts';
import { ageOn, todayIn, useFormat } from '../i18n/format.ts';
import { useMe } from '../session/session.ts';
import { LoadError } from './Page.tsx';
import { fullName, nameInitials } from './patient-name.ts';

/** The patients of a search as a table; each name links to the chart. */
export function PatientList({ query, emptyText, compact = false, limit }: { query: PatientSearch; emptyText: string; compact?: boolean; limit?: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const today = todayIn(me.clinic.timeZone);

  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending)
    return (
      <Stack gap="xs" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={36} radius="sm" />
        ))}
      </Stack>
    );
  const all = query.data.pages.flatMap((p) => p.items);
  const items = limit ? all.slice(0, limit) : all;
  if (items.length === 0)
    return (
      <Center py="xl">
        <Text c="dimmed">{emptyText}</Text>
      </Center>
    );

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={compact ? 0 : 560}>
        <Table className="tabular" aria-busy={query.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('patients.columns.name')}</Table.Th>
              <Table.Th>{t('patients.columns.birthDate')}</Table.Th>
              {!compact && <Table.Th visibleFrom="sm">{t('patients.columns.sex')}</Table.Th>}
              <Table.Th visibleFrom={compact ? 'xl' : 'sm'}>{t('patients.columns.phone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => {
              const name = fullName(p);
              return (
                <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/patients/${p.id}`)}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Avatar size={32} radius="xl" color={p.sex === 'male' ? 'blue' : 'clinic'} aria-hidden="true">
                        {nameInitials(p)}
                      </Avatar>
                      <Anchor component={Link} to={`/patients/${p.id}`} fw={600} c="dark.7" onClick={(e) => e.stopPropagation()}>
                        {name}
                      </Anchor>
                      {p.archived && (
                        <Badge size="xs" color="gray" variant="light">
                          {t('patients.archived')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{fmt.date(p.birthDate)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('patients.age', { count: ageOn(p.birthDate, today) })}
                    </Text>
                  </Table.Td>
                  {!compact && <Table.Td visibleFrom="sm">{t(`sexes.${p.sex}`)}</Table.Td>}
                  <Table.Td visibleFrom={compact ? 'xl' : 'sm'}>{p.phone ?? '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!limit && query.hasNextPage && (
        <Center>
          <Button variant="subtle" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
