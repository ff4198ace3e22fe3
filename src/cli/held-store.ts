/**
 * While the bot runs, it holds its embedded store (one process per data folder: `data-dir-lock.ts`),
 * so a command that needs the store cannot open it. Such a command says so, and what to do
 * instead, rather than the lock's general advice (which is for starting a second server).
 */
import { ForumError } from '../core/errors.ts';
import { DataDirInUseError } from '../store/data-dir-lock.ts';

/** Runs `open`; when another live process holds the data folder, throws a `data_dir_locked` error with `whatToDo`. */
export async function openUnlessHeld<T>(open: () => Promise<T>, whatToDo: () => string): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    throw new ForumError(
      'data_dir_locked',
      `The data folder ${error.dataDir} is held by process ${error.owner} (the running bot, usually): only one process can open it. ${whatToDo()}`,
      { cause: error },
    );
  }
}
