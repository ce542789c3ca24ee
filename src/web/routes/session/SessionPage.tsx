import { Alert, Anchor, Badge, Button, DataList, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpKinds } from '../../../domain/adverse-events/vocabulary.ts';
import { Link, useParams } from 'react-router';
import { adverseEventTypes, areas, techniques } from '../../../domain/vocabulary/index.ts';
import { sessions } from '../../api/clinical.ts';
import { AmendModal } from './AmendModal.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DecisionBanner, FindingsList } from '../../components/FindingsList.tsx';
import { IconChevronLeft } from '../../components/icons.tsx';
import { InjectionMapView } from '../../components/injection/InjectionMapView.tsx';
import { notify } from '../../components/notify.ts';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { afterRecordChange } from '../../api/invalidate.ts';

/** A recorded session: what was done with which lots, its assessment, and signing. */
export function SessionPage() {
  const { t } = useTranslation();
  const { id: patientId = '', sessionId = '' } = useParams();
  const fmt = useFormat();
  const v = useVocab();
  const lang = useLang();
  const session = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['sessions', sessionId], queryFn: () => sessions.get(sessionId) });
  const [alert, setAlert] = useState<string | null>(null);
  const [amending, setAmending] = useState(false);

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const doc = s.amended ?? s;
  // The product as the catalog named it that day (the session's snapshot).
  const productName = (l: (typeof s.lots)[number]) => {
    const c = s.components.find((x) => x.productId === l.productId);
    return c ? localName(c, lang) : l.productCode;
  };
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <DataList.Item>
        <DataList.ItemLabel>{label}</DataList.ItemLabel>
        <DataList.ItemValue>{value}</DataList.ItemValue>
      </DataList.Item>
    ) : null;
  const sign = async () => {
    setAlert(null);
    try {
      await sessions.sign(s.id);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['sessions', sessionId] }), afterRecordChange(queryClient, patientId)]);
      notify(t('session.signedNotice'));
    } catch (err) {
      setAlert(problemText(err));
    }
  };

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}/courses/${s.courseId}`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {t('course.title')}
          </Anchor>
        }
        title={
          <Group gap="sm">
            {t('session.title', { number: s.number })}
            <Badge variant="light" color={s.signedAt ? 'teal' : 'gray'} size="lg">
              {s.signedAt ? t('session.signed') : t('session.unsigned')}
            </Badge>
          </Group>
        }
        subtitle={fmt.dateTime(s.performedAt)}
        actions={
          <>
            {session.can('adverse-events.write') && (
              <Button component={Link} to={`/patients/${patientId}/adverse-events/new?sessionId=${s.id}`} variant="light" color="red">
                {t('session.reportEvent')}
              </Button>
            )}
            {s.signedAt && session.can('sessions.record') && (
              <Button variant="default" onClick={() => setAmending(true)}>
                {t('session.amend')}
              </Button>
            )}
            {!s.signedAt && session.can('sessions.record') && (
              <ConfirmButton color="clinic" confirmLabel={t('session.sign')} message={t('session.signHint')} onConfirm={sign}>
                {t('session.sign')}
              </ConfirmButton>
            )}
          </>
        }
      />
      {alert && <Alert color="red" role="alert">{alert}</Alert>}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper p="lg">
              <DataList labelWidth={180}>
                {row(t('course.technique'), `${v(techniques, s.technique)} · ${t('course.depthValue', { mm: fmt.number(s.depthMm, 1) })}`)}
                {row(t('session.volume'), s.areas.map((a) => `${v(areas, a.area)} ${t('course.mlValue', { ml: fmt.number(a.volumeMl, 2) })}`).join(' · '))}
                {row(t('session.needle'), doc.needle ? t('session.needleValue', { gauge: doc.needle.gauge, mm: fmt.number(doc.needle.lengthMm, 1) }) : null)}
                {row(t('session.anaesthesia'), doc.anaesthesia ? `${t(`sessionForm.anaesthesiaMethods.${doc.anaesthesia.method}`)}${doc.anaesthesia.agent ? ` · ${doc.anaesthesia.agent}` : ''}` : null)}
                {row(
                  t('session.asepsis'),
                  doc.asepsis ? [doc.asepsis.skinCleaned ? t('sessionForm.skinCleaned') : '', doc.asepsis.disinfectedAfter ? t('sessionForm.disinfectedAfter') : ''].filter(Boolean).join(' · ') || '—' : null,
                )}
                {row(t('session.duration'), doc.durationMinutes ? t('session.minutes', { count: doc.durationMinutes }) : null)}
                {row(t('session.reactions'), doc.immediateReactions.map((r) => v(adverseEventTypes, r.type)).join(', ') || null)}
                {row(t('session.notes'), doc.notes)}
                {row(t('session.signedNote', { date: '' }).trim(), s.signedAt ? fmt.dateTime(s.signedAt) : null)}
              </DataList>
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('session.lots')}
              </Title>
              <Table className="tabular">
                <Table.Tbody>
                  {s.lots.map((l) => (
                    <Table.Tr key={l.lotId}>
                      <Table.Td>{productName(l)}</Table.Td>
                      <Table.Td>#{l.lotNumber}</Table.Td>
                      <Table.Td>{t('session.lotExpires', { date: fmt.date(l.expiresOn) })}</Table.Td>
                      <Table.Td ta="right">{t('course.mlValue', { ml: fmt.number(l.volumeMl, 2) })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                {t('session.points')}
              </Title>
              <InjectionMapView points={doc.injectionPoints} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Paper p="lg">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('findings.title')}
                </Title>
                <DecisionBanner decision={s.assessment.decision} />
                <FindingsList findings={s.assessment.findings} compact />
                {s.overrideReason && (
                  <Alert color="orange" variant="light" title={t('session.overrideReason')}>
                    <Text size="sm">{s.overrideReason}</Text>
                  </Alert>
                )}
              </Stack>
            </Paper>
            {s.amendments.length > 0 && (
              <Paper p="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('session.amendments')}
                </Title>
                <Stack gap="xs">
                  {s.amendments.map((a) => (
                    <div key={a.id}>
                      <Text size="sm">{a.reason}</Text>
                      <Text size="xs" c="dimmed" className="tabular">
                        {fmt.dateTime(a.createdAt)}
                      </Text>
                    </div>
                  ))}
                </Stack>
              </Paper>
            )}
            {s.followUps.length > 0 && (
              <Paper p="lg">
                <Title order={2} size="h4" mb="sm">
                  {t('session.followUps')}
                </Title>
                {s.followUps.map((f) => (
                  <Group key={f.id} justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                    <Text size="sm">{v(followUpKinds, f.kind)}</Text>
                    <Text size="sm" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {fmt.dateTime(f.dueAt)}
                    </Text>
                  </Group>
                ))}
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {amending && <AmendModal session={s} onClose={() => setAmending(false)} />}
    </Stack>
  );
}
