#!/usr/bin/env node
// Entry of the `mesochart` command. The sources are TypeScript run through tsx, so an
// `npm install` alone is enough to run every command; no build step stands in between.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
