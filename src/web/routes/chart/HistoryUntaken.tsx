import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChartView } from '../../api/chart.ts';
import { IconAlert } from '../../components/icons.tsx';
import { historyUntaken } from './safety-facts.ts';

/**
 * Said where a plan or a session is made for a patient whose history was never taken: the safety
 * check then sees no allergy and no contraindication because nobody asked, not because there are none.
 */
export function HistoryUntaken({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  if (!historyUntaken(chart)) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlert size={18} />} title={t('history.untakenTitle')} role="status">
      {t('history.untakenCheck')}{' '}
      <Anchor component={Link} to={`/patients/${chart.patient.id}/history`} size="sm" fw={600}>
        {t('history.untakenOpen')}
      </Anchor>
    </Alert>
  );
}
