// Names of the clinic's staff for "who did it" lines. Only owners may list the users; everyone else
// sees their own name and "a colleague" for the others (the server keeps the user id either way).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../../api/users.ts';
import { useMe, useSession } from '../../session/session.ts';

/** `nameOf(userId)`: the user's name where the caller may know it, else "a colleague"; null for no one. */
export function useStaffNames(): (userId: string | null | undefined) => string | null {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const owner = session.can('users.manage');
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers, enabled: owner, staleTime: 5 * 60_000 });
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));
  return (userId) => {
    if (!userId) return null;
    if (userId === me.user.id) return `${me.user.displayName} (${t('alerts.you')})`;
    return names.get(userId) ?? t('alerts.colleague');
  };
}
