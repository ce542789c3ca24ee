import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Capability } from '../../domain/permissions.ts';
import { fetchMe, logout, setLanguage as saveLanguage, type LoginAnswer, type Me } from '../api/auth.ts';
import { onSessionExpired, setCsrfToken } from '../api/client.ts';
import { clearDrafts } from '../forms/drafts.ts';
import { setClinicTimeZone } from '../i18n/format.ts';
import { applyLang, type Lang } from '../i18n/index.ts';
import { SessionContext, type Session, type SessionStatus } from './session.ts';

/** Holds who is signed in; an expired session shows the login again without leaving the page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('checking');
  const [me, setMe] = useState<Me | null>(null);
  const [lastEmail, setLastEmail] = useState<string | null>(null);

  const adopt = useCallback(async (next: Me) => {
    setCsrfToken(next.csrfToken);
    setClinicTimeZone(next.clinic.timeZone);
    await applyLang(next.user.language);
    setMe(next);
    setLastEmail(next.user.email);
    setStatus('signed-in');
  }, []);

  useEffect(() => {
    let live = true;
    fetchMe().then(
      (found) => live && void adopt(found),
      () => live && setStatus('signed-out'),
    );
    return () => {
      live = false;
    };
  }, [adopt]);

  const expire = useCallback(() => {
    setStatus((s) => (s === 'signed-in' ? 'expired' : s));
    setCsrfToken(null);
    // What was read stays out of memory once the session is gone.
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => onSessionExpired(expire), [expire]);

  const lock = useCallback(() => {
    void logout().catch(() => undefined);
    expire();
  }, [expire]);

  const session = useMemo<Session>(
    () => ({
      status,
      me,
      lastEmail,
      can: (capability: Capability) => me?.capabilities.includes(capability) ?? false,
      signIn: async (answer: LoginAnswer) => {
        setCsrfToken(answer.csrfToken);
        if (me && me.user.id !== answer.user.id) {
          // Someone else signs in at this screen: nothing of the previous user may show.
          clearDrafts(me.user.id);
          queryClient.clear();
        }
        await adopt(await fetchMe());
      },
      signOut: async () => {
        await logout().catch(() => undefined);
        if (me) clearDrafts(me.user.id);
        setCsrfToken(null);
        queryClient.clear();
        setMe(null);
        setStatus('signed-out');
      },
      lock,
      refresh: async () => adopt(await fetchMe()),
      setLanguage: async (lang: Lang) => {
        if (me && status === 'signed-in' && me.user.language !== lang) {
          // Kept on the server before the screen switches: a reload right after the switch would
          // otherwise read the old choice back from GET /auth/me and switch back. A failed save
          // (an expired session shows the login) still switches this tab.
          await saveLanguage(lang).catch(() => undefined);
          setMe({ ...me, user: { ...me.user, language: lang } });
        }
        // A message still on screen is in the language being left.
        notifications.clean();
        await applyLang(lang);
      },
    }),
    [status, me, lastEmail, adopt, queryClient, lock],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
