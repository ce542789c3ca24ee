import { Alert, Anchor, Badge, Card, Center, Stack, Tabs, Text } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useChart, type ChartView } from '../../api/chart.ts';
import { IconChevronLeft } from '../../components/icons.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { AdverseEventsSection } from './AdverseEventsSection.tsx';
import { ChartHeader } from './ChartHeader.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { CoursesSection } from './CoursesSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { PhotosSection } from './PhotosSection.tsx';
import { SafetyStrip } from './SafetyStrip.tsx';
import { SessionsSection } from './SessionsSection.tsx';

// The sections are part of the chart's own chunk, not loaded when their tab is first chosen: they
// are small (1–8 KB compressed), and a tab that suspends shows its loader for at least 300 ms
// (React holds a revealed fallback that long), which a doctor clicking through a chart feels.

const sections = ['overview', 'history', 'courses', 'sessions', 'consents', 'photos', 'adverseEvents'] as const;
type Section = (typeof sections)[number];
const slug: Record<Section, string> = {
  overview: '',
  history: 'history',
  courses: 'courses',
  sessions: 'sessions',
  consents: 'consents',
  photos: 'photos',
  adverseEvents: 'adverse-events',
};

function countOf(chart: ChartView, s: Section): number | undefined {
  switch (s) {
    case 'overview':
      return undefined;
    case 'history':
      return chart.history ? chart.history.conditions.filter((c) => c.active).length + chart.history.allergies.filter((a) => a.active).length : undefined;
    case 'sessions':
      return chart.courses?.reduce((n, c) => n + c.sessions.length, 0);
    case 'courses':
    case 'consents':
    case 'photos':
    case 'adverseEvents':
      return chart[s]?.length;
  }
}

function Unavailable() {
  const { t } = useTranslation();
  return (
    <Center py={48}>
      <Text c="dimmed">{t('chart.notYet')}</Text>
    </Center>
  );
}

/** A patient's chart: who she is, what is unsafe for her, and her record section by section. */
export function ChartPage() {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const id = params.id ?? '';
  const query = useChart(id);

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const chart = query.data;
  // A role without clinical access sees the overview only (the server sends it nothing else).
  const shown = sections.filter((s) => s === 'overview' || countOf(chart, s) !== undefined);
  const current = shown.find((s) => slug[s] !== '' && slug[s] === params['*']) ?? 'overview';

  const body = (s: Section): ReactNode => {
    if (s !== 'overview' && countOf(chart, s) === undefined) return <Unavailable />;
    switch (s) {
      case 'overview':
        return <OverviewSection chart={chart} />;
      case 'history':
        return <HistorySection chart={chart} />;
      case 'courses':
        return <CoursesSection chart={chart} />;
      case 'sessions':
        return <SessionsSection chart={chart} />;
      case 'consents':
        return <ConsentsSection chart={chart} />;
      case 'photos':
        return <PhotosSection chart={chart} />;
      case 'adverseEvents':
        return <AdverseEventsSection chart={chart} />;
    }
  };

  return (
    <Stack gap="md" maw={1280}>
      <Anchor component={Link} to="/patients" size="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
        <IconChevronLeft size={16} />
        {t('chart.back')}
      </Anchor>
      {chart.patient.archived && (
        <Alert color="gray" variant="light">
          {t('chart.archivedBanner')}
        </Alert>
      )}
      <ChartHeader patient={chart.patient} />
      <SafetyStrip chart={chart} />
      <Card p={0}>
        <Tabs value={current} onChange={(v) => void navigate(`/patients/${id}${v && v !== 'overview' ? `/${slug[v as Section]}` : ''}`)} keepMounted={false}>
          {/* On a tablet the seven tabs do not fit one row: they wrap, rather than hide the last ones off the edge. */}
          <Tabs.List px="sm" style={{ flexWrap: 'wrap' }}>
            {shown.map((s) => {
              const n = countOf(chart, s);
              return (
                <Tabs.Tab key={s} value={s} rightSection={n ? <Badge size="sm" variant="light" color="gray" circle>{n}</Badge> : null} style={{ whiteSpace: 'nowrap' }}>
                  {t(`chart.tabs.${s}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {shown.map((s) => (
            <Tabs.Panel key={s} value={s} p={{ base: 'md', sm: 'lg' }}>
              <Suspense fallback={<PageLoader />}>{body(s)}</Suspense>
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
    </Stack>
  );
}
