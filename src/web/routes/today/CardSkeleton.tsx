import { Skeleton, Stack } from '@mantine/core';

/** What a card of the day shows while its data loads, rather than an empty card. */
export function CardSkeleton() {
  return (
    <Stack gap="xs" aria-hidden>
      <Skeleton h={18} />
      <Skeleton h={18} w="80%" />
      <Skeleton h={18} w="60%" />
    </Stack>
  );
}
