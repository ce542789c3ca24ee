import { describe, expect, it } from 'vitest';
import { AssessmentInputError, formatPath } from './errors.ts';
import { baseInput, INPUT_ERROR_CASES } from './fixtures/index.ts';
import { parseAssessmentInput } from './parse.ts';

describe('parseAssessmentInput: input errors name the field', () => {
  it.each(INPUT_ERROR_CASES)('%s', (_what, input, path, message) => {
    let issues: readonly { path: string; message: string }[] = [];
    try {
      parseAssessmentInput(input);
    } catch (error) {
      expect(error).toBeInstanceOf(AssessmentInputError);
      issues = (error as AssessmentInputError).issues;
    }
    expect(issues).toContainEqual({ path, message });
  });

  it('reports every problem at once', () => {
    const input = baseInput();
    input.procedure.areas = [{ area: 'face', volumeMl: -1 }];
    Object.assign(input.procedure, { technique: 'laser' });
    try {
      parseAssessmentInput(input);
      expect.unreachable();
    } catch (error) {
      expect((error as AssessmentInputError).issues).toEqual([
        { path: 'procedure.technique', message: 'unknown technique code "laser"' },
        { path: 'procedure.areas[0].volumeMl', message: 'must be positive' },
      ]);
    }
  });

  it('accepts the clean base input unchanged', () => {
    const input = baseInput();
    expect(parseAssessmentInput(input)).toEqual(input);
  });
});

describe('formatPath', () => {
  it.each([
    [[], 'input'],
    [['date'], 'date'],
    [['procedure', 'areas', 0, 'volumeMl'], 'procedure.areas[0].volumeMl'],
    [['clinic', 'settings', 'rules', 'age-minor'], 'clinic.settings.rules["age-minor"]'],
  ] as const)('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
