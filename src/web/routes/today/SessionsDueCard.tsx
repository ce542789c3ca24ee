import { Badge, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adverseEventTypes, areas, conditions, indications, substanceClasses } from '../../../domain/vocabulary/index.ts';
import { courses, history, type AdverseEvent, type Course } from '../../api/clinical.ts';
import { unresolvedAdverseEvents } from '../../api/records.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { LoadError } from '../../components/Page.tsx';
import { PatientLink } from '../../components/PatientLink.tsx';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { CardSkeleton } from './CardSkeleton.tsx';
import { useMe, useSession } from '../../session/session.ts';


interface PractitionerGroup {
  key: string;
  name: string;
  mine: boolean;
  courses: Course[];
}

/** The due courses by practitioner: the user's own first, then by name; a course with nobody named last. */
function byPractitioner(due: Course[], myId: string, nobody: string): PractitionerGroup[] {
  const groups = new Map<string, PractitionerGroup>();
  for (const c of due) {
    const key = c.practitioner?.id ?? '';
    const g = groups.get(key) ?? { key, name: c.practitioner?.displayName ?? nobody, mine: key === myId, courses: [] };
    g.courses.push(c);
    groups.set(key, g);
  }
  const rank = (g: PractitionerGroup) => (g.mine ? 0 : g.key === '' ? 2 : 1);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/**
 * A due patient's safety flags: active allergies and conditions (her history, one small read per
 * patient due), open adverse events, and the warnings accepted with the plan. The session form
 * assesses everything again; these are for planning the day.
 */
function Flags({ course, events }: { course: Course; events: AdverseEvent[] }) {
  const { t } = useTranslation();
  const v = useVocab();
  const lang = useLang();
  const substances = useSubstances();
  const hist = useQuery({ queryKey: ['patients', course.patientId, 'history'], queryFn: () => history.get(course.patientId), staleTime: 60_000 });
  const byCode = new Map((substances.data?.items ?? []).map((x) => [x.code, localName(x, lang)]));
  const warnings = course.assessment.findings.filter((f) => f.level !== 'info');
  const flags = [
    ...(hist.data?.allergies ?? [])
      .filter((a) => a.active)
      .map((a) => ({ key: a.id, color: 'red', label: t('chart.allergyTo', { what: a.class !== null ? v(substanceClasses, a.class) : (byCode.get(a.substance ?? '') ?? a.substance ?? '?') }) })),
    ...(hist.data?.conditions ?? []).filter((c) => c.active).map((c) => ({ key: c.id, color: 'orange', label: `${v(conditions, c.code)}${c.area ? ` — ${v(areas, c.area)}` : ''}` })),
    ...events.map((e) => ({ key: e.id, color: e.grade >= 3 ? 'red' : 'orange', label: t('dayPlan.openEvent', { what: `${v(adverseEventTypes, e.type)}, ${t('adverse.gradeShort', { grade: e.grade })}` }) })),
  ];
  if (flags.length === 0 && warnings.length === 0) return null;
  return (
    <Stack gap={2} mt={4}>
      {flags.length > 0 && (
        <Group gap={4}>
          {flags.map((f) => (
            <Badge key={f.key} size="sm" color={f.color} variant="light" tt="none" maw="100%">
              {f.label}
            </Badge>
          ))}
        </Group>
      )}
      {warnings.length > 0 && (
        <Text size="xs" c="orange.9">
          {t('dayPlan.planWarnings', { count: warnings.length, rules: warnings.map((f) => f.rule).join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Active courses whose next session falls due today or has passed, by practitioner (the one of the
 * last session, else the planning doctor): who is expected, by whom, with what to watch for.
 */
export function SessionsDueCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const me = useMe();
  const session = useSession();
  const query = useQuery({ queryKey: ['courses', 'active'], queryFn: () => courses.list({ status: 'active' }) });
  const events = useQuery({ queryKey: ['adverse-events', 'unresolved'], queryFn: unresolvedAdverseEvents, enabled: session.can('adverse-events.read') });
  const due = (query.data?.items ?? []).filter((c) => c.nextDueOn !== null && c.nextDueOn <= today).sort((a, b) => (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? ''));
  const groups = byPractitioner(due, me.user.id, t('dayPlan.nobody'));
  const eventsOf = (patientId: string) => (events.data?.items ?? []).filter((e) => e.patientId === patientId);

  return (
    <Card p="lg">
      <Title order={2} size="h4" mb="sm">
        {t('today.sessionsDue')}
      </Title>
      {query.isPending && <CardSkeleton />}
      {query.isError && <LoadError error={query.error} />}
      {query.isSuccess && due.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('today.sessionsDueEmpty')}
        </Text>
      )}
      <Stack gap="md">
        {groups.map((g, gi) => (
          <Fragment key={g.key}>
            {gi > 0 && <Divider />}
            <section aria-label={g.name}>
              <Group justify="space-between" mb={6}>
                <Text size="sm" fw={700} c={g.mine ? 'clinic.8' : 'dark.7'} component="h3" m={0}>
                  {g.mine ? t('dayPlan.mine', { name: g.name }) : g.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('dayPlan.count', { count: g.courses.length })}
                </Text>
              </Group>
              <Stack gap="sm">
                {g.courses.map((c) => (
                  <Group key={c.id} justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                    <div>
                      <PatientLink id={c.patientId} />
                      <Text size="xs" c="dimmed">
                        {c.indications.map((i) => v(indications, i)).join(', ')} ·{' '}
                        {t('today.nextSession', { number: c.sessionsDone + 1, planned: c.plannedSessions, date: fmt.date(c.nextDueOn) })}
                      </Text>
                      <Flags course={c} events={eventsOf(c.patientId)} />
                    </div>
                    {session.can('sessions.record') && (
                      <Button component={Link} to={`/patients/${c.patientId}/courses/${c.id}/sessions/new`} size="xs" variant="light" style={{ flexShrink: 0 }}>
                        {t('today.record')}
                      </Button>
                    )}
                  </Group>
                ))}
              </Stack>
            </section>
          </Fragment>
        ))}
      </Stack>
    </Card>
  );
}
