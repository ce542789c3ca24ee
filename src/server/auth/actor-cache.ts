// Credentials resolved in the last few seconds. Every API request carries a session cookie or a
// token; asking the database who it belongs to was a transaction of its own on every request
// (three round trips), as costly as a small read. A client working through a screen sends several
// requests a second with the same credential, so a short memory answers most of them.
import type { Actor } from '../context.ts';

/** Who a credential belongs to, as the database said: the actor without the request's address. */
export type CachedActor = Omit<Actor, 'ip'>;

/** A bounded map from a credential's hash to its actor, each entry good until its own time. */
export class ActorCache {
  private readonly entries = new Map<string, { actor: CachedActor; until: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  /** The actor of a credential seen within the time to live, if it is still good at `now`. */
  get(hash: string, now = Date.now()): CachedActor | undefined {
    const e = this.entries.get(hash);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return e.actor;
  }

  /** Where the cache stands: pass it to `set`, taken before the database was asked. */
  mark(): number {
    return this.generation;
  }

  /**
   * Remembers a credential's actor for the time to live, never past `notAfter` (a session's
   * absolute end) — unless the cache was cleared since `mark`: the answer may predate the change.
   */
  set(hash: string, actor: CachedActor, mark: number, notAfter = Infinity, now = Date.now()): void {
    if (this.ttlMs <= 0 || mark !== this.generation) return;
    if (this.entries.size >= this.max) {
      // The oldest entry goes first (a Map keeps insertion order).
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(hash, { actor, until: Math.min(now + this.ttlMs, notAfter) });
  }

  /** Forgets everything: after any change to users, sessions or tokens made through this server. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
