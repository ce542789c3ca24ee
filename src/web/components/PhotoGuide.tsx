// The framing guide laid over a photo: the same view, distance and position every time, so that a
// baseline and a later picture can be compared (CLINICAL_RULES §4).
import type { PhotoView } from '../../domain/vocabulary/index.ts';

const stroke = { fill: 'none', stroke: 'rgba(255,255,255,0.9)', strokeWidth: 0.6, strokeDasharray: '2 1.5', vectorEffect: 'non-scaling-stroke' } as const;

/** An SVG overlay (viewBox 0..100) for a standard view; the parent positions it over the image. */
export function PhotoGuide({ view }: { view: PhotoView }) {
  let shapes;
  switch (view) {
    case 'front':
      shapes = (
        <>
          <ellipse cx="50" cy="46" rx="22" ry="30" {...stroke} />
          <line x1="50" y1="10" x2="50" y2="90" {...stroke} />
          <line x1="24" y1="42" x2="76" y2="42" {...stroke} />
        </>
      );
      break;
    case 'left-45':
    case 'right-45':
      shapes = (
        <>
          <ellipse cx="50" cy="46" rx="19" ry="30" {...stroke} />
          <line x1={view === 'left-45' ? 44 : 56} y1="14" x2={view === 'left-45' ? 44 : 56} y2="80" {...stroke} />
          <line x1="28" y1="42" x2="72" y2="42" {...stroke} />
        </>
      );
      break;
    case 'left-90':
    case 'right-90':
      shapes = (
        <g transform={view === 'right-90' ? 'translate(100,0) scale(-1,1)' : undefined}>
          <path d="M58 16 C40 16 34 30 34 40 L28 50 L34 52 L33 60 C33 66 38 70 44 70 L46 82 M58 16 C70 16 76 30 74 46 C73 58 66 66 60 70 L60 82" {...stroke} />
          <line x1="20" y1="42" x2="80" y2="42" {...stroke} />
        </g>
      );
      break;
    case 'scalp-top':
    case 'scalp-back':
      shapes = (
        <>
          <circle cx="50" cy="50" r="32" {...stroke} />
          <line x1="50" y1="18" x2="50" y2="82" {...stroke} />
        </>
      );
      break;
    case 'neck-front':
    case 'decollete':
    case 'hands':
    case 'arms':
    case 'abdomen-front':
    case 'flanks-left':
    case 'flanks-right':
    case 'back':
    case 'buttocks':
    case 'thighs-front':
    case 'thighs-back':
    case 'knees':
    case 'close-up':
      shapes = (
        <>
          <rect x="14" y="10" width="72" height="80" rx="2" {...stroke} />
          <line x1="50" y1="10" x2="50" y2="90" {...stroke} />
          <line x1="14" y1="50" x2="86" y2="50" {...stroke} />
        </>
      );
      break;
  }
  return (
    <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false" style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none', filter: 'drop-shadow(0 0 1px rgba(0,0,0,0.8))' }}>
      {shapes}
    </svg>
  );
}
