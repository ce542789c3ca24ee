// Russian must say everything English says: the same keys, the Russian plural forms where English
// has a plural, and the same {{placeholders}} in each text.
import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { ru } from './ru/index.ts';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const enLeaves = leaves(en as unknown as Tree);
const ruLeaves = leaves(ru as unknown as Tree);

describe('translations', () => {
  it('has every English key in Russian, plurals in the Russian forms', () => {
    const missing: string[] = [];
    for (const key of enLeaves.keys()) {
      const base = key.replace(/_(one|other)$/, '');
      const wanted = key.endsWith('_other') ? ['_one', '_few', '_many', '_other'].map((s) => base + s) : key.endsWith('_one') ? [key] : [key];
      for (const w of wanted) if (!ruLeaves.has(w)) missing.push(w);
    }
    expect(missing).toEqual([]);
  });

  it('has no Russian key that English lacks', () => {
    const extra = [...ruLeaves.keys()].filter((k) => !enLeaves.has(k) && !enLeaves.has(k.replace(/_(few|many)$/, '_other')));
    expect(extra).toEqual([]);
  });

  it.each([...enLeaves.entries()].filter(([, v]) => v.includes('{{')))('keeps the placeholders of %s', (key, text) => {
    expect(placeholders(ruLeaves.get(key) ?? '')).toEqual(placeholders(text));
  });

  it('leaves no Russian text empty or untranslated where English has words', () => {
    const same = [...enLeaves.entries()].filter(([k, v]) => /[a-z]{4,}/i.test(v.replace(/\{\{\w+\}\}/g, '')) && ruLeaves.get(k) === v && !['app.name', 'languages.en', 'languages.ru'].includes(k));
    expect(same.map(([k]) => k)).toEqual([]);
  });
});
