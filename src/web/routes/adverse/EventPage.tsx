import { Alert, Anchor, Badge, Button, DataList, Grid, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { followUpKinds, seriousnessCriteria, TREATMENT_ROUTES, treatmentRoutes } from '../../../domain/adverse-events/vocabulary.ts';
import { adverseEventTypes, areas, severityGrades } from '../../../domain/vocabulary/index.ts';
import { adverseEvents } from '../../api/clinical.ts';
import { afterRecordChange } from '../../api/invalidate.ts';
import { useProductName } from '../../api/use-catalog.ts';
import { IconChevronLeft, IconFile } from '../../components/icons.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { eventStatusColor } from '../chart/AdverseEventsSection.tsx';
import { EventChecklist } from './EventChecklist.tsx';
import { EventEditModal } from './EventEditModal.tsx';
import { EventEmergency } from './EventEmergency.tsx';
import { EventHistory } from './EventHistory.tsx';
import { EventStatus } from './EventStatus.tsx';

/** One adverse event: what happened after which session and lots, its emergency record, treatment, status, follow-ups and history — changed by those who may. */
export function EventPage() {
  const { t } = useTranslation();
  const { id: patientId = '', eventId = '' } = useParams();
  const fmt = useFormat();
  const v = useVocab();
  const lang = useLang();
  const productName = useProductName();
  const session = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['adverse-events', 'detail', eventId], queryFn: () => adverseEvents.get(eventId) });
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [treatment, setTreatment] = useState<{ drug: string; dose: string; route: string | null }>({ drug: '', dose: '', route: 'im' });

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;
  const canWrite = session.can('adverse-events.write');
  const refresh = async () => {
    await afterRecordChange(queryClient, patientId);
  };
  const addTreatment = async () => {
    setError(null);
    try {
      await adverseEvents.treatment(e.id, { drug: treatment.drug.trim(), dose: treatment.dose.trim(), route: treatment.route ?? 'other', at: new Date().toISOString() });
      setTreatment({ drug: '', dose: '', route: 'im' });
      await refresh();
    } catch (err) {
      setError(problemText(err));
    }
  };
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <DataList.Item>
        <DataList.ItemLabel>{label}</DataList.ItemLabel>
        <DataList.ItemValue>{value}</DataList.ItemValue>
      </DataList.Item>
    ) : null;

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}/adverse-events`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {t('chart.tabs.adverseEvents')}
          </Anchor>
        }
        title={
          <Group gap="sm">
            {v(adverseEventTypes, e.type)}
            <Badge color={eventStatusColor[e.status]} variant="light" size="lg">
              {t(`adverse.statuses.${e.status}`)}
            </Badge>
            {e.serious && (
              <Badge color="red.9" size="lg">
                {t('adverse.serious')}
              </Badge>
            )}
          </Group>
        }
        subtitle={`${t('adverse.gradeLabel', { grade: e.grade, label: v(severityGrades, e.grade) })} · ${fmt.dateTime(e.onset)} · ${t('adverse.daysAfter', { count: e.daysAfterSession })}`}
        actions={
          <>
            {canWrite && (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('eventEdit.open')}
              </Button>
            )}
            <Button component="a" href={adverseEvents.reportPdfUrl(e.id, lang)} target="_blank" rel="noopener" variant="light" leftSection={<IconFile size={16} />}>
              {t('adverse.regulatorReport')}
            </Button>
          </>
        }
      />
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {e.status !== 'resolved' && <EventEmergency event={e} canWrite={canWrite} onChange={refresh} />}
      <EventChecklist event={e} canWrite={canWrite} onSaved={refresh} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper p="lg">
              <Text size="sm" mb="sm">
                {e.description}
              </Text>
              <DataList labelWidth={180}>
                {row(t('adverse.area'), e.area ? v(areas, e.area) : null)}
                {row(t('adverse.session'), fmt.dateTime(e.session.performedAt))}
                {row(t('session.lots'), e.lots.map((l) => `${productName(l.productCode)} #${l.lotNumber}`).join(', '))}
                {row(t('eventEdit.expectedLabel'), e.expected === null ? null : e.expected ? t('common.yes') : t('common.no'))}
                {row(t('eventEdit.seriousness'), e.seriousness.map((c) => v(seriousnessCriteria, c)).join(', ') || null)}
              </DataList>
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('adverse.treatments')}
              </Title>
              {e.treatments.length > 0 && (
                <Table className="tabular" fz="sm" mb="sm">
                  <Table.Tbody>
                    {e.treatments.map((tr, i) => (
                      <Table.Tr key={`${tr.at}-${i}`}>
                        <Table.Td>{fmt.dateTime(tr.at)}</Table.Td>
                        <Table.Td fw={500}>{tr.drug}</Table.Td>
                        <Table.Td>{tr.dose}</Table.Td>
                        <Table.Td>{v(treatmentRoutes, tr.route)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {canWrite && e.status !== 'resolved' && (
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <TextInput label={t('adverse.drug')} value={treatment.drug} onChange={(x) => setTreatment({ ...treatment, drug: x.currentTarget.value })} style={{ flex: '2 1 180px' }} />
                  <TextInput label={t('adverse.dose')} value={treatment.dose} onChange={(x) => setTreatment({ ...treatment, dose: x.currentTarget.value })} style={{ flex: '1 1 90px' }} />
                  <Select label={t('adverse.route')} allowDeselect={false} data={TREATMENT_ROUTES.map((r) => ({ value: r, label: v(treatmentRoutes, r) }))} value={treatment.route} onChange={(r) => setTreatment({ ...treatment, route: r })} style={{ flex: '1 1 170px' }} />
                  <Button disabled={!treatment.drug.trim() || !treatment.dose.trim()} onClick={() => void addTreatment()}>
                    {t('common.add')}
                  </Button>
                </Group>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <EventStatus event={e} canWrite={canWrite} onSaved={refresh} />
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('followUps.title')}
              </Title>
              <Stack gap="xs">
                {e.followUps.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('eventStatus.noFollowUps')}
                  </Text>
                )}
                {e.followUps.map((f) => (
                  <Group key={f.id} justify="space-between" wrap="nowrap">
                    <Text size="sm">{v(followUpKinds, f.kind)}</Text>
                    <Text size="xs" c={f.overdue ? 'red.9' : 'dimmed'} className="tabular">
                      {f.status === 'done' ? `✓ ${fmt.dateTime(f.completedAt)}` : f.status === 'cancelled' ? t('eventStatus.followUpCancelled') : fmt.dateTime(f.dueAt)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
            <EventHistory event={e} />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <EventEditModal event={e} onClose={() => setEditing(false)} onSaved={refresh} />}
    </Stack>
  );
}
