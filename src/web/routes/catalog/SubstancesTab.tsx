import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { substanceClasses } from '../../../domain/vocabulary/index.ts';
import type { Substance } from '../../api/catalog.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { IconPlus } from '../../components/icons.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { SubstanceModal } from './SubstanceModal.tsx';

/** The substances products are composed of: their names, classes and the flags the allergy rules read. */
export function SubstancesTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const v = useVocab();
  const session = useSession();
  const substances = useSubstances();
  const [editing, setEditing] = useState<Substance | 'new' | null>(null);
  const canWrite = session.can('catalog.write');

  if (substances.isPending) return <PageLoader />;
  if (substances.isError) return <LoadError error={substances.error} onRetry={() => void substances.refetch()} />;
  const items = [...substances.data.items].sort((a, b) => localName(a, lang).localeCompare(localName(b, lang), lang));
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t('catalog.substancesIntro')}
        </Text>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('catalog.addSubstanceTitle')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('catalog.noSubstancesYet')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.substance')}</Table.Th>
                <Table.Th>{t('catalog.substanceClass')}</Table.Th>
                <Table.Th>{t('catalog.allergyFlags')}</Table.Th>
                {canWrite && (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {localName(s, lang)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[lang === 'ru' ? s.nameEn : s.nameRu, s.code].join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{v(substanceClasses, s.class)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {s.compositae && (
                        <Badge variant="light" color="orange">
                          {t('catalog.compositaeShort')}
                        </Badge>
                      )}
                      {s.fishDerived && (
                        <Badge variant="light" color="orange">
                          {t('catalog.fishShort')}
                        </Badge>
                      )}
                      {!s.compositae && !s.fishDerived && (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button size="xs" variant="subtle" onClick={() => setEditing(s)} aria-label={`${t('common.edit')}: ${localName(s, lang)}`}>
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <SubstanceModal substance={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
