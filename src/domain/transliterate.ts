// Cyrillic → Latin, close to how Russian names are spelt in passports (ICAO 9303), so that a search
// typed in either script finds the name written in the other: "ivanova" finds "Иванова".
const map: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Lower-cases, folds Cyrillic to Latin and strips accents, for script-insensitive name search. */
export function searchKey(text: string): string {
  // Accents go (й and ё decompose to a letter plus a mark; the mark carries nothing of its own).
  const lower = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (const ch of lower) out += map[ch] ?? ch;
  // Common Latin spellings of the same sounds collapse too: "ja"/"ya" → "ia", "ju"/"yu" → "iu", "x" → "kh", "y" → "i".
  return out
    .replace(/[yj]a/g, 'ia')
    .replace(/[yj]u/g, 'iu')
    .replace(/x/g, 'kh')
    .replace(/y/g, 'i')
    .replace(/[^a-z0-9@.+ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
