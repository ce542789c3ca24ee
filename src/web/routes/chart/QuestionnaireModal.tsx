import { Alert, Badge, Button, Group, List, Modal, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionnaireBody } from '../../../domain/api/history.ts';
import { conditions, substanceClasses } from '../../../domain/vocabulary/index.ts';
import type { ChartView } from '../../api/chart.ts';
import { history, type Questionnaire, type QuestionnaireResult } from '../../api/clinical.ts';
import { useSubstances } from '../../api/use-catalog.ts';
import { DateField } from '../../components/DateField.tsx';
import { notify } from '../../components/notify.ts';
import { OptionalLabel } from '../../components/OptionalLabel.tsx';
import { LoadError, PageLoader } from '../../components/Page.tsx';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';
import { localName, useLang, useVocab } from '../../i18n/vocab.ts';

type Question = Questionnaire['questions'][number];
type Reply = 'yes' | 'no' | 'unknown';
interface AnswerValues {
  reply: Reply;
  date: string | null;
  note: string;
}
type Values = Record<string, AnswerValues>;

/** The POST body of the answers given: "not asked" is left out; date and details go with a "yes". */
function toBody(questions: readonly Question[], values: Values) {
  return {
    answers: questions
      .filter((q) => (values[q.id]?.reply ?? 'unknown') !== 'unknown')
      .map((q) => {
        const a = values[q.id] ?? { reply: 'unknown', date: null, note: '' };
        const yes = a.reply === 'yes';
        return {
          questionId: q.id,
          answer: yes,
          ...(yes && q.asksDate ? { date: a.date ?? undefined } : {}),
          ...(yes && a.note.trim() !== '' ? { note: a.note.trim() } : {}),
        };
      }),
  };
}

/** Maps `answers.3.date` (the index among the answers sent) back to the question's own field. */
function pathMapper(questions: readonly Question[], values: () => Values) {
  return (path: string) => {
    const m = /^answers\.(\d+)\.(\w+)$/.exec(path);
    if (!m) return path;
    const sent = toBody(questions, values()).answers[Number(m[1])];
    return sent ? `${sent.questionId}.${m[2] === 'answer' || m[2] === 'questionId' ? 'reply' : m[2]}` : path;
  };
}

/**
 * The health questionnaire, filled in with the patient: each question answered yes, no or not asked
 * (a "yes" with its date where the rules count from one, and optional details), a preview of what
 * the "yes" answers add to the history, then what was recorded.
 */
export function QuestionnaireModal({ chart, onClose }: { chart: ChartView; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['questionnaire'], queryFn: history.questionnaire, staleTime: Infinity });
  const [result, setResult] = useState<QuestionnaireResult | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('questionnaire.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : result ? (
        <Recorded result={result} questions={query.data.questions} onClose={onClose} />
      ) : (
        <QuestionnaireForm chart={chart} questions={query.data.questions} onRecorded={setResult} onClose={onClose} />
      )}
    </Modal>
  );
}

