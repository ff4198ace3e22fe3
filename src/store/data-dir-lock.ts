/**
 * One process per data directory: two PGlite instances on the same files corrupt them, with no
 * error. The lock file holds the owner's pid; a lock left by a dead process is taken over.
 *
 * Every step is atomic, so two processes starting at the same instant never both hold it:
 * - the lock is created whole: the pid is written to a private file, which is then hard-linked to
 *   the lock's name (a link fails if the name exists), so nobody ever reads a lock without its pid;
 * - a stale lock (its owner dead, or no pid in it: left by an older version) is removed only by the
 *   holder of a second lock, the takeover lock, taken the same way, and only after reading it again
 *   under that lock; a fresh lock is never removed.
 */
import { closeSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ForumError } from '../core/errors.ts';

export const LOCK_FILE_NAME = 'ta-forum.lock';

/** The data directory is held by another live process (the running bot, usually): `owner` is its pid. */
export class DataDirInUseError extends ForumError {
  constructor(
    readonly dataDir: string,
    readonly owner: number,
  ) {
    super('data_dir_locked', `The data directory ${dataDir} is in use by process ${owner}. Stop it, or start with another --data-dir (TA_FORUM_DATA_DIR).`);
  }
}
const TAKEOVER_SUFFIX = '.takeover';
/** Attempts before giving up (each one either takes the lock, finds a live owner, or clears a stale lock). */
const ATTEMPTS = 5;

/** Whether a process is alive (EPERM: alive, another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid written in a lock file; undefined when there is none (or no file: `null`). */
function ownerOf(file: string): number | undefined | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Creates `file` exclusively and writes this process's pid in it; false when it exists. */
function createExclusive(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Creates `file` holding this process's pid, atomically; false when it exists. */
function createWhole(file: string): boolean {
  const own = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  createExclusive(own);
  try {
    linkSync(own, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create (its pid written just after).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createExclusive(file);
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

/** Removes `file` if it still names this process (a release never removes another's lock). */
function removeOwn(file: string): void {
  if (ownerOf(file) === process.pid) rmSync(file, { force: true });
}

/**
 * Removes the lock if it is stale, under the takeover lock. A takeover lock whose owner died
 * (a crash in these few lines) is stale in turn and cleared the same way, without recursion:
 * its owner is read, and it is removed only if that owner is dead.
 */
function clearStale(file: string): void {
  const takeover = `${file}${TAKEOVER_SUFFIX}`;
  if (!createWhole(takeover)) {
    const holder = ownerOf(takeover);
    if (holder === undefined || (holder !== null && !isAlive(holder))) rmSync(takeover, { force: true });
    return;
  }
  try {
    const owner = ownerOf(file);
    if (owner === undefined || (owner !== null && owner !== process.pid && !isAlive(owner))) rmSync(file, { force: true });
  } finally {
    removeOwn(takeover);
  }
}

/** Takes the data directory's lock; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createWhole(file)) return () => removeOwn(file);
    const owner = ownerOf(file);
    if (owner === process.pid) {
      throw new ForumError('data_dir_locked', `The data directory ${dataDir} is already open in this process.`);
    }
    if (owner !== null && owner !== undefined && isAlive(owner)) throw new DataDirInUseError(dataDir, owner);
    if (owner !== null) clearStale(file);
  }
  throw new ForumError('data_dir_locked', `Could not lock the data directory ${dataDir}: another process is taking it over. Try again.`);
}
