// One error type for every problem with an assessment's input, whether the schema finds it or the
// engine does (an unknown product code): each problem carries the path of the offending field.
import type { core } from 'zod';

export interface InputIssue {
  /** Field path as written in JavaScript: `procedure.areas[0].volumeMl`; `input` for the whole. */
  readonly path: string;
  readonly message: string;
}

/** Thrown for input the engine cannot assess; `issues` lists every problem found. */
export class AssessmentInputError extends Error {
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    this.name = 'AssessmentInputError';
    this.issues = issues;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Writes a path array the way JavaScript would address the field. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    const name = String(key);
    if (typeof key === 'number') out += `[${key}]`;
    else if (!IDENTIFIER.test(name)) out += `[${JSON.stringify(name)}]`;
    else out += out === '' ? name : `.${name}`;
  }
  return out === '' ? 'input' : out;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Per-parse zod error map: plain messages for the issues no schema names itself. */
export function plainMessage(issue: core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  }
  return undefined;
}

/** Flattens zod issues into path + message pairs: one per unknown field, the matching union branch. */
export function flattenIssues(issues: readonly core.$ZodIssue[], prefix: readonly PropertyKey[] = [], out: InputIssue[] = []): InputIssue[] {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...path, key]), message: 'is not a known field' });
      continue;
    }
    if (issue.code === 'invalid_union') {
      // A union of "code or inline object": report the branch whose type matched, not both.
      const branches = issue.errors.filter((errs) => !errs.some((e) => e.path.length === 0 && e.code === 'invalid_type'));
      const [only] = branches;
      if (branches.length === 1 && only !== undefined) {
        flattenIssues(only, path, out);
        continue;
      }
    }
    out.push({ path: formatPath(path), message: issue.message });
  }
  return out;
}
