import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir } from '../config';

/** Where uploaded files live. Local disk by default; an S3-compatible store in production. */
export interface FileStorage {
  put(data: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
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
      // Keys are ours (year/month/uuid); refuse anything that could climb out of the root.
      if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
      return fs.readFile(path.join(root, key));
    },
  };
}

let current: FileStorage | undefined;

export function fileStorage(): FileStorage {
  current ??= localDiskStorage(path.resolve(dataDir(), 'files'));
  return current;
}

export function useFileStorage(storage: FileStorage): void {
  current = storage;
}
