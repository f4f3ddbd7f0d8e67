import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FileFact {
  key: string;
  bytes: number;
  sha256: string;
}

/** Every file under a directory (the uploaded files), with its hash, sorted by key. */
export function listFiles(root: string): FileFact[] {
  if (!fs.existsSync(root)) return [];
  const found: FileFact[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const data = fs.readFileSync(full);
        found.push({ key: path.relative(root, full).split(path.sep).join('/'), bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** Copies the uploaded files, keeping their owner-only permissions. */
export function copyFiles(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true, preserveTimestamps: true });
}

export function compareFiles(expected: FileFact[], actual: FileFact[]): string[] {
  const got = new Map(actual.map((f) => [f.key, f.sha256]));
  const problems = expected.filter((f) => got.get(f.key) !== f.sha256).map((f) => `file ${f.key}: ${got.has(f.key) ? 'different content' : 'missing'}`);
  if (actual.length !== expected.length) problems.push(`${expected.length} files backed up, ${actual.length} restored`);
  return problems;
}
