import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adverseEventTypes } from '../../../domain/vocabulary/index.ts';
import type { LotRecord } from '../../api/catalog.ts';
import { lotTrace } from '../../api/safety.ts';
import { IconFile } from '../../components/icons.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { fullName } from '../../components/patient-name.ts';
import { useFormat } from '../../i18n/format.ts';
import { useVocab } from '../../i18n/vocab.ts';

/** Every patient and session that received a lot (for a recall: whom to contact, with the contacts as CSV). */
export function RecipientsModal({ lot, onClose }: { lot: LotRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useVocab();
  const query = useQuery({ queryKey: ['lots', lot.id, 'recipients'], queryFn: () => lotTrace.recipients(lot.id) });
  return (
    <Modal opened onClose={onClose} title={t('catalog.recipientsTitle', { lot: `${lot.productName} #${lot.lot}` })} size="xl" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <LoadError error={query.error} />
      ) : (
        <Stack gap="md">
          {query.data.lot.recalled && (
            <Alert color="red.9" variant="filled">
              {t('catalog.recalled', { lot: lot.lot })} {query.data.lot.recallReason ?? ''}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {t('catalog.recipientsCount', { count: query.data.patients })}
            </Text>
            {query.data.lot.recalled && (
              <Button component="a" href={lotTrace.contactsCsvUrl(lot.id)} size="xs" variant="light" leftSection={<IconFile size={14} />}>
                {t('catalog.contactsCsv')}
              </Button>
            )}
          </Group>
          {query.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('catalog.noRecipients')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table className="tabular">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('patients.columns.name')}</Table.Th>
                    <Table.Th>{t('patients.columns.phone')}</Table.Th>
                    <Table.Th>{t('adverse.session')}</Table.Th>
                    <Table.Th>{t('chart.tabs.adverseEvents')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((r) => (
                    <Table.Tr key={`${r.sessionId}-${r.lotId}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/patients/${r.patient.id}`} size="sm" fw={600}>
                          {fullName(r.patient)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.patient.phone ?? '—'}</Table.Td>
                      <Table.Td>
                        {fmt.dateTime(r.performedAt)} · {t('course.mlValue', { ml: fmt.number(r.volumeMl, 2) })}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {r.adverseEvents.map((e) => (
                            <Badge key={e.id} size="sm" variant="light" color={e.grade >= 3 ? 'red' : 'gray'}>
                              {v(adverseEventTypes, e.type)} G{e.grade}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Modal>
  );
}
