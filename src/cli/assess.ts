// `mesochart assess`: reads an assessment input (JSON) on stdin and prints the assessment. Needs no
// database: product codes resolve against the starter catalog.
import { assess, AssessmentInputError, parseAssessmentInput } from '../domain/assessment/index.ts';
import type { Lang } from '../domain/vocabulary/index.ts';

export interface AssessIo {
  readonly stdin: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

const USAGE = `Usage: mesochart assess [--lang en|ru] < input.json

Reads an assessment input (DESIGN.md §5) on stdin and prints the assessment as JSON.
Exit status: 0 assessed (whatever the decision), 1 invalid arguments or input.
`;

/** Runs the assess command; returns the exit code (0 assessed, 1 invalid arguments or input). */
export async function runAssess(args: string[], io: AssessIo): Promise<number> {
  let lang: Lang = 'en';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      io.stdout(USAGE);
      return 0;
    }
    let value: string | undefined;
    if (arg === '--lang') value = args[++i];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else {
      io.stderr(`assess: unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
      return 1;
    }
    if (value !== 'en' && value !== 'ru') {
      io.stderr(`assess: --lang must be en or ru, got ${JSON.stringify(value ?? '')}\n`);
      return 1;
    }
    lang = value;
  }

  let json: unknown;
  try {
    json = JSON.parse(io.stdin);
  } catch (error) {
    io.stderr(`input: not valid JSON (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  try {
    const assessment = assess(parseAssessmentInput(json), { lang });
    io.stdout(`${JSON.stringify(assessment, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AssessmentInputError)) throw error;
    for (const issue of error.issues) io.stderr(`${issue.path}: ${issue.message}\n`);
    return 1;
  }
}
