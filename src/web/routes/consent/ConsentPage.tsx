import { Alert, Anchor, Badge, Button, Code, Grid, Group, Image, Paper, ScrollArea, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { signConsentBody } from '../../../domain/api/consents.ts';
import { consents } from '../../api/records.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { IconCheck, IconChevronLeft, IconFile } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { SignatureField, type SignatureHandle } from '../../components/SignatureField.tsx';
import { fieldMessage, problemText } from '../../forms/validation.ts';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../../session/session.ts';
import { consentStatusColor } from '../chart/ConsentsSection.tsx';
import { ConsentText } from './ConsentText.tsx';
import { afterRecordChange } from '../../api/invalidate.ts';

/** A consent: its text to read with the patient, both signatures on screen, then the signed PDF. */
export function ConsentPage() {
  const { t } = useTranslation();
  const { id: patientId = '', consentId = '' } = useParams();
  const fmt = useFormat();
  const session = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['consents', consentId], queryFn: () => consents.get(consentId) });
  const patientPad = useRef<SignatureHandle>(null);
  const doctorPad = useRef<SignatureHandle>(null);
  const [typedName, setTypedName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verified, setVerified] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const consent = query.data;
  const status = consent.status;
  const refresh = async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['consents', consentId] }), afterRecordChange(queryClient, patientId)]);
  };

  const sign = async () => {
    const next: Record<string, string> = {};
    if (patientPad.current?.isEmpty() !== false) next.patientSignature = t('consent.needSignature');
    if (doctorPad.current?.isEmpty() !== false) next.doctorSignature = t('consent.needSignature');
    const body = {
      patientSignature: { type: 'png' as const, dataBase64: patientPad.current?.toPng() ?? '' },
      typedName,
      doctorSignature: { type: 'png' as const, dataBase64: doctorPad.current?.toPng() ?? '' },
    };
    const parsed = signConsentBody.safeParse(body);
    if (!parsed.success) for (const i of parsed.error.issues) next[String(i.path[0])] ??= fieldMessage(i.message);
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.success) return;
    setBusy(true);
    setAlert(null);
    try {
      await consents.sign(consentId, parsed.data);
      notify(t('consent.signed'));
      await refresh();
    } catch (err) {
      setAlert(problemText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}/consents`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {t('chart.tabs.consents')}
          </Anchor>
        }
        title={
          <Group gap="sm">
            {consent.title}
            <Badge color={consentStatusColor[status]} variant="light" size="lg">
              {t(`consent.statuses.${status}`)}
            </Badge>
          </Group>
        }
        subtitle={consent.signedAt ? t('consent.signedOn', { date: fmt.dateTime(consent.signedAt) }) : t('consent.read')}
        actions={
          status !== 'draft' && (
            <Button component="a" href={consents.pdfUrl(consent.id)} target="_blank" rel="noopener" leftSection={<IconFile size={18} />} variant="light">
              {t('consent.pdf')}
            </Button>
          )
        }
      />
      {alert && <Alert color="red" role="alert">{alert}</Alert>}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: status === 'draft' ? 7 : 8 }}>
          <Paper p={{ base: 'md', sm: 'xl' }}>
            <ScrollArea.Autosize mah={status === 'draft' ? 640 : undefined} type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, 'aria-label': consent.title }}>
              <ConsentText text={consent.text} />
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: status === 'draft' ? 5 : 4 }}>
          {status === 'draft' && session.can('consents.sign') ? (
            <Paper p="lg">
              <Stack gap="md">
                <Title order={2} size="h4">
                  {t('consent.sign')}
                </Title>
                <TextInput label={t('consent.patientName')} required value={typedName} onChange={(e) => setTypedName(e.currentTarget.value)} error={errors.typedName} autoComplete="off" />
                <SignatureField ref={patientPad} label={t('consent.patientSignature')} error={errors.patientSignature ?? null} />
                <SignatureField ref={doctorPad} label={t('consent.doctorSignature')} error={errors.doctorSignature ?? null} />
                <Button size="md" onClick={() => void sign()} loading={busy}>
                  {t('consent.sign')}
                </Button>
              </Stack>
            </Paper>
          ) : (
            <Stack gap="md">
              {consent.withdrawnAt && (
                <Alert color="red" variant="light">
                  {t('consent.withdrawn', { date: fmt.dateTime(consent.withdrawnAt), reason: consent.withdrawalReason ?? '' })}
                </Alert>
              )}
              {status !== 'draft' && (
                <Paper p="md">
                  <Stack gap="sm">
                    <Group grow>
                      <Stack gap={4}>
                        <Text size="xs" c="dimmed">
                          {t('consent.patientSignature')}
                        </Text>
                        <Image src={`/api/v1/consents/${consent.id}/signatures/patient`} alt={t('consent.patientSignature')} h={80} fit="contain" bg="white" />
                        <Text size="xs">{consent.patientTypedName}</Text>
                      </Stack>
                      <Stack gap={4}>
                        <Text size="xs" c="dimmed">
                          {t('consent.doctorSignature')}
                        </Text>
                        <Image src={`/api/v1/consents/${consent.id}/signatures/doctor`} alt={t('consent.doctorSignature')} h={80} fit="contain" bg="white" />
                        <Text size="xs">{consent.countersignedByName}</Text>
                      </Stack>
                    </Group>
                    {consent.contentHash && (
                      <Text size="xs" c="dimmed">
                        {t('consent.frozen', { hash: '' })}
                        <Code fz="xs" style={{ wordBreak: 'break-all' }}>
                          {consent.contentHash}
                        </Code>
                      </Text>
                    )}
                    <Group gap="sm">
                      <Button size="xs" variant="subtle" onClick={() => void consents.verify(consent.id).then((r) => setVerified(r.valid), (err: unknown) => setAlert(problemText(err)))}>
                        {t('consent.verify')}
                      </Button>
                      {verified !== null && (
                        <Badge color={verified ? 'teal' : 'red.9'} variant={verified ? 'light' : 'filled'} leftSection={verified ? <IconCheck size={12} /> : undefined}>
                          {verified ? t('consent.verified') : t('consent.tampered')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              )}
              {status === 'signed' && session.can('consents.manage') && (
                <ConfirmButton
                  variant="subtle"
                  color="red"
                  confirmLabel={t('consent.withdraw')}
                  message={<Textarea label={t('consent.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />}
                  onConfirm={() => consents.withdraw(consent.id, reason.trim()).then(refresh, (err: unknown) => setAlert(problemText(err)))}
                >
                  {t('consent.withdraw')}
                </ConfirmButton>
              )}
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
