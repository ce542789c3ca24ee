// Form drafts kept in the tab's sessionStorage, so that an idle timeout (which shows the login again)
// loses nothing that was typed. sessionStorage rather than localStorage: a draft holds patient data,
// and it should not outlive the tab on a shared clinic computer.
import { useEffect, useRef } from 'react';
import i18next from 'i18next';
import type { UseFormReturnType } from '@mantine/form';
import { notify } from '../components/notify.ts';
import { useSession } from '../session/session.ts';

const prefix = 'mesochart:draft:';
// A draft older than this is stale input nobody will miss.
const maxAgeMs = 12 * 60 * 60 * 1000;

const keyOf = (userId: string, key: string) => `${prefix}${userId}:${key}`;

/** Reads a saved draft, or undefined. */
export function readDraft<T>(userId: string, key: string): T | undefined {
  const raw = sessionStorage.getItem(keyOf(userId, key));
  if (!raw) return undefined;
  try {
    const { at, values } = JSON.parse(raw) as { at: number; values: T };
    if (Date.now() - at > maxAgeMs) return undefined;
    return values;
  } catch {
    return undefined;
  }
}

/** Saves a draft. */
export function writeDraft(userId: string, key: string, values: unknown): void {
  try {
    sessionStorage.setItem(keyOf(userId, key), JSON.stringify({ at: Date.now(), values }));
  } catch {
    // Storage full or disabled: the form still works, only the safety net is gone.
  }
}

/** Forgets one draft. */
export function dropDraft(userId: string, key: string): void {
  sessionStorage.removeItem(keyOf(userId, key));
}

/** Forgets every draft of a user (sign-out, or another user signing in). */
export function clearDrafts(userId: string): void {
  for (const k of Object.keys(sessionStorage)) if (k.startsWith(`${prefix}${userId}:`)) sessionStorage.removeItem(k);
}

/**
 * Keeps a Mantine form's values as a draft while it is being filled in, restores them when the form
 * opens again (after signing in again), and returns `clear` for a successful submit or a cancel.
 * `omit` names fields never stored (passwords).
 */
export function useFormDraft<T extends object>(form: UseFormReturnType<T>, key: string | null, omit: (keyof T)[] = []): { clear: () => void } {
  const { me } = useSession();
  const userId = me?.user.id;
  const restored = useRef(false);
  const omitted = useRef(omit);

  useEffect(() => {
    if (!userId || !key || restored.current) return;
    restored.current = true;
    const draft = readDraft<Partial<T>>(userId, key);
    if (draft) {
      form.setValues(draft);
      notify(i18next.t('drafts.restored'), { id: `draft-${key}`, color: 'blue', autoClose: 6000 });
    }
    // Restore once per mount: the form object changes identity on every render, so it is no dependency.
  }, [userId, key]);

  const values = form.getValues();
  const dirty = form.isDirty();
  useEffect(() => {
    if (!userId || !key || !restored.current || !dirty) return;
    const kept: Partial<T> = { ...values };
    for (const k of omitted.current) delete kept[k];
    writeDraft(userId, key, kept);
  }, [userId, key, values, dirty]);

  return {
    clear: () => {
      if (userId && key) dropDraft(userId, key);
    },
  };
}
