// Benchmark of the safety engine: assessments per second on one core, against JSON.parse of the
// same input's text measured in the same run (the reference). Run: npx tsx bench/assess.ts
// Targets: at least 100,000 assessments/s, and one assessment costing at most 3 JSON.parse calls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assess, parseAssessmentInput, type AssessmentInputJson } from '../src/domain/assessment/index.ts';

const TARGET_PER_SECOND = 100_000;
const TARGET_RATIO = 3;
const ROUNDS = 9;
const ROUND_MS = 400;
const WARMUP_MS = 1500;

// A body session for cellulite: six components, three areas, five conditions, two allergies.
const INPUT: AssessmentInputJson = {
  date: '2026-11-22',
  patient: {
    birthDate: '1988-03-14',
    sex: 'female',
    weightKg: 64,
    conditions: [
      { code: 'anticoagulants' },
      { code: 'keloid' },
      { code: 'recent-vaccine', onset: '2026-11-19' },
      { code: 'fibromyalgia' },
      { code: 'site-inflamed', area: 'thighs' },
    ],
    allergies: [{ substance: 'procaine' }, { class: 'antibiotic' }],
  },
  procedure: {
    technique: 'manual',
    depthMm: 4,
    areas: [
      { area: 'abdomen', volumeMl: 6 },
      { area: 'thighs', volumeMl: 6 },
      { area: 'buttocks', volumeMl: 4 },
    ],
    components: [
      { product: 'caffeine-25', volumeMl: 3 },
      { product: 'drena-vasc', volumeMl: 4 },
      { product: 'silicium-organic', volumeMl: 3 },
      { product: 'hofitol', volumeMl: 3 },
      { product: 'revita-complex', volumeMl: 2 },
      { product: 'lidocaine-2', volumeMl: 1 },
    ],
    lots: [
      { product: 'caffeine-25', lot: 'CF-2409', expires: '2027-09-30' },
      { product: 'drena-vasc', lot: 'DV-2411', expires: '2027-11-30' },
      { product: 'silicium-organic', lot: 'SO-2402', expires: '2027-02-28' },
      { product: 'hofitol', lot: 'HF-2408', expires: '2027-08-31' },
      { product: 'revita-complex', lot: 'RV-2405', expires: '2027-05-31' },
      { product: 'lidocaine-2', lot: 'LD-2410', expires: '2028-10-31' },
    ],
  },
  history: { lastSessionDate: '2026-11-12', openAdverseEvents: [{ type: 'bruising', grade: 1 }], vagalReaction: false, sessionNumber: 4 },
  consent: { signed: true, withdrawn: false, products: ['caffeine-25', 'drena-vasc', 'silicium-organic', 'hofitol', 'revita-complex', 'lidocaine-2'], sessions: 10 },
  clinic: { emergencyKit: { complete: true, expires: '2027-03-01' }, settings: { minIntervalDays: 7 } },
  plan: { plannedSessions: 10, intervalDays: 7, indications: ['cellulite', 'edema'] },
};

const TEXT = JSON.stringify(INPUT);
const PARSED = parseAssessmentInput(JSON.parse(TEXT));
let sink = 0; // consumed at the end so no loop can be optimised away

/** Operations per second of `op` over about `ms` milliseconds. */
function rate(op: () => number, ms: number): number {
  const batch = 1000;
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) sink += op();
    count += batch;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const cases = {
  assess: () => assess(PARSED).findings.length,
  'assess (ru)': () => assess(PARSED, { lang: 'ru' }).findings.length,
  'JSON.parse': () => (JSON.parse(TEXT) as { date: string }).date.length,
  parseAssessmentInput: () => parseAssessmentInput(JSON.parse(TEXT)).date.length,
} as const;
type CaseName = keyof typeof cases;
const names = Object.keys(cases) as CaseName[];

for (const name of names) rate(cases[name], WARMUP_MS / names.length);
const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<CaseName, number[]>;
// Rounds interleave the cases so that a slow moment of the machine hits all of them alike.
for (let round = 0; round < ROUNDS; round++) for (const name of names) samples[name].push(rate(cases[name], ROUND_MS));

const result = Object.fromEntries(names.map((n) => [n, median(samples[n])])) as Record<CaseName, number>;
const ratio = result['JSON.parse'] / result.assess;
const meetsRate = result.assess >= TARGET_PER_SECOND;
const meetsRatio = ratio <= TARGET_RATIO;
const findings = assess(PARSED).findings;

const busy = (os.loadavg()[0] ?? 0) > os.cpus().length;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const lines = [
  `# Assessment benchmark — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, one thread. Input: ${TEXT.length} bytes of JSON,`,
  `six components, three areas, five conditions, two allergies; ${findings.length} findings (decision ${assess(PARSED).decision}).`,
  `Median of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms after ${WARMUP_MS} ms of warm-up.`,
  `Load average at the end: ${os.loadavg()[0]?.toFixed(2) ?? '?'} on ${os.cpus().length} cores${busy ? ' — the machine was busy: absolute rates are low, the ratio (measured alike) still holds' : ''}.`,
  '',
  '| operation | per second | µs each |',
  '|---|---:|---:|',
  ...names.map((n) => `| ${n} | ${fmt(result[n])} | ${(1e6 / result[n]).toFixed(2)} |`),
  '',
  `- assessments/s: ${fmt(result.assess)} (target ≥ ${fmt(TARGET_PER_SECOND)}): ${meetsRate ? 'met' : 'NOT met'}`,
  `- one assessment costs ${ratio.toFixed(2)} × JSON.parse of its input (target ≤ ${TARGET_RATIO}): ${meetsRatio ? 'met' : 'NOT met'}`,
  '',
];
const report = lines.join('\n');
process.stdout.write(report);

const file = path.join(import.meta.dirname, 'results', `assess-${new Date().toISOString().slice(0, 10)}.md`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, report);
if (sink === 0) throw new Error('the benchmark loops produced nothing');
process.stdout.write(`written to ${path.relative(process.cwd(), file)}\n`);
