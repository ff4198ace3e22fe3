import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForumError } from '../../src/core/errors.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { LOCK_FILE_NAME } from '../../src/store/data-dir-lock.ts';
import { migrationProvider } from '../../src/store/migrations/index.ts';
import { findPerson, grantRole, setPersonLang, type PersonKey } from '../../src/store/people.ts';
import {
  PROCESSED_EVENT_RETENTION_MS,
  claimEvent,
  pruneProcessedEvents,
} from '../../src/store/processed-events.ts';
import { describeEngine, makeTempDir, storeEngines } from '../support/stores.ts';
import { seedDataDir } from '../support/pglite-template.ts';

const DAY = 24 * 60 * 60 * 1000;

function key(userId: string): PersonKey {
  return { platform: 'slack', workspaceId: 'T1', userId };
}

async function auditRows(store: Store, subject: string) {
  return store.db.selectFrom('audit_log').selectAll().where('subject', '=', subject).orderBy('id').execute();
}

for (const engine of storeEngines()) {
  describeEngine(engine)(`store on ${engine.name}`, () => {
    let store: Store;

    beforeAll(async () => {
      // From nothing: every migration runs here (the other suites' stores are copies of one store
      // migrated once per run, `test/support/global-setup.ts`).
      store = await engine.open({ fromScratch: true });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('applies every migration, and migrating again does nothing', async () => {
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(await migrationProvider.getMigrations()).sort());
      const again = await new Migrator({ db: store.db, provider: migrationProvider }).migrateToLatest();
      expect(again.error).toBeUndefined();
      expect(again.results).toEqual([]);
    });

    it('keeps its data and its schema version when opened again on the same database', async () => {
      const target = await engine.persistent();
      try {
        const first = await target.open();
        await setPersonLang(first.db, key('U_REOPEN'), 'fr', new Date());
        expect(await claimEvent(first.db, 'slack:reopen')).toBe(true);
        await first.close();

        const second = await target.open();
        try {
          expect((await findPerson(second.db, key('U_REOPEN')))?.lang).toBe('fr');
          expect(await claimEvent(second.db, 'slack:reopen')).toBe(false);
          const { results } = await new Migrator({ db: second.db, provider: migrationProvider }).migrateToLatest();
          expect(results).toEqual([]);
        } finally {
          await second.close();
        }
      } finally {
        await target.dispose();
      }
    });

    it('writes text with NUL characters and lone surrogates, plain or inside JSON, cleaned', async () => {
      expect(await claimEvent(store.db, 'slack:Ev\u0000-nul\uD800')).toBe(true);
      const claimed = await store.db.selectFrom('processed_events').select('event_key').where('event_key', 'like', 'slack:Ev-nul%').execute();
      expect(claimed.map((r) => r.event_key)).toEqual(['slack:Ev-nul\uFFFD']);
      await store.db.insertInto('audit_log').values({ at: new Date(), actor: 'slack:U\u0000X', action: 'test.clean', subject: 'slack:U1', detail: JSON.stringify({ reason: 'bad\u0000 text \uDC00' }) }).execute();
      const row = await store.db.selectFrom('audit_log').select(['actor', 'detail']).where('action', '=', 'test.clean').executeTakeFirstOrThrow();
      expect(row.actor).toBe('slack:UX');
      expect(row.detail).toEqual({ reason: 'bad text \uFFFD' });
    });

    it('claims an event key once: true the first time, false after', async () => {
      expect(await claimEvent(store.db, 'slack:Ev1')).toBe(true);
      expect(await claimEvent(store.db, 'slack:Ev1')).toBe(false);
      expect(await claimEvent(store.db, 'teams:Ev1')).toBe(true);
    });

    it('gives exactly one of 50 concurrent claims of the same key', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => claimEvent(store.db, 'slack:race')));
      expect(results.filter((r) => r)).toHaveLength(1);
      expect(results.filter((r) => !r)).toHaveLength(49);
    });

    it('prunes only the event keys older than the retention', async () => {
      const now = new Date();
      await store.db
        .insertInto('processed_events')
        .values([
          { event_key: 'prune:old', received_at: new Date(now.getTime() - PROCESSED_EVENT_RETENTION_MS - DAY) },
          { event_key: 'prune:recent', received_at: new Date(now.getTime() - PROCESSED_EVENT_RETENTION_MS + DAY) },
        ])
        .execute();
      expect(await claimEvent(store.db, 'prune:new')).toBe(true);

      expect(await pruneProcessedEvents(store.db, now)).toBe(1);
      const left = await store.db.selectFrom('processed_events').select('event_key').where('event_key', 'like', 'prune:%').execute();
      expect(left.map((r) => r.event_key).sort()).toEqual(['prune:new', 'prune:recent']);
      expect(await claimEvent(store.db, 'prune:old')).toBe(true);
      expect(await pruneProcessedEvents(store.db, now)).toBe(0);
    });

    it('creates a person with a language, then updates it', async () => {
      const created = new Date('2026-01-05T10:00:00Z');
      const updated = new Date('2026-02-05T10:00:00Z');
      expect(await findPerson(store.db, key('U_LANG'))).toBeUndefined();

      await setPersonLang(store.db, key('U_LANG'), 'es', created);
      const first = await findPerson(store.db, key('U_LANG'));
      expect(first).toMatchObject({ lang: 'es', role: null, guest_expires_at: null });
      expect(first?.updated_at.toISOString()).toBe(created.toISOString());

      await setPersonLang(store.db, key('U_LANG'), 'zh', updated);
      const second = await findPerson(store.db, key('U_LANG'));
      expect(second?.lang).toBe('zh');
      expect(second?.updated_at.toISOString()).toBe(updated.toISOString());
      expect(second?.created_at.toISOString()).toBe(first?.created_at.toISOString());
      const rows = await store.db.selectFrom('people').select('user_id').where('user_id', '=', 'U_LANG').execute();
      expect(rows).toHaveLength(1);
    });

    it('grants a role: writes the person and an audit row', async () => {
      const now = new Date('2026-03-01T12:00:00Z');
      const expires = new Date('2026-04-01T12:00:00Z');
      await setPersonLang(store.db, key('U_GUEST'), 'ru', now);
      await grantRole(store.db, { key: key('U_GUEST'), role: 'guest', guestExpiresAt: expires, by: 'slack:U_MOD', now });

      const person = await findPerson(store.db, key('U_GUEST'));
      expect(person).toMatchObject({ role: 'guest', lang: 'ru' });
      expect(person?.guest_expires_at?.toISOString()).toBe(expires.toISOString());
      const audit = await auditRows(store, 'slack:U_GUEST');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: 'slack:U_MOD',
        action: 'role.grant',
        detail: { role: 'guest', workspace: 'T1', guestExpiresAt: expires.toISOString(), mayPropose: false },
      });
      expect(audit[0]?.at.toISOString()).toBe(now.toISOString());
    });

    it('grants a role in one transaction: a failed audit write leaves the person untouched', async () => {
      await sql`alter table audit_log add constraint test_refuse_actor check (actor <> 'refused')`.execute(store.db);
      try {
        const attempt = grantRole(store.db, {
          key: key('U_ATOMIC'),
          role: 'moderator',
          guestExpiresAt: null,
          by: 'refused',
          now: new Date(),
        });
        await expect(attempt).rejects.toThrow(/test_refuse_actor/);
        expect(await findPerson(store.db, key('U_ATOMIC'))).toBeUndefined();
        expect(await auditRows(store, 'slack:U_ATOMIC')).toHaveLength(0);
      } finally {
        await sql`alter table audit_log drop constraint test_refuse_actor`.execute(store.db);
      }
    });
  });
}

