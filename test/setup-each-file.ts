// Noise is a failure: an unexpected console.error in a test means something went wrong quietly.
import { afterEach, vi } from 'vitest';

const original = console.error;
let errors: unknown[][] = [];
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length > 0) {
    throw new Error(`console.error was called ${seen.length} time(s) during the test: ${String(seen[0]?.[0])}`);
  }
});

vi.setConfig({ testTimeout: 30_000 });
