import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const color = { ok: 'teal', warn: 'orange', block: 'red.9' } as const;

/** The safety engine's decision as a small badge. */
export function DecisionBadge({ decision }: { decision: 'ok' | 'warn' | 'block' }) {
  const { t } = useTranslation();
  return (
    <Badge color={color[decision]} variant={decision === 'block' ? 'filled' : 'light'} size="sm">
      {decision === 'ok' ? '✓' : t(`findings.levels.${decision}`)}
    </Badge>
  );
}
