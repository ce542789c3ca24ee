import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpKinds } from '../../../domain/adverse-events/vocabulary.ts';
import { Link } from 'react-router';
import { adverseEventTypes } from '../../../domain/vocabulary/index.ts';
import { followUps, type FollowUp } from '../../api/safety.ts';
import { IconPhone } from '../../components/icons.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { useFormat } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { CompleteFollowUpModal } from './CompleteFollowUpModal.tsx';
import { EventsTable } from './EventsTable.tsx';

type Filter = 'open' | 'overdue' | 'done';

/** The follow-ups list: soonest first, overdue marked, each completed with what was found. */
function FollowUpsTable({ patientId }: { patientId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLang();
  const v = useVocab();
  const session = useSession();
  const [filter, setFilter] = useState<Filter>('open');
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  const query = useQuery({
    queryKey: ['follow-ups', filter, patientId ?? ''],
    queryFn: () => followUps.list({ status: filter === 'done' ? 'done' : 'open', overdue: filter === 'overdue', ...(patientId ? { patientId } : {}) }),
  });
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <SegmentedControl
          aria-label={t('followUps.title')}
          value={filter}
          onChange={(f) => setFilter(f)}
          data={(['open', 'overdue', 'done'] as const).map((f) => ({ value: f, label: t(`followUps.filters.${f}`) }))}
        />
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('chart.noFollowUps')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table className="tabular" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('followUps.due')}</Table.Th>
                <Table.Th>{t('patients.columns.name')}</Table.Th>
                <Table.Th>{t('followUps.what')}</Table.Th>
                <Table.Th aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{fmt.dateTime(f.dueAt)}</Text>
                    {f.overdue && (
                      <Badge color="red.9" size="xs" mt={2}>
                        {t('chart.overdue')}
                      </Badge>
                    )}
                    {f.completedAt && (
                      <Text size="xs" c="dimmed">
                        ✓ {fmt.dateTime(f.completedAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${f.patient.id}`} fw={600} size="sm">
                      {fullName(f.patient)}
                    </Anchor>
                    {f.patient.phone && (
                      <Group gap={4} wrap="nowrap">
                        <IconPhone size={12} color="var(--mantine-color-dimmed)" />
                        <Anchor href={`tel:${f.patient.phone.replace(/[^\d+]/g, '')}`} size="xs" c="dimmed">
                          {f.patient.phone}
                        </Anchor>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {v(followUpKinds, f.kind)}
                      {f.adverseEvent && ` · ${v(adverseEventTypes, f.adverseEvent.type)}, ${t('adverse.gradeShort', { grade: f.adverseEvent.grade })}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {f.findings ?? f.purpose[lang]}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {f.status === 'open' && session.can('clinical.write') && (
                      <Button size="xs" variant="light" onClick={() => setCompleting(f)}>
                        {t('followUps.complete')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {completing && <CompleteFollowUpModal followUp={completing} onClose={() => setCompleting(null)} />}
    </Stack>
  );
}

/** Follow-ups due across the clinic, and the adverse events they follow. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('follow-ups');
  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader title={t('followUps.title')} />
      <Tabs value={tab} onChange={setTab} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="follow-ups">{t('followUps.title')}</Tabs.Tab>
          <Tabs.Tab value="events">{t('chart.tabs.adverseEvents')}</Tabs.Tab>
        </Tabs.List>
        <Card p={{ base: 'md', sm: 'lg' }} style={{ borderTopLeftRadius: 0, borderTop: 0 }}>
          <Tabs.Panel value="follow-ups">
            <FollowUpsTable />
          </Tabs.Panel>
          <Tabs.Panel value="events">
            <EventsTable />
          </Tabs.Panel>
        </Card>
      </Tabs>
    </Stack>
  );
}
