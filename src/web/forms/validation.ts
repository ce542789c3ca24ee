// One validation for a form: the zod schema of the API (the same the server runs), its messages in
// the interface language, and the server's field errors placed on the inputs they name.
import i18next from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

// The schemas speak English fragments ("is required"); these are their translations.
const known = {
  'is required': 'validation.required',
  'must be an email address': 'validation.email',
  'must be a date as YYYY-MM-DD': 'validation.date',
  'must be a real calendar date': 'validation.realDate',
  'must be between 1900-01-01 and today': 'validation.birthRange',
  'must be a phone number': 'validation.phone',
  'must be 6 digits': 'validation.sixDigits',
  'must be at least 10 characters': 'validation.password10',
  'must be a UUID': 'validation.uuid',
  'unknown field': 'validation.unknownField',
  'does not match': 'validation.noMatch',
} as const;

/** A schema or server message in the interface language. */
export function fieldMessage(message: string): string {
  if (Object.hasOwn(known, message)) return i18next.t(known[message as keyof typeof known]);
  if (/^Too big/.test(message)) return i18next.t('validation.tooLong');
  if (/^Too small/.test(message)) return i18next.t('validation.required');
  if (i18next.language === 'ru') return i18next.t('validation.invalid');
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A zod-style path as a Mantine form path: `areas.0.volumeMl`. */
export function formPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Turns a server path (`body.areas[0].volumeMl`) into a form path (`areas.0.volumeMl`). */
export function serverPathToForm(path: string): string {
  return path.replace(/^(body|querystring|params)\.?/, '').replace(/\[(\d+)\]/g, '.$1');
}

/**
 * A Mantine `validate` function running a zod schema on the body the form would send
 * (`toBody` turns the form's values — empty strings and all — into that body).
 */
export function zodValidate<V, B>(schema: z.ZodType<B>, toBody: (values: V) => unknown, map: (path: string) => string = (p) => p) {
  return (values: V): Record<string, string> => {
    const result = schema.safeParse(toBody(values));
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? [] : [map(formPath(issue.path))];
      for (const k of keys) errors[k] ??= fieldMessage(issue.message);
    }
    return errors;
  };
}

/** A form that can show errors on its fields (any Mantine form). */
export interface ErrorTarget {
  setFieldError(path: string, error: string): void;
  getValues(): unknown;
}

function has(values: unknown, path: string): boolean {
  let at: unknown = values;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(part in at)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Places the field errors of a problem answer on the form's inputs; returns what is left for a
 * general alert (the problem's detail, or field errors of fields the form does not have).
 */
export function applyServerErrors(form: ErrorTarget, error: unknown, map: (path: string) => string = (p) => p): string | null {
  if (!(error instanceof ApiError)) return i18next.t('errors.generic');
  const issues = error.problem.errors ?? [];
  const unplaced: string[] = [];
  let placed = 0;
  for (const issue of issues) {
    const path = map(serverPathToForm(issue.path));
    if (path && has(form.getValues(), path)) {
      form.setFieldError(path, fieldMessage(issue.message));
      placed++;
    } else unplaced.push(`${issue.path.replace(/^body\./, '')}: ${fieldMessage(issue.message)}`);
  }
  if (placed > 0 && unplaced.length === 0) return i18next.t('errors.fixFields');
  if (unplaced.length > 0) return unplaced.join('; ');
  return problemText(error);
}

/** A human sentence for a failed call, in the interface language where the type is known. */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return i18next.t('errors.generic');
  switch (error.status) {
    case 0:
      return i18next.t('errors.network');
    case 403:
      return i18next.t('errors.forbidden');
    case 404:
      return i18next.t('errors.notFound');
    default:
      // The server's detail is precise (which record conflicts, which rule blocks) but English only.
      return error.problem.detail ?? error.problem.title ?? i18next.t('errors.generic');
  }
}
