/**
 * The shapes the Slack guard lets through to Bolt: what Slack sends passes; bodies whose fields
 * Bolt reads have types Slack never sends are stopped (each of these made Bolt answer 500 when the
 * fuzz test, fuzz-platforms.test.ts, found them).
 */
import { describe, expect, it } from 'vitest';
import { readSlackBody, slackShaped, slackSignatureValid } from '../../../adapters/slack/guard.ts';
import { blockAction, directMessage, eventEnvelope, memberJoined, messageShortcut, signSlackBody, slashCommand, slackRequestBody, viewSubmission } from '../../support/slack-requests.ts';

const click = blockAction({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1700000000.000100', actionId: 'poll:vote', value: '1:0' });
const shortcut = messageShortcut({ user: 'U0ALICE', channel: 'C0FORUM', messageTs: '1700000000.000100', text: 'spam' });
const message = eventEnvelope(directMessage({ user: 'U0ALICE', text: 'help' }));

const interaction = (payload: object): boolean => {
  const { rawBody, contentType } = slackRequestBody('interaction', payload);
  return slackShaped(rawBody, contentType);
};
const event = (envelope: object): boolean => slackShaped(JSON.stringify(envelope), 'application/json');

describe('the Slack guard’s shapes', () => {
  it('lets through what Slack sends', () => {
    expect(interaction(click)).toBe(true);
    expect(interaction(shortcut)).toBe(true);
    expect(interaction(viewSubmission({ user: 'U0ALICE', callbackId: 'topic:propose', privateMetadata: '{}', values: { title: 'x' } }))).toBe(true);
    expect(interaction({ ...click, team: null, enterprise: { id: 'E1' } })).toBe(true);
    expect(event(message)).toBe(true);
    expect(event(eventEnvelope(memberJoined({ user: 'U0ALICE', channel: 'C0FORUM' })))).toBe(true);
    // team_join carries the user as an object.
    expect(event({ ...message, event: { type: 'team_join', user: { id: 'U0NEW' } } })).toBe(true);
    const command = slackRequestBody('command', slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: 'help' }));
    expect(slackShaped(command.rawBody, command.contentType)).toBe(true);
  });

  it('stops interactions whose user, team, channel or actions are not what Slack sends', () => {
    expect(interaction({ ...click, user: undefined })).toBe(false);
    expect(interaction({ ...click, user: null })).toBe(false);
    expect(interaction({ ...click, user: { id: 7 } })).toBe(false);
    expect(interaction({ ...click, actions: 1.5 })).toBe(false);
    expect(interaction({ ...click, actions: [null] })).toBe(false);
    // Bolt matches its listeners on an action's ids and a view's callback id with a regular expression.
    expect(interaction({ ...click, actions: [{ ...(click.actions as object[])[0], action_id: 42 }] })).toBe(false);
    expect(interaction({ ...click, actions: [{ ...(click.actions as object[])[0], block_id: [] }] })).toBe(false);
    expect(interaction({ ...click, view: { callback_id: 3 } })).toBe(false);
    expect(interaction({ ...shortcut, team: 'T0001' })).toBe(false);
    expect(interaction({ ...click, channel: { id: false } })).toBe(false);
    expect(interaction({ ...click, trigger_id: false })).toBe(false);
  });

  it('stops events whose fields are null, numbers or of the wrong kind', () => {
    expect(event({ ...message, event: { ...message.event, user: null } })).toBe(false);
    expect(event({ ...message, event: { ...message.event, text: 42 } })).toBe(false);
    expect(event({ ...message, event: { ...message.event, type: [] } })).toBe(false);
    expect(event({ ...message, team_id: { id: 'T0001' } })).toBe(false);
    expect(event({ ...message, authorizations: 'all' })).toBe(false);
  });

  it('hands on the body as Bolt reads it: the envelope, the interaction’s payload, the command’s fields', () => {
    const { rawBody, contentType } = slackRequestBody('interaction', click);
    expect(readSlackBody(rawBody, contentType)).toEqual(click);
    expect(readSlackBody(JSON.stringify(message), 'application/json; charset=utf-8')).toEqual(message);
    const command = slackRequestBody('command', slashCommand({ user: 'U0ALICE', channel: 'C0FORUM', text: 'poll "a b" "c"' }));
    expect(readSlackBody(command.rawBody, command.contentType)).toMatchObject({ command: '/forum', user_id: 'U0ALICE', text: 'poll "a b" "c"' });
  });
});

describe('the Slack signature check', () => {
  const secret = 'bench-signing-secret';
  const body = Buffer.from('payload=%7B%22type%22%3A%22block_actions%22%7D');

  it('accepts Slack’s v0 signature of the body and timestamp, and nothing else', () => {
    const { timestamp, signature } = signSlackBody(secret, body.toString(), 1_700_000_000);
    expect(slackSignatureValid(secret, Number(timestamp), body, signature)).toBe(true);
    expect(slackSignatureValid(secret, Number(timestamp) + 1, body, signature)).toBe(false);
    expect(slackSignatureValid(`${secret}-other`, Number(timestamp), body, signature)).toBe(false);
    expect(slackSignatureValid(secret, Number(timestamp), Buffer.concat([body, Buffer.from('&x=1')]), signature)).toBe(false);
    expect(slackSignatureValid(secret, Number(timestamp), body, `${signature}00`)).toBe(false);
    expect(slackSignatureValid(secret, Number(timestamp), body, signature.toUpperCase())).toBe(false);
    expect(slackSignatureValid(secret, Number(timestamp), body, `v1=${signature.slice(3)}`)).toBe(false);
    expect(slackSignatureValid(secret, Number(timestamp), body, '')).toBe(false);
  });
});
