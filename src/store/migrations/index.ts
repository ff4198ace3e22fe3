/** Every migration, in order. A new migration is a new file here; an applied one is never edited. */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-knowledge.ts';
import * as m0003 from './0003-embedding-model.ts';
import * as m0004 from './0004-conversations.ts';
import * as m0005 from './0005-discussions.ts';
import * as m0006 from './0006-topic-posts.ts';
import * as m0007 from './0007-schedule-starters.ts';
import * as m0008 from './0008-topic-replies.ts';
import * as m0009 from './0009-topic-translations.ts';
import * as m0010 from './0010-web-posts.ts';
import * as m0011 from './0011-polls.ts';
import * as m0012 from './0012-usage-events.ts';
import * as m0013 from './0013-membership.ts';
import * as m0014 from './0014-web-accounts.ts';
import * as m0015 from './0015-rate-limits.ts';
import * as m0016 from './0016-pending-files.ts';
import * as m0017 from './0017-inbox.ts';
import * as m0018 from './0018-poll-redraws.ts';
import * as m0019 from './0019-web-chat.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-knowledge': m0002,
  '0003-embedding-model': m0003,
  '0004-conversations': m0004,
  '0005-discussions': m0005,
  '0006-topic-posts': m0006,
  '0007-schedule-starters': m0007,
  '0008-topic-replies': m0008,
  '0009-topic-translations': m0009,
  '0010-web-posts': m0010,
  '0011-polls': m0011,
  '0012-usage-events': m0012,
  '0013-membership': m0013,
  '0014-web-accounts': m0014,
  '0015-rate-limits': m0015,
  '0016-pending-files': m0016,
  '0017-inbox': m0017,
  '0018-poll-redraws': m0018,
  '0019-web-chat': m0019,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
