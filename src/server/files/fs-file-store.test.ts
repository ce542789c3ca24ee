import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, isContentHash } from './file-store.ts';
import { fsFileStore } from './fs-file-store.ts';

const root = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mesochart-files-'));
const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('the filesystem file store', () => {
  it('stores bytes under their SHA-256, once, with no temporary file left behind', async () => {
    const dir = root();
    const store = fsFileStore(dir);
    const bytes = crypto.randomBytes(1000);
    const hash = await store.put(bytes);
    expect(hash).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(await store.put(Buffer.from(bytes))).toBe(hash);
    expect(walk(dir).map((f) => path.relative(dir, f))).toEqual([path.join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
    expect((await store.get(hash))?.equals(bytes)).toBe(true);
    expect(await store.has(hash)).toBe(true);
    await store.delete(hash);
    expect(await store.has(hash)).toBe(false);
    expect(await store.get(hash)).toBeUndefined();
    await store.delete(hash);
  });

  it('answers nothing for a malformed hash, so no path outside the store can be named', async () => {
    const store = fsFileStore(root());
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, '']) {
      expect(isContentHash(bad)).toBe(false);
      expect(await store.get(bad)).toBeUndefined();
      expect(await store.has(bad)).toBe(false);
    }
    expect(contentHash(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('writes concurrent puts of the same bytes into one file', async () => {
    const dir = root();
    const store = fsFileStore(dir);
    const bytes = crypto.randomBytes(100_000);
    const hashes = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes)));
    expect(new Set(hashes).size).toBe(1);
    expect(walk(dir)).toHaveLength(1);
  });
});
