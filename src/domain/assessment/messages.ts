// Messages of the findings, in every language the app speaks: each rule has both (the type
// system checks it), and the message names the facts that triggered the rule.
import type { Lang } from '../vocabulary/index.ts';
import type { RuleFacts } from './facts.ts';
import { EN_MESSAGES } from './messages-en.ts';
import { RU_MESSAGES } from './messages-ru.ts';
import { NAMES, type Names } from './names.ts';
import type { RuleId } from './rules.ts';

export type MessageFn<R extends RuleId> = (facts: RuleFacts[R], names: Names) => string;
export type MessageTable = { readonly [R in RuleId]: MessageFn<R> };

export const MESSAGES: Readonly<Record<Lang, MessageTable>> = { en: EN_MESSAGES, ru: RU_MESSAGES };

/** The message of a finding in a language. */
export function message<R extends RuleId>(rule: R, facts: RuleFacts[R], lang: Lang): string {
  const fn: MessageFn<R> = MESSAGES[lang][rule];
  return fn(facts, NAMES[lang]);
}