function QuestionnaireForm({ chart, questions, onRecorded, onClose }: { chart: ChartView; questions: Question[]; onRecorded: (r: QuestionnaireResult) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const patientId = chart.patient.id;
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: Object.fromEntries(questions.map((q) => [q.id, { reply: 'unknown', date: null, note: '' }])),
    validate: (values) => zodValidate(questionnaireBody, (x: Values) => toBody(questions, x), pathMapper(questions, () => values))(values),
  });
  const draft = useFormDraft(form, `questionnaire-${patientId}`);
  const values = form.getValues();
  const answered = questions.filter((q) => values[q.id]?.reply !== 'unknown').length;

  const submit = async () => {
    setAlert(null);
    if (answered === 0) {
      setAlert(t('questionnaire.noneAnswered'));
      return;
    }
    if (form.validate().hasErrors) return;
    try {
      const recorded = await history.recordQuestionnaire(patientId, questionnaireBody.parse(toBody(questions, form.getValues())));
      draft.clear();
      await queryClient.invalidateQueries({ queryKey: ['patients', patientId] });
      notify(t('questionnaire.saved'));
      onRecorded(recorded);
    } catch (err) {
      setAlert(applyServerErrors(form, err, pathMapper(questions, () => form.getValues())));
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('questionnaire.intro')}
        </Text>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <Stack gap={0}>
          {questions.map((q, i) => {
            const reply = values[q.id]?.reply;
            return (
              <Stack key={q.id} gap="xs" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Radio.Group
                  label={`${i + 1}. ${q.text[lang]}`}
                  styles={{ root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 'var(--mantine-spacing-lg)', rowGap: 6 }, label: { flex: '1 1 320px', fontWeight: 500 } }}
                  {...form.getInputProps(`${q.id}.reply`)}
                >
                  <Group gap="md" wrap="nowrap">
                    <Radio value="yes" label={t('questionnaire.yes')} color="red" />
                    <Radio value="no" label={t('questionnaire.no')} />
                    <Radio value="unknown" label={t('questionnaire.notAsked')} color="gray" />
                  </Group>
                </Radio.Group>
                {reply === 'yes' && (
                  <SimpleGrid cols={{ base: 1, sm: q.asksDate ? 2 : 1 }} spacing="sm" pl="md">
                    {q.asksDate && <DateField label={q.asksDate[lang]} required upToToday {...form.getInputProps(`${q.id}.date`)} />}
                    <TextInput label={<OptionalLabel>{t('questionnaire.detail')}</OptionalLabel>} placeholder={t('questionnaire.detailPlaceholder')} maxLength={2000} {...form.getInputProps(`${q.id}.note`)} />
                  </SimpleGrid>
                )}
              </Stack>
            );
          })}
        </Stack>
        <Preview chart={chart} questions={questions} values={values} />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="sm">
            <Text size="sm" c="dimmed" className="tabular" aria-live="polite">
              {t('questionnaire.answered', { answered, total: questions.length })}
            </Text>
            {answered < questions.length && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  for (const q of questions) if (values[q.id]?.reply === 'unknown') form.setFieldValue(`${q.id}.reply`, 'no');
                }}
              >
                {t('questionnaire.restNo')}
              </Button>
            )}
          </Group>
          <Group gap="sm">
            <Button
              variant="default"
              onClick={() => {
                draft.clear();
                onClose();
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('questionnaire.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** A label per history entry a question adds: its conditions, and the allergy it names. */
function useEntryLabels() {
  const v = useVocab();
  const lang = useLang();
  const { t } = useTranslation();
  const substances = useSubstances();
  const substanceName = (code: string) => {
    const s = substances.data?.items.find((x) => x.code === code);
    return s ? localName(s, lang) : code;
  };
  return {
    condition: (code: string) => v(conditions, code),
    allergy: (a: { substance?: string | null; class?: string | null }) => t('chart.allergyTo', { what: a.class ? v(substanceClasses, a.class) : substanceName(a.substance ?? '?') }),
  };
}

/** What the "yes" answers will add, and what the history already holds of it (not recorded twice). */
function Preview({ chart, questions, values }: { chart: ChartView; questions: Question[]; values: Values }) {
  const { t } = useTranslation();
  const labels = useEntryLabels();
  const held = chart.history;
  const items = questions
    .filter((q) => values[q.id]?.reply === 'yes')
    .flatMap((q) => [
      ...q.conditions.map((code) => ({ key: `${q.id}-${code}`, label: labels.condition(code), already: held?.conditions.some((c) => c.active && c.code === code && c.area === null) ?? false })),
      ...q.allergies.map((a) => ({
        key: `${q.id}-${a.substance ?? a.class ?? ''}`,
        label: labels.allergy(a),
        already: held?.allergies.some((x) => x.active && (a.substance ? x.substance === a.substance : x.class === a.class)) ?? false,
      })),
    ]);
  return (
    <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
      <Title order={3} size="h5" mb={6}>
        {t('questionnaire.willRecord')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('questionnaire.nothingYet')}
        </Text>
      ) : (
        <Group gap="xs">
          {items.map((x) => (
            <Badge key={x.key} variant={x.already ? 'outline' : 'light'} color={x.already ? 'gray' : 'orange'} tt="none" size="lg" radius="sm" fw={600} c={x.already ? 'dark.6' : 'dark.8'}>
              {x.label}
              {x.already ? ` · ${t('questionnaire.alreadyHeld')}` : ''}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}

/** What the answers recorded: the entries added, and those the history already held. */
function Recorded({ result, questions, onClose }: { result: QuestionnaireResult; questions: Question[]; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useEntryLabels();
  const kept = result.alreadyRecorded.flatMap((k) => {
    const q = questions.find((x) => x.id === k.questionId);
    return q ? [...q.conditions.map(labels.condition), ...q.allergies.map(labels.allergy)] : [];
  });
  const added = [...result.conditions.map((c) => ({ id: c.id, label: labels.condition(c.code), note: c.note })), ...result.allergies.map((a) => ({ id: a.id, label: labels.allergy(a), note: a.note }))];
  return (
    <Stack gap="md">
      <Alert color="teal" title={t('questionnaire.recordedTitle')} role="status">
        {added.length === 0 && kept.length === 0 ? t('questionnaire.nothingAdded') : null}
      </Alert>
      {added.length > 0 && (
        <div>
          <Title order={3} size="h5" mb={6}>
            {t('questionnaire.added')}
          </Title>
          <List size="sm" spacing={4}>
            {added.map((x) => (
              <List.Item key={x.id}>
                <Text span fw={600} size="sm">
                  {x.label}
                </Text>
                {x.note && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    — {x.note}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {kept.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('questionnaire.kept')}: {[...new Set(kept)].join(', ')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}
