import { Box, Button, Group, Input, Text } from '@mantine/core';
import SignaturePad from 'signature_pad';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What a form needs of a signature pad. */
export interface SignatureHandle {
  isEmpty(): boolean;
  /** The drawing as a PNG data URL (white background, dark ink). */
  toPng(): string;
}

/**
 * A signature drawn with a finger, stylus or mouse (signature_pad): sized to its box at the
 * screen's pixel density, kept when the box is resized (a tablet turned), cleared on demand.
 */
export const SignatureField = forwardRef<SignatureHandle, { label: string; error?: string | null; onChange?: (empty: boolean) => void }>(function SignatureField({ label, error, onChange }, ref) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const id = useRef(`sig-${Math.random().toString(36).slice(2)}`).current;

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const p = new SignaturePad(el, { backgroundColor: '#ffffff', penColor: '#1a1b1e', minWidth: 0.8, maxWidth: 2.6 });
    pad.current = p;
    const resize = () => {
      const data = p.toData();
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      el.width = el.offsetWidth * ratio;
      el.height = el.offsetHeight * ratio;
      el.getContext('2d')?.scale(ratio, ratio);
      p.clear();
      p.fromData(data);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    const changed = () => {
      setEmpty(p.isEmpty());
      onChange?.(p.isEmpty());
    };
    p.addEventListener('endStroke', changed);
    return () => {
      observer.disconnect();
      p.removeEventListener('endStroke', changed);
      p.off();
    };
  }, [onChange]);

  useImperativeHandle(ref, () => ({
    isEmpty: () => pad.current?.isEmpty() ?? true,
    toPng: () => pad.current?.toDataURL('image/png') ?? '',
  }));

  return (
    <Input.Wrapper label={label} required error={error} id={id}>
      <Box
        pos="relative"
        mt={4}
        style={{ border: `1px ${error ? 'solid var(--mantine-color-error)' : 'dashed var(--mantine-color-gray-5)'}`, borderRadius: 8, background: '#fff', overflow: 'hidden' }}
      >
        <canvas ref={canvas} role="img" aria-label={`${label}. ${t('consent.signHere')}`} style={{ width: '100%', height: 170, display: 'block', touchAction: 'none', cursor: 'crosshair' }} />
        <Box pos="absolute" left={16} right={16} bottom={36} style={{ borderBottom: '1px solid var(--mantine-color-gray-4)', pointerEvents: 'none' }} />
      </Box>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          {t('consent.signHere')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={empty}
          onClick={() => {
            pad.current?.clear();
            setEmpty(true);
            onChange?.(true);
          }}
        >
          {t('consent.clear')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
});
