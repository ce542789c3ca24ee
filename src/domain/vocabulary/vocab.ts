// The shape every clinical vocabulary shares: a fixed list of codes, each with an English and a
// Russian label and whatever flags the safety engine needs about it.
import { z } from 'zod';

export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];
export const langSchema = z.enum(LANGS);

export interface Labels {
  readonly en: string;
  readonly ru: string;
}

export type Code = string | number;

export interface Vocabulary<C extends Code, E extends Labels = Labels> {
  /** Singular noun used in error messages: "unknown area code". */
  readonly name: string;
  readonly codes: readonly C[];
  readonly entries: { readonly [K in C]: E };
  /** True when `code` is one of this vocabulary's codes. */
  has(code: unknown): code is C;
}

/** Builds a vocabulary from its code list and one entry per code (the compiler checks both agree). */
export function defineVocabulary<C extends Code, E extends Labels>(
  name: string,
  codes: readonly C[],
  entries: { readonly [K in C]: E },
): Vocabulary<C, E> {
  const known = new Set<unknown>(codes);
  return { name, codes, entries, has: (code: unknown): code is C => known.has(code) };
}

/** The label of a code in a language; an unknown code (from untyped callers) comes back as itself. */
export function label<C extends Code>(vocab: Vocabulary<C>, code: C, lang: Lang): string {
  const entry = vocab.entries[code] as Labels | undefined;
  return entry === undefined ? String(code) : entry[lang];
}

/** The codes of a vocabulary whose entry satisfies `test`, in vocabulary order. */
export function codesWhere<C extends Code, E extends Labels>(vocab: Vocabulary<C, E>, test: (entry: E) => boolean): C[] {
  return vocab.codes.filter((code) => test(vocab.entries[code]));
}

/** Zod error option for an enum of codes: names the vocabulary and the offending value. */
export function codeError(name: string): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) => (issue.input === undefined ? 'is required' : `unknown ${name} code ${JSON.stringify(issue.input)}`),
  };
}
