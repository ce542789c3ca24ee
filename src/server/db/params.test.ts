import { describe, expect, it } from 'vitest';
import { allOf, Params } from './params.ts';

describe('statements built piece by piece', () => {
  it('numbers the values in the order they are added, after the initial ones', () => {
    const p = new Params('clinic');
    const where = allOf([`a.clinic_id = $1`, `a.patient_id = ${p.add('patient')}`, undefined, false, `a.type = ${p.add('bruising')}`]);
    expect(where).toBe('a.clinic_id = $1 AND a.patient_id = $2 AND a.type = $3');
    expect(p.values).toEqual(['clinic', 'patient', 'bruising']);
  });

  it('writes only the filters given, so that each combination is a text of its own', () => {
    const text = (status?: string) => {
      const p = new Params();
      return allOf([`f.clinic_id = ${p.add('c')}`, status && `f.status = ${p.add(status)}`]);
    };
    expect(text()).toBe('f.clinic_id = $1');
    expect(text('open')).toBe('f.clinic_id = $1 AND f.status = $2');
    expect(allOf([])).toBe('true');
  });
});
