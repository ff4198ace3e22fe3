/**
 * `ta-forum web-account add | link | password | list | disable`: the web chat's accounts, on the
 * configured store (the embedded database's data folder, or DATABASE_URL). Results go to standard
 * output; a problem is one line on standard error (the host prints a ForumError's message).
 * Sign-in links use WEB_PUBLIC_URL, or this machine's address when it is not set (and say so).
 */
import type { Config } from '../config.ts';
import { ForumError } from '../core/errors.ts';
import { findPerson } from '../store/people.ts';
import {
  PASSWORD_MAX_CHARS,
  PASSWORD_MIN_CHARS,
  SIGN_IN_LINK_DAYS,
  checkNewPassword,
  createWebAccount,
  disableWebAccount,
  issueSignInLink,
  listWebAccounts,
  setPassword,
  webPersonKey,
} from '../store/web-accounts.ts';
import type { CliInput, CliIo } from './io.ts';
import { operator, withStore, write, type StoreOptions } from './with-store.ts';

/** The sign-in link for a token: on WEB_PUBLIC_URL, else on this machine (with a warning). */
function signInLink(io: CliIo, config: Config, token: string): string {
  if (!config.web.publicUrl) {
    io.stderr.write('ta-forum: WEB_PUBLIC_URL is not set: this link works on this machine only. Set it to the address people reach the bot at.\n');
  }
  const base = config.web.publicUrl ?? `http://localhost:${config.port === 0 ? 3978 : config.port}`;
  return `${base}/web/signin/${token}`;
}

function printLink(io: CliIo, config: Config, token: string): void {
  write(io, `Sign-in link (works once, for ${SIGN_IN_LINK_DAYS} days):`);
  write(io, signInLink(io, config, token));
}

export async function runWebAccountAdd(io: CliIo, login: string, options: StoreOptions & { name: string; guestDays?: number; moderator?: boolean }): Promise<void> {
  const kind = options.guestDays !== undefined ? 'guest' : 'member';
  if (kind === 'guest' && options.moderator) throw new ForumError('bad_request', 'A guest cannot be a moderator: leave out --guest-days or --moderator.');
  await withStore(io, options, async (store, config) => {
    const now = new Date();
    const account = await createWebAccount(store.db, {
      login,
      displayName: options.name,
      kind,
      ...(options.guestDays !== undefined ? { guestDays: options.guestDays } : {}),
      ...(options.moderator ? { moderator: true } : {}),
      by: operator(),
      now,
    });
    const what = kind === 'guest' ? `guest for ${options.guestDays} days` : options.moderator ? 'member, moderator' : 'member';
    write(io, `Web account ${account.login} created for ${account.display_name} (${what}).`);
    printLink(io, config, await issueSignInLink(store.db, account.login, now));
  });
}

export async function runWebAccountLink(io: CliIo, login: string, options: StoreOptions): Promise<void> {
  await withStore(io, options, async (store, config) => {
    printLink(io, config, await issueSignInLink(store.db, login, new Date()));
  });
}

const STDIN_MAX_BYTES = 64 * 1024;

/** The first line of standard input (a pipe or a file). */
async function readPipedLine(stdin: CliInput): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (size > STDIN_MAX_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** A line typed at the terminal without showing it. */
function readHidden(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  io.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value: string[] = [];
    const finish = (error?: ForumError): void => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value.join(''));
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new ForumError('bad_request', 'No password set.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value.push(ch);
      }
    };
    stdin.setRawMode?.(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

async function readNewPassword(io: CliIo): Promise<string> {
  if (!io.stdin.isTTY) return readPipedLine(io.stdin);
  const password = await readHidden(io, `New password (at least ${PASSWORD_MIN_CHARS} characters): `);
  checkNewPassword(password);
  const again = await readHidden(io, 'The same password again: ');
  if (again !== password) throw new ForumError('bad_request', 'The two passwords differ: nothing was changed.');
  return password;
}

export async function runWebAccountPassword(io: CliIo, login: string, options: StoreOptions): Promise<void> {
  const password = await readNewPassword(io);
  if (password.length === 0) throw new ForumError('bad_request', `Give the new password on standard input (${PASSWORD_MIN_CHARS} to ${PASSWORD_MAX_CHARS} characters).`);
  checkNewPassword(password);
  await withStore(io, options, async (store) => {
    await setPassword(store.db, login, password, operator(), new Date());
    write(io, `Password set for ${login.trim().toLowerCase()}; its browsers sign in again.`);
  });
}

export async function runWebAccountList(io: CliIo, options: StoreOptions & { json?: boolean }): Promise<void> {
  await withStore(io, options, async (store) => {
    const accounts = await listWebAccounts(store.db);
    const rows = await Promise.all(
      accounts.map(async (account) => {
        const person = await findPerson(store.db, webPersonKey(account));
        return {
          login: account.login,
          name: account.display_name,
          kind: account.kind,
          role: person?.role ?? account.kind,
          guestUntil: person?.role === 'guest' ? (person.guest_expires_at?.toISOString() ?? null) : null,
          password: account.password_hash !== null,
          createdAt: account.created_at.toISOString(),
          disabledAt: account.disabled_at?.toISOString() ?? null,
        };
      }),
    );
    if (options.json) {
      for (const row of rows) write(io, JSON.stringify(row));
      return;
    }
    if (rows.length === 0) {
      write(io, 'No web accounts yet. Create one with: ta-forum web-account add <login> --name "<name>"');
      return;
    }
    const table = [
      ['LOGIN', 'ROLE', 'PASSWORD', 'STATUS', 'NAME'],
      ...rows.map((r) => [
        r.login,
        r.guestUntil ? `guest until ${r.guestUntil.slice(0, 10)}` : r.role,
        r.password ? 'yes' : 'no',
        r.disabledAt ? `disabled ${r.disabledAt.slice(0, 10)}` : 'active',
        r.name,
      ]),
    ];
    const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? [];
    for (const row of table) write(io, row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
  });
}

export async function runWebAccountDisable(io: CliIo, login: string, options: StoreOptions): Promise<void> {
  await withStore(io, options, async (store) => {
    const changed = await disableWebAccount(store.db, login, operator(), new Date());
    const name = login.trim().toLowerCase();
    write(io, changed ? `Web account ${name} disabled: its browsers are signed out and its links no longer work.` : `Web account ${name} was already disabled.`);
  });
}
