/**
 * One process per data directory: two PGlite instances on the same files corrupt them, with no
 * error. The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ForumError } from '../core/errors.ts';

export const LOCK_FILE_NAME = 'ta-forum.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the data directory's lock; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file)) {
      return () => rmSync(file, { force: true });
    }
    const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new ForumError(
        'data_dir_locked',
        `The data directory ${dataDir} is in use by process ${owner}. Stop it, or start with another --data-dir (TA_FORUM_DATA_DIR).`,
      );
    }
    if (owner === process.pid) {
      throw new ForumError('data_dir_locked', `The data directory ${dataDir} is already open in this process.`);
    }
    rmSync(file, { force: true });
  }
  throw new ForumError('data_dir_locked', `Could not lock the data directory ${dataDir}.`);
}
