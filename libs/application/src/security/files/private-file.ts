import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads a secret file, or creates it with `create()` when absent. The file is written
 * under a temporary name with mode 0600 and then hard-linked into place, so two
 * processes starting together agree on one secret and a crash never leaves half a file.
 */
export async function readOrCreatePrivateFile(path: string, create: () => Promise<string> | string): Promise<string> {
  const existing = await readIfPresent(path);
  if (existing !== undefined) return existing;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, await create(), { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (e) {
    if (!isCode(e, 'EEXIST')) throw e;
  } finally {
    await unlink(temporary);
  }
  return readFile(path, 'utf8');
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (isCode(e, 'ENOENT')) return undefined;
    throw e;
  }
}

// Structural, not `instanceof Error`: errors from node:fs may come from another realm (test sandboxes, workers).
const isCode = (e: unknown, code: string): boolean => typeof e === 'object' && e !== null && (e as NodeJS.ErrnoException).code === code;
