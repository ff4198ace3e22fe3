/**
 * Activities exactly as Microsoft Teams POSTs them to a bot's messaging endpoint (`/api/messages`):
 * messages in a personal chat, a channel (with the bot @mentioned or not: the manifest's
 * resource-specific consent has Teams send every message) and a group chat, the `conversationUpdate`
 * and `installationUpdate` events, an `Action.Execute` invoke, the message an `Action.Submit` sends
 * and the `composeExtension/submitAction` invoke of a message action. The builders start from the documented examples in `test/fixtures/teams/`
 * and only change ids, text, scope and the `serviceUrl` (which tests point at the fake Bot Connector),
 * so the fixtures are what the tests really send.
 *
 * Shapes as Teams sends them: user ids `29:1…`, the bot `28:<app id>`, channel conversations
 * `19:…@thread.tacv2;messageid=<root message id>` (a new post carries its own id, a reply in the
 * thread the root's, and neither has a `replyToId`), group chats `19:…@thread.v2`, personal chats
 * `a:1…`; `channelData.tenant.id` everywhere, `channelData.team` / `channelData.channel` in teams;
 * `locale`, `localTimezone` and a `clientInfo` entity on what a person did.
 *
 * The entry point the tests import; the builders live in `test/support/teams/`: the tenant, bot,
 * team and people (`accounts.ts`), types, fixtures, ids and shared pieces (`activity.ts`), messages
 * (`messages.ts`), membership and installation events (`updates.ts`), card and message actions
 * (`actions.ts`), sending (`sending.ts`).
 *
 * No vitest import here: scripts outside the test runner may use it too.
 */
export * from './teams/accounts.ts';
export {
  loadTeamsFixture,
  localTimestamp,
  teamsMessageId,
  type BaseOptions,
  type PlaceOptions,
  type TeamsAccount,
  type TeamsActivity,
  type TeamsConversation,
  type TeamsConversationType,
  type TeamsFixtureName,
} from './teams/activity.ts';
export * from './teams/messages.ts';
export * from './teams/updates.ts';
export * from './teams/actions.ts';
export * from './teams/sending.ts';
export * from './teams/files.ts';
