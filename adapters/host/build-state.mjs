// Whether the compiled build in .build/ may be run: it exists and no TypeScript source under
// src/ or adapters/ is newer than it. Shared by the launcher (bin.mjs) and its tests.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const BUILD_DIR = '.build';
export const BUILD_STAMP = path.join(BUILD_DIR, 'stamp');
const SOURCE_DIRS = ['src', 'adapters'];

/** @param {string} root the project folder */
export function buildIsFresh(root) {
  const stamp = path.join(root, BUILD_STAMP);
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  for (const dir of SOURCE_DIRS) {
    if (!existsSync(path.join(root, dir))) continue;
    for (const file of readdirSync(path.join(root, dir), { recursive: true })) {
      const name = String(file);
      if (name.endsWith('.ts') && statSync(path.join(root, dir, name)).mtimeMs > built) return false;
    }
  }
  return true;
}
