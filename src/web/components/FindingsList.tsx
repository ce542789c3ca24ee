import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCheck } from './icons.tsx';

export interface FindingView {
  rule: string;
  level: 'block' | 'warn' | 'info';
  message: string;
  source: string;
}

const levelColor = { block: 'red', warn: 'orange', info: 'blue' } as const;
const order = { block: 0, warn: 1, info: 2 } as const;

/** The safety engine's findings, blocks first, each with its level, rule and source. */
export function FindingsList({ findings, compact = false }: { findings: readonly FindingView[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (findings.length === 0)
    return (
      <Group gap={6} c="teal.9">
        <IconCheck size={16} />
        <Text size="sm">{t('findings.none')}</Text>
      </Group>
    );
  return (
    <Stack gap="xs">
      {[...findings]
        .sort((a, b) => order[a.level] - order[b.level])
        .map((f, i) => (
          <Alert
            key={`${f.rule}-${i}`}
            color={levelColor[f.level]}
            variant="light"
            p={compact ? 'xs' : 'sm'}
            icon={f.level === 'info' ? undefined : <IconAlert size={18} />}
            title={
              <Group gap="xs">
                <Text size="xs" fw={800} tt="uppercase" c="dark.7" style={{ letterSpacing: '0.04em' }}>
                  {t(`findings.levels.${f.level}`)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {f.rule}
                </Text>
              </Group>
            }
          >
            <Text size="sm">{f.message}</Text>
            {!compact && f.source && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('findings.source', { source: f.source })}
              </Text>
            )}
          </Alert>
        ))}
    </Stack>
  );
}

/** The engine's decision as a banner: ok, warn or block. */
export function DecisionBanner({ decision }: { decision: 'ok' | 'warn' | 'block' }) {
  const { t } = useTranslation();
  const color = decision === 'block' ? 'red.9' : decision === 'warn' ? 'orange' : 'teal';
  return (
    <Alert color={color} variant={decision === 'block' ? 'filled' : 'light'} icon={decision === 'ok' ? <IconCheck size={18} /> : <IconAlert size={18} />} role="status">
      <Text fw={600} size="sm">
        {t(`findings.decision.${decision}`)}
      </Text>
    </Alert>
  );
}
