import { Badge, Box, Button, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaCode } from '../../../domain/vocabulary/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { useLang } from '../../i18n/vocab.ts';
import classes from './InjectionChart.module.css';
import { centreOf, diagramsFor, zoneOf, type Diagram, type DiagramId, type Zone } from './zones.ts';

/** One point as the API stores it. */
export interface InjectionPoint {
  area: AreaCode;
  zone?: string;
  x: number;
  y: number;
  volumeMl?: number;
  depthMm?: number;
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

function ZoneShape({ zone, className, ...rest }: { zone: Zone; className: string | undefined } & Record<string, unknown>) {
  if ('ellipse' in zone.shape) {
    const [cx, cy, rx, ry] = zone.shape.ellipse;
    return <ellipse cx={cx} cy={cy} rx={rx} ry={ry} transform={zone.shape.rotate ? `rotate(${zone.shape.rotate} ${cx} ${cy})` : undefined} className={className} {...rest} />;
  }
  return <path d={zone.shape.path} className={className} {...rest} />;
}

/**
 * The injection chart: a face (front and profile) and a body outline with anatomical zones. A click
 * or tap in a zone of one of the session's areas places a point with the current volume and depth;
 * Enter on a focused zone places one at its centre; a point is removed by clicking it (or Enter).
 */
export function InjectionChart({ areas, points, onChange, defaultDepth, previous }: { areas: string[]; points: InjectionPoint[]; onChange: (p: InjectionPoint[]) => void; defaultDepth: number; previous?: InjectionPoint[] | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLang();
  const diagrams = diagramsFor(areas);
  const [view, setView] = useState<DiagramId>(diagrams[0]?.id ?? 'front');
  const [volume, setVolume] = useState<number | string>(0.05);
  const [depth, setDepth] = useState<number | string>(defaultDepth);
  const svg = useRef<SVGSVGElement>(null);
  const diagram: Diagram | undefined = diagrams.find((d) => d.id === view) ?? diagrams[0];
  if (!diagram) return null;

  const add = (zone: Zone, x: number, y: number) =>
    onChange([
      ...points,
      {
        area: zone.area,
        zone: `${diagram.id}/${zone.id}`,
        x: round(x / diagram.width, 4),
        y: round(y / diagram.height, 4),
        ...(typeof volume === 'number' && volume > 0 ? { volumeMl: round(volume, 2) } : {}),
        ...(typeof depth === 'number' && depth > 0 ? { depthMm: round(depth, 1) } : {}),
      },
    ]);
  const onZoneClick = (zone: Zone) => (e: MouseEvent<SVGElement>) => {
    const el = svg.current;
    const ctm = el?.getScreenCTM();
    if (!el || !ctm) return;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    add(zone, pt.x, pt.y);
  };
  const onZoneKey = (zone: Zone) => (e: KeyboardEvent<SVGElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    const [cx, cy] = centreOf(zone);
    const n = points.filter((p) => p.zone === `${diagram.id}/${zone.id}`).length;
    add(zone, cx + ((n % 3) - 1) * 3, cy + (Math.floor(n / 3) % 3) * 3);
  };
  const remove = (i: number) => onChange(points.filter((_, j) => j !== i));
  const zoneName = (stored: string | undefined) => {
    const found = zoneOf(stored);
    return found ? found.zone[lang] : (stored ?? '');
  };

  const byZone = new Map<string, { count: number; ml: number }>();
  for (const p of points) {
    const k = p.zone ?? p.area;
    const s = byZone.get(k) ?? { count: 0, ml: 0 };
    byZone.set(k, { count: s.count + 1, ml: round(s.ml + (p.volumeMl ?? 0), 2) });
  }
  const total = round(points.reduce((n, p) => n + (p.volumeMl ?? 0), 0), 2);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        {diagrams.length > 1 && (
          <SegmentedControl
            aria-label={t('sessionForm.chart')}
            value={diagram.id}
            onChange={(v) => setView(v)}
            data={diagrams.map((d) => ({ value: d.id, label: d.id === 'front' ? t('injection.face') : d.id === 'profile' ? t('injection.profile') : d.id === 'body' ? t('injection.body') : `${t('injection.body')} ↺` }))}
          />
        )}
        <Group gap="sm">
          <NumberInput label={t('injection.volume')} value={volume} onChange={setVolume} min={0.01} max={5} step={0.01} decimalScale={2} w={120} size="xs" />
          <NumberInput label={t('injection.depth')} value={depth} onChange={setDepth} min={0.1} max={15} step={0.5} decimalScale={1} w={110} size="xs" />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Box className={classes.board}>
          <svg ref={svg} viewBox={`0 0 ${diagram.width} ${diagram.height}`} className={classes.svg} role="group" aria-label={t('sessionForm.chart')}>
            {diagram.outline.map((d) => (
              <path key={d} d={d} className={classes.outline} />
            ))}
            {diagram.zones.map((zone) => {
              const enabled = areas.includes(zone.area);
              return (
                <ZoneShape
                  key={zone.id}
                  zone={zone}
                  className={enabled ? classes.zone : classes.zoneOff}
                  {...(enabled
                    ? { role: 'button', tabIndex: 0, 'aria-label': zone[lang], onClick: onZoneClick(zone), onKeyDown: onZoneKey(zone) }
                    : { 'aria-hidden': true })}
                >
                  <title>{zone[lang]}</title>
                </ZoneShape>
              );
            })}
            {points.map((p, i) =>
              p.zone?.startsWith(`${diagram.id}/`) ? (
                <circle
                  key={i}
                  cx={p.x * diagram.width}
                  cy={p.y * diagram.height}
                  r={2.6}
                  className={classes.point}
                  role="button"
                  tabIndex={0}
                  aria-label={t('injection.point', { n: i + 1, zone: zoneName(p.zone), ml: fmt.number(p.volumeMl ?? 0, 2) })}
                  onClick={() => remove(i)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Delete' || e.key === 'Backspace') {
                      e.preventDefault();
                      remove(i);
                    }
                  }}
                />
              ) : null,
            )}
          </svg>
        </Box>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('injection.placeHint')}
          </Text>
          <Group gap="xs">
            {previous && previous.length > 0 && (
              <Button size="xs" variant="light" onClick={() => onChange(previous.filter((p) => areas.includes(p.area)).map((p) => ({ ...p })))}>
                {t('injection.repeat')}
              </Button>
            )}
            <Button size="xs" variant="subtle" color="red" disabled={points.length === 0} onClick={() => onChange([])}>
              {t('injection.clear')}
            </Button>
          </Group>
          <Text size="sm" fw={600} mt="xs">
            {t('injection.perZone')}
          </Text>
          {[...byZone].map(([k, s]) => (
            <Text key={k} size="sm" className="tabular">
              {t('injection.zoneTotal', { zone: zoneName(k), points: t('injection.points', { count: s.count }), ml: fmt.number(s.ml, 2) })}
            </Text>
          ))}
          <Group gap="xs" mt="xs">
            <Badge variant="light" size="lg" tt="none">
              {t('injection.points', { count: points.length })}
            </Badge>
            <Badge variant="light" color="gray" size="lg" tt="none" className="tabular">
              {t('injection.total', { ml: fmt.number(total, 2) })}
            </Badge>
          </Group>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
