import { Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_KINDS, type ConsentKind } from '../../../domain/consent/placeholders.ts';
import { consentTemplates, type ConsentTemplate } from '../../api/consent-templates.ts';
import { listUsers } from '../../api/users.ts';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { useFormat } from '../../i18n/format.ts';
import { langs, type Lang } from '../../i18n/index.ts';
import { useLang } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.ts';
import { ConsentTemplateEditor } from './ConsentTemplateEditor.tsx';

// A badge in a table keeps its whole word (Mantine cuts a label that its column squeezes).
const unclipped = { label: { overflow: 'visible' } } as const;

/** One earlier version's text, to read, and to copy into the editor. */
function VersionModal({ version, canManage, onCopy, onClose }: { version: ConsentTemplate; canManage: boolean; onCopy: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('consentTemplates.versionTitle', { version: version.version, title: version.title })} size="xl" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap' }}>
          {version.body}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          {canManage && !version.active && <Button onClick={onCopy}>{t('consentTemplates.copyToEditor')}</Button>}
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The clinic's consent templates, per kind and language: the text in use with the placeholders it
 * may hold, every earlier version, and (owners) saving an edit as the next version. Signed consents
 * keep the text they were signed with.
 */
export function ConsentTemplatesSettings() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const uiLang = useLang();
  const canManage = session.can('consent-templates.manage');
  const [kind, setKind] = useState<ConsentKind>('treatment');
  const [language, setLanguage] = useState<Lang>(uiLang);
  const [viewing, setViewing] = useState<ConsentTemplate | null>(null);
  const [start, setStart] = useState<{ version: ConsentTemplate; n: number } | null>(null);
  const history = useQuery({ queryKey: ['consent-templates', 'history'], queryFn: consentTemplates.history });
  const placeholders = useQuery({ queryKey: ['consent-templates', 'placeholders'], queryFn: consentTemplates.placeholders, staleTime: Infinity });
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers, enabled: session.can('users.manage') });

  if (history.isPending || placeholders.isPending) return <PageLoader />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (placeholders.isError) return <LoadError error={placeholders.error} onRetry={() => void placeholders.refetch()} />;
  const versions = history.data.items.filter((x) => x.kind === kind && x.language === language).sort((a, b) => b.version - a.version);
  const current = versions.find((x) => x.active);
  const nameOf = (id: string | null) => (id === null ? t('consentTemplates.builtIn') : (users.data?.items.find((u) => u.id === id)?.displayName ?? '—'));

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" maw={900}>
        {t('consentTemplates.intro')}
      </Text>
      <Group gap="md" wrap="wrap">
        <SegmentedControl
          aria-label={t('consentTemplates.kind')}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setStart(null);
          }}
          data={CONSENT_KINDS.map((k) => ({ value: k, label: t(`consent.kinds.${k}`) }))}
        />
        <SegmentedControl
          aria-label={t('consentTemplates.language')}
          value={language}
          onChange={(l) => {
            setLanguage(l);
            setStart(null);
          }}
          data={langs.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
      </Group>
      {current && (
        <Text size="sm">
          <Badge variant="light" color="teal" mr={8}>
            {t('consentTemplates.inUse')}
          </Badge>
          {current.createdBy === null
            ? t('consentTemplates.currentBuiltIn', { version: current.version })
            : t('consentTemplates.currentLine', { version: current.version, date: fmt.dateTime(current.createdAt), by: nameOf(current.createdBy) })}
        </Text>
      )}
      {start && (
        <Text size="sm" c="blue.9" role="status">
          {t('consentTemplates.startedFrom', { version: start.version.version })}
        </Text>
      )}
      <ConsentTemplateEditor
        key={`${kind}-${language}-${current?.id ?? 'none'}-${start?.n ?? 0}`}
        kind={kind}
        language={language}
        current={current}
        placeholders={placeholders.data.items}
        canManage={canManage}
        start={start?.version ?? null}
        onSaved={() => setStart(null)}
      />
      <div>
        <Title order={3} size="h4" mb="xs">
          {t('consentTemplates.history')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consentTemplates.columns.version')}</Table.Th>
                <Table.Th>{t('consentTemplates.columns.title')}</Table.Th>
                <Table.Th>{t('consentTemplates.columns.saved')}</Table.Th>
                <Table.Th>{t('consentTemplates.columns.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.version}</Table.Td>
                  <Table.Td>{x.title}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{fmt.dateTime(x.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {nameOf(x.createdBy)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {x.active ? (
                      <Badge variant="light" color="teal" styles={unclipped}>
                        {t('consentTemplates.inUse')}
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray" styles={unclipped}>
                        {t('consentTemplates.earlier')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="subtle" onClick={() => setViewing(x)} aria-label={`${t('consentTemplates.read')}: ${t('consentTemplates.columns.version')} ${x.version}`}>
                      {t('consentTemplates.read')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
      {viewing && (
        <VersionModal
          version={viewing}
          canManage={canManage}
          onClose={() => setViewing(null)}
          onCopy={() => {
            setStart({ version: viewing, n: (start?.n ?? 0) + 1 });
            setViewing(null);
          }}
        />
      )}
    </Stack>
  );
}