describe('PGlite data directory lock', () => {
  it('refuses a second open of the same data directory in this process', async () => {
    const tmp = makeTempDir();
    // A migrated data folder: the lock is the point here (migrating from nothing is tested above).
    seedDataDir(tmp.dir);
    try {
      const first = await openStore({ engine: 'pglite', dataDir: tmp.dir });
      try {
        const second = openStore({ engine: 'pglite', dataDir: tmp.dir });
        await expect(second).rejects.toBeInstanceOf(ForumError);
        await expect(second).rejects.toMatchObject({ code: 'data_dir_locked' });
      } finally {
        await first.close();
      }
      // Closing releases the lock: the directory opens again.
      const again = await openStore({ engine: 'pglite', dataDir: tmp.dir });
      await again.close();
    } finally {
      tmp.remove();
    }
  });

  it('takes over a lock file left by a dead process', async () => {
    const deadPid = 999999;
    expect(() => process.kill(deadPid, 0)).toThrow();
    const tmp = makeTempDir();
    try {
      const lockFile = path.join(tmp.dir, LOCK_FILE_NAME);
      seedDataDir(tmp.dir);
      writeFileSync(lockFile, String(deadPid));
      const store = await openStore({ engine: 'pglite', dataDir: tmp.dir });
      try {
        expect(await claimEvent(store.db, 'slack:after-stale-lock')).toBe(true);
        expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
      } finally {
        await store.close();
      }
    } finally {
      tmp.remove();
    }
  });
});
