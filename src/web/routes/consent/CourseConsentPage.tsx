import { Alert, Anchor, Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { indications } from '../../../domain/vocabulary/index.ts';
import { useChart } from '../../api/chart.ts';
import { ApiError } from '../../api/client.ts';
import { consents } from '../../api/records.ts';
import { IconChevronLeft } from '../../components/icons.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/Page.tsx';
import { problemText } from '../../forms/validation.ts';
import { useVocab } from '../../i18n/vocab.ts';

/**
 * The consent of a course: an unsigned one is opened for signing; otherwise the doctor adds any
 * conditions of her own and the server composes the text from the plan.
 */
export function CourseConsentPage() {
  const { t } = useTranslation();
  const { id: patientId = '', courseId = '' } = useParams();
  const navigate = useNavigate();
  const v = useVocab();
  const queryClient = useQueryClient();
  const chart = useChart(patientId);
  const [additions, setAdditions] = useState('');
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  if (chart.isPending) return <PageLoader />;
  if (chart.isError) return <LoadError error={chart.error} />;
  const course = chart.data.courses?.find((c) => c.id === courseId);
  const open = chart.data.consents?.find((c) => c.courseId === courseId && c.kind === 'treatment' && (c.status === 'draft' || c.status === 'signed'));
  if (open) return <Navigate to={`/patients/${patientId}/consents/${open.id}`} replace />;

  const prepare = async () => {
    setBusy(true);
    setAlert(null);
    try {
      const made = await consents.produce(courseId, additions.trim() || undefined);
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId] });
      void navigate(`/patients/${patientId}/consents/${made.id}`, { replace: true });
    } catch (err) {
      const gaps = err instanceof ApiError && Array.isArray(err.problem.gaps) ? ` (${(err.problem.gaps as string[]).join(', ')})` : '';
      setAlert(problemText(err) + gaps);
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg" maw={880}>
      <PageHeader
        before={
          <Anchor component={Link} to={`/patients/${patientId}/courses/${courseId}`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconChevronLeft size={16} />
            {course ? course.indications.map((i) => v(indications, i)).join(', ') : t('course.title')}
          </Anchor>
        }
        title={t('consent.kinds.treatment')}
        subtitle={t('consent.prepare')}
      />
      <Paper p="xl">
        <Stack gap="md">
          {alert && <Alert color="red" role="alert">{alert}</Alert>}
          <Textarea label={t('consent.additions')} description={t('consent.additionsHint')} autosize minRows={3} value={additions} onChange={(e) => setAdditions(e.currentTarget.value)} />
          <Text size="sm" c="dimmed">
            {t('consent.read')}
          </Text>
          <Button onClick={() => void prepare()} loading={busy} style={{ alignSelf: 'flex-end' }}>
            {t('consent.prepare')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
