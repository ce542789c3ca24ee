import { Alert, Badge, Button, Code, Grid, Group, List, Paper, Stack, Text, Textarea, TextInput, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newTemplateVersionBody } from '../../../domain/api/consents.ts';
import { placeholdersIn, templateProblems, type ConsentKind } from '../../../domain/consent/placeholders.ts';
import { ApiError } from '../../api/client.ts';
import { consentTemplates, type ConsentTemplate, type Placeholder } from '../../api/consent-templates.ts';
import { IconAlert, IconCheck } from '../../components/icons.tsx';
import { notify } from '../../components/notify.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import type { Lang } from '../../i18n/index.ts';
import { useLang } from '../../i18n/vocab.ts';

interface Values {
  title: string;
  body: string;
}

/** What the server said is wrong with a version it refused (422 consent-template-invalid). */
interface Refusal {
  missing: string[];
  unknown: string[];
}

const tag = (name: string) => `{{${name}}}`;

function refusalOf(err: unknown): Refusal | null {
  if (!(err instanceof ApiError) || err.slug !== 'consent-template-invalid') return null;
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  return { missing: list(err.problem.missing), unknown: list(err.problem.unknown) };
}

/**
 * The text of one consent template (a kind in a language): the active version to edit, the
 * placeholders it may use (a click puts one at the cursor), and saving the edit as the next version.
 * The required placeholders are marked as the text is typed; the server decides on save.
 */
export function ConsentTemplateEditor({
  kind,
  language,
  current,
  placeholders,
  canManage,
  start,
  onSaved,
}: {
  kind: ConsentKind;
  language: Lang;
  current: ConsentTemplate | undefined;
  placeholders: Placeholder[];
  canManage: boolean;
  /** An earlier version whose text the editor starts from (to be saved as the next version), or null. */
  start: ConsentTemplate | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const toBody = (v: Values) => ({ kind, language, title: v.title, body: v.body });
  const form = useForm<Values>({
    initialValues: { title: current?.title ?? '', body: current?.body ?? '' },
    validate: zodValidate(newTemplateVersionBody, toBody),
  });
  const draft = useFormDraft(form, canManage ? `consent-template-${kind}-${language}` : null);
  useEffect(() => {
    // After the draft's restore (effects run in order): a version copied in wins over a draft.
    if (start) form.setValues({ title: start.title, body: start.body });
    // Once per mount: the parent remounts the editor for every copied version.
  }, []);
  const values = form.getValues();
  const mine = placeholders.filter((p) => p.kinds.includes(kind));
  const used = new Set(placeholdersIn(values.body));
  const problems = templateProblems(kind, values.body);
  const describe = (name: string) => placeholders.find((p) => p.name === name)?.description[lang];

  const insert = (name: string) => {
    const el = bodyRef.current;
    const body = form.getValues().body;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    form.setFieldValue('body', body.slice(0, start) + tag(name) + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + tag(name).length, start + tag(name).length);
    });
  };

  const save = form.onSubmit(async (v) => {
    setAlert(null);
    setRefusal(null);
    try {
      const saved = await consentTemplates.addVersion(newTemplateVersionBody.parse(toBody(v)));
      draft.clear();
      form.resetDirty();
      onSaved();
      await queryClient.invalidateQueries({ queryKey: ['consent-templates'] });
      notify(t('consentTemplates.saved', { version: saved.version }));
    } catch (err) {
      const r = refusalOf(err);
      if (r) {
        setRefusal(r);
        form.setFieldError('body', t('consentTemplates.bodyRefused'));
      } else setAlert(applyServerErrors(form, err));
    }
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form onSubmit={save} noValidate>
          <Stack gap="md">
            {alert && <Alert color="red" role="alert">{alert}</Alert>}
            {refusal && (
              <Alert color="red" role="alert" icon={<IconAlert size={18} />} title={t('consentTemplates.refused')}>
                <List size="sm" spacing={4}>
                  {refusal.missing.map((n) => (
                    <List.Item key={`m-${n}`}>
                      {t('consentTemplates.refusedMissing', { placeholder: tag(n), description: describe(n) ?? n })}
                    </List.Item>
                  ))}
                  {refusal.unknown.map((n) => (
                    <List.Item key={`u-${n}`}>{t('consentTemplates.refusedUnknown', { placeholder: tag(n) })}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <TextInput label={t('consentTemplates.titleLabel')} required readOnly={!canManage} {...form.getInputProps('title')} />
            <Textarea
              ref={bodyRef}
              label={t('consentTemplates.body')}
              description={t('consentTemplates.bodyHint', { example: tag('patient.name') })}
              required
              readOnly={!canManage}
              autosize
              minRows={14}
              maxRows={28}
              // A refused text keeps its colour (a whole page of red is unreadable); the border and the message say it.
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, lineHeight: 1.5, color: 'var(--mantine-color-text)' } }}
              {...form.getInputProps('body')}
            />
            {canManage && (problems.missing.length > 0 || problems.unknown.length > 0) && (
              <Text size="sm" c="var(--mantine-color-orange-light-color)" role="status">
                {[
                  problems.missing.length > 0 ? t('consentTemplates.missingNow', { list: problems.missing.map(tag).join(', ') }) : null,
                  problems.unknown.length > 0 ? t('consentTemplates.unknownNow', { list: problems.unknown.map(tag).join(', ') }) : null,
                ]
                  .filter(Boolean)
                  .join(' ')}
              </Text>
            )}
            {canManage && (
              <Group justify="flex-end" gap="sm">
                <Button
                  variant="default"
                  disabled={!form.isDirty()}
                  onClick={() => {
                    draft.clear();
                    setRefusal(null);
                    setAlert(null);
                    form.reset();
                  }}
                >
                  {t('consentTemplates.discard')}
                </Button>
                <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                  {t('consentTemplates.saveVersion', { version: (current?.version ?? 0) + 1 })}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h5">
            {t('consentTemplates.placeholders')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {canManage ? t('consentTemplates.placeholdersHint') : t('consentTemplates.placeholdersReadHint')}
          </Text>
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {mine.map((p) => {
              const present = used.has(p.name);
              const label = (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <span aria-hidden="true" style={{ flexShrink: 0, marginTop: 2, color: present ? 'var(--mantine-color-teal-8)' : p.required ? 'var(--mantine-color-orange-9)' : 'var(--mantine-color-dimmed)' }}>
                    {present ? <IconCheck size={14} /> : p.required ? <IconAlert size={14} /> : <span style={{ display: 'inline-block', width: 14 }} />}
                  </span>
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6}>
                      <Code>{tag(p.name)}</Code>
                      {p.required && (
                        <Badge size="xs" variant="light" color={present ? 'gray' : 'orange'}>
                          {t('consentTemplates.required')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {p.description[lang]}
                      {p.required && !present ? ` — ${t('consentTemplates.notInText')}` : ''}
                    </Text>
                  </div>
                </Group>
              );
              return (
                <li key={p.name}>
                  {canManage ? (
                    <UnstyledButton onClick={() => insert(p.name)} p={4} style={{ borderRadius: 6, width: '100%' }}>
                      <VisuallyHidden>{t('consentTemplates.insert')}</VisuallyHidden>
                      {label}
                    </UnstyledButton>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
