// The diagrams of the injection chart and their anatomical zones. Each zone belongs to one area
// of the vocabulary (the session's areas decide which zones take points). A point is stored with
// `zone` = "<diagram>/<zone>" and x, y normalised to the diagram (0..1), so the map can be drawn
// again exactly, and compared from one session to the next.
import type { AreaCode } from '../../../domain/vocabulary/index.ts';

export type DiagramId = 'front' | 'profile' | 'body' | 'back';

export type Shape = { ellipse: [cx: number, cy: number, rx: number, ry: number]; rotate?: number } | { path: string };

export interface Zone {
  id: string;
  area: AreaCode;
  en: string;
  ru: string;
  shape: Shape;
}

export interface Diagram {
  id: DiagramId;
  width: number;
  height: number;
  /** Line drawing of the outline (not interactive). */
  outline: string[];
  zones: Zone[];
}

const z = (id: string, area: AreaCode, en: string, ru: string, shape: Shape): Zone => ({ id, area, en, ru, shape });
const e = (cx: number, cy: number, rx: number, ry: number, rotate?: number): Shape => ({ ellipse: [cx, cy, rx, ry], ...(rotate === undefined ? {} : { rotate }) });
const p = (path: string): Shape => ({ path });

// The face seen from the front; the patient's right is on the viewer's left.
const front: Diagram = {
  id: 'front',
  width: 200,
  height: 240,
  outline: [
    'M100 22 C60 22 38 58 38 104 C38 150 62 188 100 188 C138 188 162 150 162 104 C162 58 140 22 100 22 Z',
    'M38 104 C30 100 28 122 38 130 M162 104 C170 100 172 122 162 130',
    'M62 112 Q74 104 86 112 Q74 118 62 112 Z M114 112 Q126 104 138 112 Q126 118 114 112 Z',
    'M60 100 Q74 94 88 99 M112 99 Q126 94 140 100',
    'M100 112 L96 140 Q100 145 104 140',
    'M86 162 Q100 156 114 162 Q100 170 86 162 Z',
    'M76 184 L74 228 M124 184 L126 228',
    'M74 228 Q50 230 24 240 M126 228 Q150 230 176 240',
  ],
  zones: [
    z('scalp', 'scalp', 'Scalp', 'Волосистая часть головы', p('M40 82 Q42 24 100 24 Q158 24 160 82 Q132 60 100 60 Q68 60 40 82 Z')),
    z('forehead', 'face', 'Forehead', 'Лоб', p('M44 88 Q70 64 100 64 Q130 64 156 88 L152 98 Q126 90 100 90 Q74 90 48 98 Z')),
    z('glabella', 'face', 'Glabella', 'Межбровье', e(100, 100, 9, 6)),
    z('temple-r', 'face', 'Temple (right)', 'Висок (правый)', e(46, 106, 7, 13)),
    z('temple-l', 'face', 'Temple (left)', 'Висок (левый)', e(154, 106, 7, 13)),
    z('periorbital-r', 'face', 'Around the eye (right)', 'Периорбитальная зона (правая)', p('M56 112 Q58 100 74 100 Q90 100 92 112 Q90 106 74 106 Q58 106 56 112 Z')),
    z('periorbital-l', 'face', 'Around the eye (left)', 'Периорбитальная зона (левая)', p('M108 112 Q110 100 126 100 Q142 100 144 112 Q142 106 126 106 Q110 106 108 112 Z')),
    z('lower-eyelid-r', 'lower-eyelid', 'Lower eyelid (right)', 'Нижнее веко (правое)', e(74, 123, 14, 5)),
    z('lower-eyelid-l', 'lower-eyelid', 'Lower eyelid (left)', 'Нижнее веко (левое)', e(126, 123, 14, 5)),
    z('cheek-r', 'face', 'Cheek (right)', 'Щека (правая)', e(64, 146, 16, 15)),
    z('cheek-l', 'face', 'Cheek (left)', 'Щека (левая)', e(136, 146, 16, 15)),
    z('nasolabial-r', 'face', 'Nasolabial fold (right)', 'Носогубная складка (правая)', e(84, 152, 4, 12, 20)),
    z('nasolabial-l', 'face', 'Nasolabial fold (left)', 'Носогубная складка (левая)', e(116, 152, 4, 12, -20)),
    z('perioral', 'face', 'Around the mouth', 'Периоральная зона', e(100, 164, 15, 8)),
    z('chin', 'face', 'Chin', 'Подбородок', e(100, 179, 13, 6)),
    z('jawline-r', 'face', 'Jawline (right)', 'Линия челюсти (правая)', p('M42 138 Q46 170 78 186 L82 180 Q54 164 50 136 Z')),
    z('jawline-l', 'face', 'Jawline (left)', 'Линия челюсти (левая)', p('M158 138 Q154 170 122 186 L118 180 Q146 164 150 136 Z')),
    z('submental', 'submental', 'Under the chin', 'Подподбородочная зона', e(100, 193, 18, 5)),
    z('neck', 'neck', 'Neck', 'Шея', p('M76 198 Q100 206 124 198 L126 226 L74 226 Z')),
    z('decollete', 'decollete', 'Décolleté', 'Декольте', p('M60 230 Q100 224 140 230 L150 240 L50 240 Z')),
  ],
};

