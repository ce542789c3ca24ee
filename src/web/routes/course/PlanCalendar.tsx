import { Badge, Group, Stack, Text } from '@mantine/core';
import { Calendar } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';

/** The planned session days on a small calendar (opening on the first), with the list beside it. */
export function PlanCalendar({ dates, done = 0 }: { dates: string[]; done?: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const planned = new Set(dates);
  const first = dates[0];
  return (
    <Stack gap="sm">
      {first && (
        <Calendar
          static
          size="sm"
          defaultDate={first}
          getDayProps={(date) => ({ selected: planned.has(date), 'aria-label': planned.has(date) ? `${fmt.date(date)} — ${t('course.plannedDates')}` : undefined })}
          numberOfColumns={1}
          hideOutsideDates
          previousLabel={t('common.previousMonth')}
          nextLabel={t('common.nextMonth')}
        />
      )}
      <Group gap={6}>
        {dates.map((d, i) => (
          <Badge key={d} variant="light" color={i < done ? 'teal' : 'gray'} size="sm" className="tabular" tt="none">
            {i < done ? '✓ ' : ''}
            {i + 1}. {fmt.date(d)}
          </Badge>
        ))}
      </Group>
      {dates.length === 0 && (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </Stack>
  );
}
