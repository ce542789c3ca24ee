// W1: finding a patient by a fragment of her name, as typed at the front desk — Latin letters
// (also for names written in Cyrillic), Cyrillic letters, or the whole name with a typo.
import { searchKey } from '../../src/domain/transliterate.ts';
import type { Config } from '../../src/server/config.ts';
import { searchPatients } from '../../src/server/patients/service.ts';
import type { HttpLoad } from '../lib/load.ts';
import { Rng } from '../lib/rng.ts';
import type { RecordingDatabase, Trace } from '../lib/trace.ts';
import type { BenchClinic } from './setup.ts';

export type SearchKind = 'latin' | 'cyrillic' | 'typo';

/** One search as sent, and the SQL the app ran for it. */
export interface SearchQuery {
  clinic: BenchClinic;
  q: string;
  trace: Trace;
  /** How many patients it found (the first page: at most 20). */
  found: number;
}

const cyrillic = /[а-яё]/i;

function typo(rng: Rng, name: string): string {
  const chars = [...name];
  if (chars.length < 5) return name;
  const i = rng.int(1, chars.length - 3);
  if (rng.chance(0.5)) {
    // Two neighbouring letters swapped: "Ivnaova", "Смринова".
    [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  } else {
    // A vowel heard wrong: о for а, и for е.
    const swap: Record<string, string> = { а: 'о', о: 'а', е: 'и', и: 'е', a: 'o', o: 'a', e: 'i', i: 'e' };
    const j = chars.findIndex((c, k) => k >= i && swap[c] !== undefined);
    if (j >= 0) chars[j] = swap[chars[j] as string] as string;
    else [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  }
  return chars.join('');
}

/** What a receptionist types to find one of the clinic's patients. */
function queryFor(rng: Rng, kind: SearchKind, given: string, family: string): string | undefined {
  switch (kind) {
    case 'latin': {
      const key = searchKey(family);
      const prefix = key.slice(0, rng.int(4, Math.min(7, key.length)));
      return rng.chance(0.2) ? `${key} ${searchKey(given).slice(0, 2)}` : prefix;
    }
    case 'cyrillic': {
      if (!cyrillic.test(family)) return undefined;
      const prefix = family.slice(0, rng.int(4, Math.min(7, family.length)));
      return rng.chance(0.2) ? `${family} ${given.slice(0, 2)}` : prefix;
    }
    case 'typo':
      return family.length >= 5 ? typo(rng, family) : undefined;
  }
}

/**
 * Searches of one kind for up to `clinicsUsed` clinics, `perClinic` each, from names the clinic
 * has (drawn by a seeded order); each is run once through the app's service to record its SQL.
 */
export async function searchQueries(db: RecordingDatabase, config: Config, clinics: BenchClinic[], kind: SearchKind, perClinic = 12, clinicsUsed = 10): Promise<SearchQuery[]> {
  const rng = new Rng(`search:${kind}`);
  const out: SearchQuery[] = [];
  for (const clinic of clinics.slice(0, clinicsUsed)) {
    const names = await db.tx({ clinicId: clinic.id }, (q) =>
      q.query<{ given_name: string; family_name: string }>('SELECT given_name, family_name FROM patients WHERE clinic_id = $1 ORDER BY md5(id::text) LIMIT 400', [clinic.id]),
    );
    let made = 0;
    for (const n of names.rows) {
      if (made >= perClinic) break;
      const q = queryFor(rng, kind, n.given_name, n.family_name);
      if (!q) continue;
      let found = 0;
      const trace = await db.record(async () => {
        found = (await searchPatients({ db, config, actor: clinic.actor }, { q, includeArchived: false, limit: 20 })).items.length;
      });
      out.push({ clinic, q, trace, found });
      made++;
    }
  }
  return out;
}

/** The HTTP load of the searches: each request one of them, in a seeded random order. */
export function searchLoad(url: string, queries: SearchQuery[]): HttpLoad {
  const rng = new Rng('search:order');
  return {
    url,
    connections: 0,
    next: () => {
      const s = rng.pick(queries);
      return { method: 'GET', path: `/api/v1/patients?q=${encodeURIComponent(s.q)}&limit=20`, headers: { authorization: `Bearer ${s.clinic.token}` } };
    },
  };
}