// The face in profile, turned to the viewer's left.
const profile: Diagram = {
  id: 'profile',
  width: 200,
  height: 240,
  outline: [
    'M120 24 Q64 22 56 78 L52 96 Q46 104 54 110 L46 128 Q42 134 50 137 L52 146 Q47 152 53 156 L53 163 Q51 171 59 177 Q66 187 82 187 L98 186 Q104 196 104 206 L104 236',
    'M120 24 Q168 26 170 90 Q172 130 150 152 L146 236',
    'M128 108 C140 108 140 136 128 138 C120 136 120 110 128 108 Z',
    'M66 110 Q72 106 78 110 Q72 113 66 110 Z',
  ],
  zones: [
    z('scalp', 'scalp', 'Scalp', 'Волосистая часть головы', p('M62 70 Q64 28 120 28 Q164 30 166 86 Q138 64 100 64 Q78 64 62 70 Z')),
    z('forehead', 'face', 'Forehead', 'Лоб', p('M60 76 Q80 66 100 68 L98 94 L58 96 Z')),
    z('temple', 'face', 'Temple', 'Висок', e(110, 102, 9, 12)),
    z('lower-eyelid', 'lower-eyelid', 'Lower eyelid', 'Нижнее веко', e(74, 119, 9, 4)),
    z('cheek', 'face', 'Cheek', 'Щека', e(88, 140, 16, 15)),
    z('perioral', 'face', 'Around the mouth', 'Периоральная зона', e(62, 160, 8, 9)),
    z('jawline', 'face', 'Jawline', 'Линия челюсти', p('M74 182 Q112 180 136 150 L142 156 Q116 192 78 192 Z')),
    z('submental', 'submental', 'Under the chin', 'Подподбородочная зона', p('M80 194 Q98 192 104 202 L100 208 Q90 200 80 200 Z')),
    z('neck', 'neck', 'Neck', 'Шея', p('M106 206 L106 234 L144 234 L146 164 Q128 190 106 206 Z')),
  ],
};

