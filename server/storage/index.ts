import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir } from '../config';

/** Where uploaded files live. Local disk by default; an S3-compatible store in production. */
export interface FileStorage {
  put(data: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  /** Removes a file for good (retention); removing one that is already gone is not an error. */
  remove(key: string): Promise<void>;
}

export function localDiskStorage(root: string): FileStorage {
  return {
    async put(data) {
      const now = new Date();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
      const file = path.join(root, key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data, { mode: 0o600 });
      return key;
    },
    async get(key) {
      return fs.readFile(within(root, key));
    },
    async remove(key) {
      await fs.rm(within(root, key), { force: true });
    },
  };
}

/** Keys are ours (year/month/uuid); anything that could climb out of the root is refused. */
function within(root: string, key: string): string {
  if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
  return path.join(root, key);
}

let current: FileStorage | undefined;

export function fileStorage(): FileStorage {
  current ??= localDiskStorage(path.resolve(dataDir(), 'files'));
  return current;
}

export function useFileStorage(storage: FileStorage): void {
  current = storage;
}
