/**
 * The tenant, the bot, the team, its channel, a group chat and the people the Teams activities come
 * from, with the id of each person's one-to-one conversation with the bot.
 */
import { createHash } from 'node:crypto';

// ---------------------------------------------------------------------------------------------
// The tenant, the bot, the team and the people
// ---------------------------------------------------------------------------------------------

export const TENANT_ID = '9b2f5c1e-3d7a-4e8b-a6c4-1f0e2d3c4b5a';
/** The bot's Microsoft App ID. */
export const APP_ID = 'c4e1a7b2-5f3d-4a9e-8b6c-2d1f0e9a8b7c';
/** The bot's id in Teams conversations: `28:` + its app id. */
export const BOT_ID = `28:${APP_ID}`;
export const BOT_NAME = 'TA Forum';
/** What the fixtures carry as `serviceUrl`; builders always take the fake's instead. */
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

/** A team's id is its General channel's id. */
export const TEAM_ID = '19:3f7c1a9e5b2d4c8f9e0a1b2c3d4e5f60@thread.tacv2';
export const TEAM_AAD_GROUP_ID = 'd1a2b3c4-e5f6-4789-9abc-def012345678';
export const TEAM_NAME = 'TA Community';
/** The channel the bot was added to (`Questions`). */
export const CHANNEL_ID = '19:6e2a9d4c8b1f4e7a9c3d5b0f2a4c6e8d@thread.tacv2';
export const CHANNEL_NAME = 'Questions';
export const GROUP_CHAT_ID = '19:a4c8e2f6b0d14a3c9e7f5b1d3a5c7e9f@thread.v2';

/**
 * The bot's one-to-one conversation with a person (`a:1…`), the same for the same person, as
 * Teams does; the fake Bot Connector answers a "create conversation" with one member with it.
 */
export function personalConversationIdFor(userId: string, tenantId: string = TENANT_ID): string {
  return `a:1${createHash('sha512').update(`${tenantId}|${userId}`).digest('base64url')}`;
}

export interface TeamsUser {
  /** The bot-specific user id, `29:1…`. */
  id: string;
  name: string;
  /** The person's Microsoft Entra object id. */
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
  userPrincipalName: string;
  /** The bot's one-to-one conversation with this person. */
  personalConversationId: string;
  /** The Teams client's locale and time zone, sent with what the person does. */
  locale: string;
  timezone: string;
}

function user(id: string, name: string, aadObjectId: string, locale: string, timezone: string): TeamsUser {
  const [givenName = name, surname = ''] = name.split(' ');
  const email = `${givenName}.${surname}`.toLowerCase().replace(/\.$/, '') + '@contoso.example';
  return { id, name, aadObjectId, givenName, surname, email, userPrincipalName: email, personalConversationId: personalConversationIdFor(id), locale, timezone };
}

export const USER_ADA = user(
  '29:1Qm3vXk8Rz0bTf5pLw2Hn7Jc9Ys4Ad6Ge1Ku3Mo8Pi5Nq2Bt7Wr0Lx4Vz9Cy6Hs1Ej3Fg8Dk5Al2Tb7Mp0Rn4Wq9Xu',
  'Ada Lovelace',
  '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'en-US',
  'America/New_York',
);
export const USER_GRACE = user(
  '29:1Vd8Kp3Xs6Ma1Rt9Lz4Hb7Nw2Qc5Jf0Ye8Gu3Ok6Pi1Bn9Tl4Xw7Qe2Rz5Vk0Mh8Cj3Sp6Df1Ag4Lu9Ny7Kt2Wb5Ho0Ix',
  'Grace Hopper',
  'a2c4e6f8-1b3d-4f5a-9c7e-0d2f4b6a8c1e',
  'en-US',
  'America/Chicago',
);
export const USER_ALAN = user(
  '29:1Pw5Nc8Tx3Lb6Kr1Zm9Hd4Qs7Vf2Ja0Ye5Gu8Oi3Bn6Tl1Xw4Qe9Rz2Vk7Mh0Cj5Sp8Df3Ag6Lu1Ny4Kt9Wb2Ho7Ix',
  'Alan Turing',
  '3e5a7c9b-2d4f-4a6c-8e0b-1f3d5b7a9c2e',
  'en-GB',
  'Europe/London',
);
/** A French-speaking member, for localisation tests. */
export const USER_CAMILLE = user(
  '29:1Jt6Wb9Nq2Hx5Lc8Rv3Kd0Ps7Mf4Ga1Ye6Gu9Oi2Bn5Tl8Xw3Qe0Rz7Vk4Mh1Cj6Sp9Df2Ag5Lu8Ny3Kt0Wb7Ho4Ix',
  'Camille Martin',
  '8c0e2a4f-6b1d-4e3a-9f5c-7d9b1e3a5c0f',
  'fr-FR',
  'Europe/Paris',
);
export const USERS: readonly TeamsUser[] = [USER_ADA, USER_GRACE, USER_ALAN, USER_CAMILLE];
