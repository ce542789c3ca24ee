import { Anchor, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useMe } from '../../session/session.ts';

/** One unsigned session as the day list names it (GET /today, the `unsigned-sessions` facts). */
export interface UnsignedSession {
  sessionId: string;
  patientId: string;
  patientName: string;
  sessionDate: string;
  practitionerId: string;
}

/** The unsigned sessions of a day-list alert's facts, read defensively (facts are free-form). */
export function unsignedSessionsOf(facts: Record<string, unknown> | undefined): { count: number; sessions: UnsignedSession[] } {
  const raw = Array.isArray(facts?.sessions) ? (facts.sessions as unknown[]) : [];
  const sessions = raw.filter(
    (s): s is UnsignedSession => typeof s === 'object' && s !== null && typeof (s as UnsignedSession).sessionId === 'string' && typeof (s as UnsignedSession).patientId === 'string',
  );
  return { count: typeof facts?.count === 'number' ? facts.count : sessions.length, sessions };
}

/**
 * Sessions of earlier days not yet signed, oldest first, each linking to the session where it is
 * signed. The day list carries the first 50; the rest are counted.
 */
export function UnsignedSessionsModal({ count, sessions, nameOf, onClose }: { count: number; sessions: UnsignedSession[]; nameOf: (userId: string) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  return (
    <Modal opened onClose={onClose} title={t('dayPlan.unsignedTitle', { count })} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('dayPlan.unsignedHint')}
        </Text>
        <Table className="tabular" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dayPlan.sessionDay')}</Table.Th>
              <Table.Th>{t('patients.columns.name')}</Table.Th>
              <Table.Th>{t('dayPlan.practitioner')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.sessionId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(s.sessionDate)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${s.patientId}/sessions/${s.sessionId}`} size="sm" fw={600} onClick={onClose}>
                    {s.patientName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={s.practitionerId === me.user.id ? 600 : 400}>
                    {nameOf(s.practitionerId)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {count > sessions.length && (
          <Text size="xs" c="dimmed">
            {t('dayPlan.unsignedMore', { count: count - sessions.length })}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
