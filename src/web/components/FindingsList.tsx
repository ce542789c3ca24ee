import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { message, RULE_IDS, type RuleId } from '../../domain/assessment/index.ts';
import type { Lang } from '../../domain/vocabulary/index.ts';
import { useLang } from '../i18n/vocab.ts';
import { IconAlert, IconCheck } from './icons.tsx';

export interface FindingView {
  rule: string;
  level: 'block' | 'warn' | 'info';
  message: string;
  /** The facts the rule found: with them the message is said again in the reader's language. */
  facts?: Record<string, unknown>;
  source: string;
}

const ruleIds = new Set<string>(RULE_IDS);

/**
 * A finding's message in the reader's language. A stored assessment (a course's, a session's, a
 * server's refusal) keeps the message in the language it was made in; its facts say it again.
 */
function messageIn(f: FindingView, lang: Lang): string {
  if (!f.facts || !ruleIds.has(f.rule)) return f.message;
  try {
    return message(f.rule as RuleId, f.facts as never, lang);
  } catch {
    // Facts of another shape (an older engine): the message as it was stored.
    return f.message;
  }
}

const levelColor = { block: 'red', warn: 'orange', info: 'blue' } as const;
const order = { block: 0, warn: 1, info: 2 } as const;

/** The safety engine's findings, blocks first, each with its level, rule and source. */
export function FindingsList({ findings, compact = false }: { findings: readonly FindingView[]; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
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
            <Text size="sm">{messageIn(f, lang)}</Text>
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
