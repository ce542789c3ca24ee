// The screen of an unattended computer must not keep showing patient data. The server ends a
// session after its idle time, but only the next request would notice; so after the same quiet
// period without input the browser locks by itself: it ends the session and shows the login, where
// the form drafts survive (see forms/drafts.ts). Asking the server instead would itself count as
// activity and keep the session alive.
import { useEffect } from 'react';

/** The server's default SESSION_IDLE_MINUTES; a server set longer still locks here after this. */
const quietMs = 15 * 60 * 1000;
const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** While `active`, calls `lock` after `quietMs` without user input. */
export function useIdleLock(active: boolean, lock: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, quietMs);
    };
    arm();
    for (const e of events) window.addEventListener(e, arm, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, arm);
    };
  }, [active, lock]);
}
