// The pure parts of the web forms: typed dates, and server field paths mapped onto form paths.
import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../components/DateField.tsx';
import { formPath, serverPathToForm } from './validation.ts';

describe('parseTypedDate', () => {
  it.each([
    ['02.04.1985', '1985-04-02'],
    ['2.4.1985', '1985-04-02'],
    ['02/04/1985', '1985-04-02'],
    ['02-04-1985', '1985-04-02'],
    ['02041985', '1985-04-02'],
    ['1985-04-02', '1985-04-02'],
    [' 29.02.2024 ', '2024-02-29'],
  ])('reads %s as %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso);
  });

  it.each(['31.02.2024', '29.02.2023', '1985-13-01', '00.01.2000', 'yesterday', '', '1.2.85'])('refuses %j', (typed) => {
    expect(parseTypedDate(typed)).toBeNull();
  });
});

describe('server field paths on the form', () => {
  it.each([
    ['body.givenName', 'givenName'],
    ['body.areas[0].volumeMl', 'areas.0.volumeMl'],
    ['body.lots[2].lotId', 'lots.2.lotId'],
    ['querystring.q', 'q'],
    ['body', ''],
  ])('%s lands on %s', (server, form) => {
    expect(serverPathToForm(server)).toBe(form);
  });

  it('writes zod paths as form paths', () => {
    expect(formPath(['components', 1, 'productId'])).toBe('components.1.productId');
  });
});
