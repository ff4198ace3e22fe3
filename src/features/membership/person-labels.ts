/**
 * People as a reader sees them: by name, never by an id. A person's name is the one the forum
 * knows (`people.display_name`, a web account's name); the web chat used on the server's own
 * machine without an account has none and an id made up by the browser, so it is "you, on this
 * computer" for that person and "someone else on this computer" for others. A Slack or Teams person
 * whose name the forum never learnt stays as their reference (`slack:U0123`), which a moderator
 * can look up, and so does a web id of no known account.
 */
import type { Kysely } from 'kysely';
import { personFromRef } from '../../core/messenger.ts';
import { messages, type Lang } from '../../i18n/index.ts';
import type { Database } from '../../store/schema.ts';

/** The id a browser of the server's own machine is given (a random UUID, `adapters/web/session.ts`); a login never has this shape and a name. */
const LOCAL_BROWSER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The reader, when they may be one of the people shown. */
export interface Viewer {
  platform: string;
  userId: string;
}

/** A label for each reference (`platform:userId`) in `refs`, in the reader's language. */
export async function personLabels(db: Kysely<Database>, refs: readonly string[], lang: Lang, viewer?: Viewer): Promise<Map<string, string>> {
  const people = [...new Set(refs)].flatMap((ref) => {
    const person = personFromRef(ref);
    return person ? [{ ref, ...person }] : [];
  });
  const names = new Map<string, string>();
  if (people.length > 0) {
    const rows = await db
      .selectFrom('people')
      .select(['platform', 'user_id', 'display_name'])
      .where('display_name', 'is not', null)
      .where((eb) => eb.or(people.map((p) => eb.and([eb('platform', '=', p.platform), eb('user_id', '=', p.userId)]))))
      .execute();
    for (const row of rows) if (row.display_name) names.set(`${row.platform}:${row.user_id}`, row.display_name);
    const logins = people.filter((p) => p.platform === 'web' && !names.has(p.ref)).map((p) => p.userId);
    if (logins.length > 0) {
      const accounts = await db.selectFrom('web_accounts').select(['login', 'display_name']).where('login', 'in', logins).execute();
      for (const account of accounts) names.set(`web:${account.login}`, account.display_name);
    }
  }
  const words = messages(lang).membership;
  const labels = new Map<string, string>();
  for (const ref of refs) {
    const person = personFromRef(ref);
    const named = names.get(ref);
    if (named) labels.set(ref, named);
    // A web person without an account: the browser of someone at the server's own machine.
    else if (person?.platform === 'web' && LOCAL_BROWSER_ID.test(person.userId)) labels.set(ref, viewer?.platform === 'web' && viewer.userId === person.userId ? words.localYou : words.localOther);
    else labels.set(ref, ref);
  }
  return labels;
}

/** One person's label (see `personLabels`). */
export async function personLabel(db: Kysely<Database>, ref: string, lang: Lang, viewer?: Viewer): Promise<string> {
  return (await personLabels(db, [ref], lang, viewer)).get(ref) ?? ref;
}
