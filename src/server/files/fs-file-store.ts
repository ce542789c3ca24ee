import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentHash, isContentHash, type ContentHash, type FileStore } from './file-store.ts';

function pathOf(root: string, hash: ContentHash): string {
  if (!isContentHash(hash)) throw new Error('not a content hash');
  // Two levels of fan-out keep directories small: files/ab/cd/abcd….
  return path.join(root, hash.slice(0, 2), hash.slice(2, 4), hash);
}

/**
 * The filesystem FileStore under `root` (DATA_DIR/files). A file is written to a temporary name
 * in its final directory, flushed, then renamed into place: a reader never sees half a file, and
 * a crash leaves at most a stray temporary file.
 */
export function fsFileStore(root: string): FileStore {
  return {
    async put(bytes) {
      const hash = contentHash(bytes);
      const target = pathOf(root, hash);
      try {
        await fs.access(target);
        return hash;
      } catch {
        // not stored yet
      }
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(temp, target);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
      return hash;
    },

    async get(hash) {
      if (!isContentHash(hash)) return undefined;
      try {
        return await fs.readFile(pathOf(root, hash));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },

    async has(hash) {
      if (!isContentHash(hash)) return false;
      try {
        await fs.access(pathOf(root, hash));
        return true;
      } catch {
        return false;
      }
    },

    async delete(hash) {
      if (!isContentHash(hash)) return;
      await fs.rm(pathOf(root, hash), { force: true });
    },
  };
}
