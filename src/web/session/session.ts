// The signed-in user as the screens see it.
import { createContext, useContext } from 'react';
import type { Capability } from '../../domain/permissions.ts';
import type { LoginAnswer, Me } from '../api/auth.ts';
import type { Lang } from '../i18n/index.ts';

export type SessionStatus = 'checking' | 'signed-out' | 'expired' | 'signed-in';

export interface Session {
  status: SessionStatus;
  me: Me | null;
  /** The email of the user whose session expired, to pre-fill the login form. */
  lastEmail: string | null;
  /** Whether the signed-in user's role holds a capability (the server decides again on every call). */
  can: (capability: Capability) => boolean;
  signIn: (answer: LoginAnswer) => Promise<void>;
  signOut: () => Promise<void>;
  /** Ends the session after inactivity: the login shows, the screen behind it (and its drafts) stays. */
  lock: () => void;
  /** Reads the signed-in user again (after changing their own account). */
  refresh: () => Promise<void>;
  setLanguage: (lang: Lang) => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session; throws outside the provider. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only for screens rendered behind the login. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
