import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useLang } from '../../i18n/vocab.ts';
import type { InjectionPoint } from './InjectionChart.tsx';
import classes from './InjectionChart.module.css';
import { DIAGRAMS, zoneOf, type DiagramId } from './zones.ts';

/** A recorded injection map, drawn read-only: each diagram that holds points, with totals per zone. */
export function InjectionMapView({ points }: { points: InjectionPoint[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLang();
  if (points.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const ids = [...new Set(points.map((p) => (p.zone ?? '').split('/')[0]).filter((d): d is DiagramId => d !== undefined && d in DIAGRAMS))];
  const byZone = new Map<string, { count: number; ml: number }>();
  for (const p of points) {
    const k = p.zone ?? p.area;
    const s = byZone.get(k) ?? { count: 0, ml: 0 };
    byZone.set(k, { count: s.count + 1, ml: Math.round((s.ml + (p.volumeMl ?? 0)) * 100) / 100 });
  }
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: Math.min(ids.length, 2) }} spacing="sm">
        {ids.map((id) => {
          const d = DIAGRAMS[id];
          return (
            <div key={id} className={classes.board}>
              <svg viewBox={`0 0 ${d.width} ${d.height}`} className={classes.svg} role="img" aria-label={t('session.points')}>
                {d.outline.map((path) => (
                  <path key={path} d={path} className={classes.outline} />
                ))}
                {points
                  .filter((p) => p.zone?.startsWith(`${id}/`))
                  .map((p, i) => (
                    <circle key={i} cx={p.x * d.width} cy={p.y * d.height} r={2.4} className={classes.point} style={{ cursor: 'default' }} />
                  ))}
              </svg>
            </div>
          );
        })}
      </SimpleGrid>
      <Group gap="md">
        {[...byZone].map(([k, s]) => (
          <Text key={k} size="xs" className="tabular">
            {t('injection.zoneTotal', { zone: zoneOf(k)?.zone[lang] ?? k, points: t('injection.points', { count: s.count }), ml: fmt.number(s.ml, 2) })}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
