import { Badge, Button, Code, DataList, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/audit.ts';
import type { UserRecord } from '../../api/auth.ts';
import { useFormat } from '../../i18n/format.ts';
import { AUDIT_RECORD_TYPES, type AuditRecordType } from './record-types.ts';

const outcomeColor: Record<string, string> = { success: 'teal', denied: 'red', failure: 'orange', 'not-found': 'gray' };

/** The audit events as a table; each event's details open in a dialog. */
export function AuditTable({ events, users }: { events: AuditEvent[]; users: UserRecord[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  if (events.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('audit.empty')}
      </Text>
    );
  const outcomeLabel = (o: string) => (o in outcomeColor ? t(`audit.outcomes.${o as 'success'}`) : o);
  const recordLabel = (r: string) => ((AUDIT_RECORD_TYPES as readonly string[]).includes(r) ? t(`audit.recordTypes.${r as AuditRecordType}`) : r);
  const who = (e: AuditEvent) => (e.actorUserId ? (names.get(e.actorUserId) ?? e.actorUserId.slice(0, 8)) : t('audit.system'));
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table className="tabular" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.columns.at')}</Table.Th>
              <Table.Th>{t('audit.columns.user')}</Table.Th>
              <Table.Th>{t('audit.columns.action')}</Table.Th>
              <Table.Th>{t('audit.columns.record')}</Table.Th>
              <Table.Th>{t('audit.columns.outcome')}</Table.Th>
              {/* On a tablet the address gives way to the rest; the details dialog still shows it. */}
              <Table.Th visibleFrom="lg">{t('audit.columns.ip')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.details')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.at)}</Table.Td>
                <Table.Td>
                  {who(e)}
                  {e.actorRole && (
                    <Text c="dimmed" size="xs">
                      {t(`roles.${e.actorRole as 'owner'}`, { defaultValue: e.actorRole })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>
                  {e.recordType ? (
                    <Text size="sm">
                      {recordLabel(e.recordType)}
                      {e.recordId && (
                        <Text span c="dimmed" size="xs" ff="monospace">
                          {' '}
                          {e.recordId.slice(0, 8)}…
                        </Text>
                      )}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={outcomeColor[e.outcome] ?? 'gray'} variant="light">
                    {outcomeLabel(e.outcome)}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="lg">{e.ip ?? '—'}</Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-xs" variant="subtle" onClick={() => setOpen(e)} aria-label={`${t('common.details')}: ${e.action} ${fmt.dateTime(e.at)}`}>
                    {t('common.details')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={t('audit.details.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        {open && (
          <DataList>
            {(
              [
                [t('audit.columns.at'), fmt.dateTime(open.at)],
                [t('audit.columns.user'), who(open)],
                [t('audit.details.role'), open.actorRole ? t(`roles.${open.actorRole as 'owner'}`, { defaultValue: open.actorRole }) : '—'],
                [t('audit.columns.action'), <Code key="a">{open.action}</Code>],
                [t('audit.details.record'), open.recordType ? recordLabel(open.recordType) : '—'],
                [t('audit.details.recordId'), open.recordId ? <Code key="r">{open.recordId}</Code> : '—'],
                [t('audit.columns.outcome'), outcomeLabel(open.outcome)],
                [t('audit.columns.ip'), open.ip ?? '—'],
              ] as [string, ReactNode][]
            ).map(([label, value]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel>{label}</DataList.ItemLabel>
                <DataList.ItemValue>{value}</DataList.ItemValue>
              </DataList.Item>
            ))}
            <DataList.Item>
              <DataList.ItemLabel>{t('audit.details.more')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {Object.keys(open.details).length === 0 ? (
                  t('audit.details.none')
                ) : (
                  <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {Object.entries(open.details)
                      .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                      .join('\n')}
                  </Code>
                )}
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
        )}
      </Modal>
    </>
  );
}
