/**
 * Requests exactly as Slack sends them to an app's Request URL: signed with Slack's v0 scheme, an
 * Events API envelope as JSON, a slash command as form fields, an interaction as a form field
 * `payload` holding JSON. The builders start from the documented examples in `test/fixtures/slack/`
 * and only change ids and text, so the fixtures are what the tests really send.
 *
 * The entry point the tests import; the builders live in `test/support/slack/`: the workspace,
 * fixtures and ids (`workspace.ts`), Events API payloads (`events.ts`), slash commands and
 * interactions (`interactions.ts`), signing and sending (`signing.ts`).
 *
 * No vitest import here: scripts outside the test runner may use it too.
 */
export {
  API_APP_ID,
  BOT_ID,
  BOT_USER_ID,
  SIGNING_SECRET,
  TEAM_DOMAIN,
  TEAM_ID,
  VERIFICATION_TOKEN,
  loadSlackFixture,
  richTextBlocks,
  slackTs,
  type SlackFixtureName,
} from './slack/workspace.ts';
export * from './slack/events.ts';
export * from './slack/interactions.ts';
export * from './slack/signing.ts';
