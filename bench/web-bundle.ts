// Size of the web client's first load: the entry script, the chunks it imports statically
// (modulepreload links), the texts of the interface language, and the stylesheet, compressed as the
// server sends them. Run after
// `npm run build:web`: npx tsx bench/web-bundle.ts. Target: first-load JavaScript ≤ 250 KB compressed
// (gzip; brotli, which browsers prefer, is smaller and listed too). Reported, never asserted.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TARGET_KB = 250;
const dist = path.resolve(import.meta.dirname, '../dist/web');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const firstJs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
const firstCss = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1] as string);

interface Size {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}
function size(file: string): Size {
  const data = fs.readFileSync(path.join(dist, file));
  return {
    file,
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const sum = (xs: Size[], k: 'raw' | 'gzip' | 'brotli') => xs.reduce((a, x) => a + x[k], 0);
const kb = (n: number) => (n / 1024).toFixed(1);

// The texts of the starting language are fetched before the first render: they are first load too
// (the larger of the two, to be safe).
const langChunks = fs.readdirSync(path.join(dist, 'assets')).filter((f) => /^lang-(en|ru)-.*\.js$/.test(f));
const langFirst = langChunks.map((f) => size(`assets/${f}`)).sort((a, b) => b.gzip - a.gzip)[0];
if (langFirst) firstJs.push(langFirst.file);
const js = firstJs.map(size);
const css = firstCss.map(size);
const lazy = fs
  .readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !firstJs.includes(`assets/${f}`))
  .map((f) => size(`assets/${f}`))
  .sort((a, b) => b.gzip - a.gzip);

const lines = [
  `# Web client bundle — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Built with Vite (${firstJs.length} first-load scripts). Sizes in KB; gzip level 9, brotli quality 11.`,
  '',
  '| first load | raw | gzip | brotli |',
  '|---|---:|---:|---:|',
  ...js.map((s) => `| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`),
  `| **JavaScript total** | **${kb(sum(js, 'raw'))}** | **${kb(sum(js, 'gzip'))}** | **${kb(sum(js, 'brotli'))}** |`,
  ...css.map((s) => `| ${s.file} (CSS) | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`),
  '',
  `- first-load JavaScript: ${kb(sum(js, 'gzip'))} KB gzip (target ≤ ${TARGET_KB}): ${sum(js, 'gzip') / 1024 <= TARGET_KB ? 'met' : 'NOT met'}`,
  `- lazily loaded chunks: ${lazy.length}, ${kb(sum(lazy, 'gzip'))} KB gzip in all; largest:`,
  ...lazy.slice(0, 8).map((s) => `  - ${s.file}: ${kb(s.gzip)} KB gzip`),
  '',
];
const out = lines.join('\n');
process.stdout.write(out);
const results = path.resolve(import.meta.dirname, 'results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, `web-bundle-${new Date().toISOString().slice(0, 10)}.md`), out);
