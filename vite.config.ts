// The web client's build: sources in src/web, output in dist/web (served by src/server/plugins/web.ts).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import presetMantine from 'postcss-preset-mantine';
import type { AcceptedPlugin } from 'postcss';
import { defineConfig, type Plugin } from 'vite';

// The preset ships no types of its own (its declaration is a bare `declare module`).
const postcssPresetMantine = presetMantine as () => AcceptedPlugin;

const root = path.resolve(import.meta.dirname, 'src/web');
const outDir = path.resolve(import.meta.dirname, 'dist/web');

/**
 * Writes .br and .gz beside every text asset, so the server sends compressed files without
 * compressing on each request (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  return {
    name: 'mesochart-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  css: {
    postcss: {
      plugins: [postcssPresetMantine()],
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // The budget is checked by bench/web-bundle.mjs against the compressed sizes, not here.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    strictPort: true,
    // The API runs apart (`npm start`, port 3000 by default); MESOCHART_API points elsewhere.
    proxy: { '/api': { target: process.env.MESOCHART_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: { port: 5173 },
});