// The body from the front.
const body: Diagram = {
  id: 'body',
  width: 200,
  height: 300,
  outline: [
    'M100 12 C88 12 84 22 84 30 C84 40 90 48 100 48 C110 48 116 40 116 30 C116 22 112 12 100 12 Z',
    'M92 48 L92 58 Q70 60 56 66 Q48 70 48 84 L44 128 L40 168 M108 48 L108 58 Q130 60 144 66 Q152 70 152 84 L156 128 L160 168',
    'M64 86 L62 118 Q60 150 66 170 L70 176 L72 236 L76 290 M136 86 L138 118 Q140 150 134 170 L130 176 L128 236 L124 290',
    'M100 176 L98 236 L96 290 M100 176 L102 236 L104 290',
  ],
  zones: [
    z('decollete', 'decollete', 'Décolleté', 'Декольте', p('M72 62 Q100 72 128 62 L132 86 Q100 96 68 86 Z')),
    z('arm-r', 'arms', 'Upper arm (right)', 'Плечо (правое)', p('M50 72 L62 70 L60 126 L46 124 Z')),
    z('arm-l', 'arms', 'Upper arm (left)', 'Плечо (левое)', p('M138 70 L150 72 L154 124 L140 126 Z')),
    z('hand-r', 'hands', 'Hand (right)', 'Кисть (правая)', e(40, 178, 8, 12)),
    z('hand-l', 'hands', 'Hand (left)', 'Кисть (левая)', e(160, 178, 8, 12)),
    z('abdomen', 'abdomen', 'Abdomen', 'Живот', p('M74 108 L126 108 L128 158 Q100 170 72 158 Z')),
    z('flank-r', 'flanks', 'Flank (right)', 'Бок (правый)', p('M63 106 L72 108 L70 158 L62 154 Z')),
    z('flank-l', 'flanks', 'Flank (left)', 'Бок (левый)', p('M128 108 L137 106 L138 154 L130 158 Z')),
    z('thigh-r', 'thighs', 'Thigh (right)', 'Бедро (правое)', p('M72 180 L98 180 L97 234 L74 234 Z')),
    z('thigh-l', 'thighs', 'Thigh (left)', 'Бедро (левое)', p('M102 180 L128 180 L126 234 L103 234 Z')),
    z('knee-r', 'knees', 'Knee (right)', 'Колено (правое)', e(86, 246, 10, 9)),
    z('knee-l', 'knees', 'Knee (left)', 'Колено (левое)', e(114, 246, 10, 9)),
  ],
};

// The body from behind; the patient's right is on the viewer's right.
const back: Diagram = {
  id: 'back',
  width: 200,
  height: 300,
  outline: body.outline,
  zones: [
    z('back', 'back', 'Back', 'Спина', p('M66 64 L134 64 L132 150 L68 150 Z')),
    z('arm-l', 'arms', 'Upper arm (left, back)', 'Плечо (левое, сзади)', p('M50 72 L62 70 L60 126 L46 124 Z')),
    z('arm-r', 'arms', 'Upper arm (right, back)', 'Плечо (правое, сзади)', p('M138 70 L150 72 L154 124 L140 126 Z')),
    z('buttock-l', 'buttocks', 'Buttock (left)', 'Ягодица (левая)', e(84, 170, 15, 13)),
    z('buttock-r', 'buttocks', 'Buttock (right)', 'Ягодица (правая)', e(116, 170, 15, 13)),
    z('thigh-l', 'thighs', 'Thigh (left, back)', 'Бедро (левое, сзади)', p('M72 188 L98 188 L97 236 L74 236 Z')),
    z('thigh-r', 'thighs', 'Thigh (right, back)', 'Бедро (правое, сзади)', p('M102 188 L128 188 L126 236 L103 236 Z')),
  ],
};

export const DIAGRAMS: Record<DiagramId, Diagram> = { front, profile, body, back };

/** The diagrams that have a zone of one of these areas, in display order. */
export function diagramsFor(areas: readonly string[]): Diagram[] {
  return Object.values(DIAGRAMS).filter((d) => d.zones.some((zone) => areas.includes(zone.area)));
}

/** The zone of a stored `zone` value ("front/cheek-r"). */
export function zoneOf(stored: string | undefined): { diagram: Diagram; zone: Zone } | undefined {
  const [d, id] = (stored ?? '').split('/');
  const diagram = DIAGRAMS[d as DiagramId] as Diagram | undefined;
  const zone = diagram?.zones.find((x) => x.id === id);
  return diagram && zone ? { diagram, zone } : undefined;
}

/** The centre of a zone, for a point placed from the keyboard. */
export function centreOf(zone: Zone): [number, number] {
  if ('ellipse' in zone.shape) return [zone.shape.ellipse[0], zone.shape.ellipse[1]];
  const nums = zone.shape.path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [0, 0];
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}
