import { Group, Text } from '@mantine/core';

/** The Mesochart mark and name. */
export function Logo({ size = 30, inverted = false }: { size?: number; inverted?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill={inverted ? '#fff' : 'var(--mantine-color-clinic-7)'} />
        <path d="M9 22V10l7 8 7-8v12" fill="none" stroke={inverted ? 'var(--mantine-color-clinic-8)' : '#fff'} strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="16" cy="25" r="1.6" fill={inverted ? 'var(--mantine-color-clinic-8)' : '#fff'} />
      </svg>
      <Text fw={700} size="lg" c={inverted ? 'white' : 'clinic.9'} style={{ letterSpacing: '-0.01em' }}>
        Mesochart
      </Text>
    </Group>
  );
}
