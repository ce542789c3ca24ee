import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['Павлова', 'Павлова'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+7 925 555-30-41', '+7 925 555-30-41'],
    ['-2.5', '-2.5'],
    ['-cmd|x', "'-cmd|x"],
    [null, ''],
    [12.5, '12.5'],
    [true, 'true'],
  ])('%j → %s', (value, want) => expect(csvField(value)).toBe(want));

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', 'x,y']]);
    expect(csv).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });
});
