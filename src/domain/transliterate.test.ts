import { describe, expect, it } from 'vitest';
import { searchKey } from './transliterate.ts';

describe('searchKey', () => {
  it.each([
    ['Иванова', 'ivanova'],
    ['IVANOVA', 'ivanova'],
    ['Юлия', 'iuliia'],
    ['Yulia', 'iulia'],
    ['Ёлкина', 'elkina'],
    ['Михайлова', 'mikhailova'],
    ['Mikhaylova', 'mikhailova'],
    ['Hélène  Dupont', 'helene dupont'],
    ['Щукина', 'shchukina'],
  ])('%s → %s', (input, key) => {
    expect(searchKey(input)).toBe(key);
  });
});
