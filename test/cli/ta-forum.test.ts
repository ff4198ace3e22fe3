/** The `ta-forum` command as a person runs it: a real process, its output and exit code. */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDataDir } from '../support/pglite-template.ts';

const BIN = path.resolve('adapters/host/bin.mjs');
const workDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}, cwd = workDir) {
  // A clean environment: only what the test sets, plus PATH and HOME for Node itself.
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workDir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ta-forum', () => {
  it('prints its help with the serve command and exits 0', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: ta-forum');
    expect(stdout).toMatch(/serve \[options\]/);
  });

  it('shows --app-id as required in teams-package\'s usage, and refuses to run without it', () => {
    const help = run(['teams-package', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: ta-forum teams-package --domain <host> --app-id <guid> [--out <file>]');
    const without = run(['teams-package', '--domain', 'forum.example.org']);
    expect(without.status).toBe(2);
    expect(without.stderr).toContain('--app-id');
  });

  it('exits 2 naming DATABASE_URL when it is not a PostgreSQL URL', () => {
    const { status, stderr } = run(['serve'], { DATABASE_URL: 'nonsense' });
    expect(status).toBe(2);
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).toContain('postgres://');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reads a .env file in the current folder', () => {
    const dir = mkdtempSync(path.join(workDir, 'env-'));
    writeFileSync(path.join(dir, '.env'), 'DEFAULT_LANG=klingon\n');
    const { status, stderr } = run(['serve'], {}, dir);
    expect(status).toBe(2);
    expect(stderr).toContain('DEFAULT_LANG');
  });

  it('exits 2 with a usage message for a bad option or an unknown command', () => {
    const badPort = run(['serve', '--port', 'eighty']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port');
    const unknown = run(['launch']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'launch'");
  });

  it('serves, and refuses a second process on the same data directory', async () => {
    const dataDir = path.join(workDir, 'data');
    // From the run's migrated copy: a cluster made from nothing is `test/store/store.test.ts`'s.
    seedDataDir(dataDir);
    const env = { PATH: process.env.PATH ?? '', HOME: workDir, HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    const first = spawn(process.execPath, [BIN, 'serve', '--data-dir', dataDir, '--port', '0'], { cwd: workDir, env });
    try {
      let stderr = '';
      first.stderr.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        first.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          if (stderr.includes('Web chat: http://127.0.0.1:')) resolve();
        });
        first.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const url = /Web chat: (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      // `--port 0` is a free port the system picks, not the default one (which a running bot may hold).
      expect(url).not.toMatch(/:3978$/);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string; store: string };
      expect(health).toEqual({ status: 'ok', store: 'pglite' });

      const second = run(['serve', '--data-dir', dataDir, '--port', '0'], { HOST: '127.0.0.1' });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`in use by process ${first.pid}`);
    } finally {
      if (first.exitCode === null) {
        const exited = once(first, 'exit');
        first.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        expect(code).toBe(0);
      }
    }
  });
});
