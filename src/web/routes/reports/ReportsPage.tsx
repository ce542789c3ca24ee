import { Button, Card, Group, Input, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { REPORT_GROUPS, type pvReportSchema, type ReportGroup } from '../../../domain/api/pharmacovigilance.ts';
import { adverseEventTypes } from '../../../domain/vocabulary/index.ts';
import { api, apiUrl } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { IconFile } from '../../components/icons.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { todayIn, useFormat } from '../../i18n/format.ts';
import { useLang, useVocab } from '../../i18n/vocab.ts';
import { useMe } from '../../session/session.ts';

type Report = z.infer<typeof pvReportSchema>;

/** Adverse events per product, lot, practitioner, technique or area, as rates per 100 sessions. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const fmt = useFormat();
  const lang = useLang();
  const v = useVocab();
  const today = todayIn(me.clinic.timeZone);
  const [from, setFrom] = useState<string | null>(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`);
  const [to, setTo] = useState<string | null>(today);
  const [groupBy, setGroupBy] = useState<ReportGroup>('product');
  const query = { from: from ?? today, to: to ?? today, groupBy, lang };
  const report = useQuery({ queryKey: ['reports', 'adverse-events', query], queryFn: () => api.get<Report>('/reports/adverse-events', query), enabled: Boolean(from && to) });
  const rate = (r: number | null) => (r === null ? '—' : fmt.number(r, 2));
  const types = (byType: Record<string, number>) =>
    Object.entries(byType)
      .map(([k, n]) => `${v(adverseEventTypes, k)} ${n}`)
      .join(', ');

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={
          <Button component="a" href={apiUrl('/reports/adverse-events.csv', query)} variant="light" leftSection={<IconFile size={16} />}>
            CSV
          </Button>
        }
      />
      <Card p="lg">
        <Group align="flex-end" gap="md" wrap="wrap">
          <DateField label={t('audit.from')} value={from} onChange={setFrom} w={170} />
          <DateField label={t('audit.to')} value={to} onChange={setTo} w={170} />
          <Stack gap={4}>
            <Input.Label id="group-by">{t('reports.groupBy')}</Input.Label>
            <SegmentedControl aria-labelledby="group-by" value={groupBy} onChange={(g) => setGroupBy(g)} data={REPORT_GROUPS.map((g) => ({ value: g, label: t(`reports.groups.${g}`) }))} />
          </Stack>
        </Group>
      </Card>
      <Card p={0}>
        {report.isPending ? (
          <PageLoader />
        ) : report.isError ? (
          <LoadError error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <Stack gap={0}>
            <Table.ScrollContainer minWidth={760}>
              <Table className="tabular" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(`reports.groups.${groupBy}`)}</Table.Th>
                    <Table.Th ta="right">{t('reports.sessions')}</Table.Th>
                    <Table.Th ta="right">{t('reports.events')}</Table.Th>
                    <Table.Th ta="right">{t('reports.serious')}</Table.Th>
                    <Table.Th ta="right">{t('reports.rate')}</Table.Th>
                    <Table.Th>{t('reports.byType')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.items.map((i) => (
                    <Table.Tr key={i.key}>
                      <Table.Td fw={500}>{i.label}</Table.Td>
                      <Table.Td ta="right">{i.sessions}</Table.Td>
                      <Table.Td ta="right">{i.events}</Table.Td>
                      <Table.Td ta="right" c={i.seriousEvents > 0 ? 'red.9' : undefined}>
                        {i.seriousEvents}
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {rate(i.ratePer100)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{types(i.byType)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td fw={700}>{t('reports.total')}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {report.data.totals.sessions}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {report.data.totals.events}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {report.data.totals.seriousEvents}
                    </Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {rate(report.data.totals.ratePer100)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{types(report.data.totals.byType)}</Text>
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed" px="lg" py="sm">
              {report.data.note}
            </Text>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
