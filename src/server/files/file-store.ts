import crypto from 'node:crypto';

/** A stored file's address: the lowercase hex SHA-256 of its bytes. */
export type ContentHash = string;

const hashRe = /^[0-9a-f]{64}$/;

/** Whether `hash` is a well-formed content address (guards every path built from one). */
export function isContentHash(hash: string): hash is ContentHash {
  return hashRe.test(hash);
}

/** The content address of `bytes`. */
export function contentHash(bytes: Uint8Array): ContentHash {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Where Mesochart keeps photo and document files, addressed by the SHA-256 of their content:
 * the same bytes are stored once, a stored file never changes, and a reader can check what it got.
 * The filesystem under DATA_DIR is the default; S3-compatible object storage is the next
 * implementation (docs/decisions/0009-consents-and-photo-files.md).
 */
export interface FileStore {
  /** Stores the bytes (idempotent: storing them again is a no-op) and returns their hash. */
  put(bytes: Uint8Array): Promise<ContentHash>;
  /** The bytes stored under `hash`, or undefined when there are none. */
  get(hash: ContentHash): Promise<Buffer | undefined>;
  /** Whether bytes are stored under `hash`. */
  has(hash: ContentHash): Promise<boolean>;
  /** Removes the file; removing a missing file is not an error. */
  delete(hash: ContentHash): Promise<void>;
}
