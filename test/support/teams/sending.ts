/**
 * Sending: the POST of an activity to the bot's messaging endpoint, as the Bot Connector does.
 */
import http from 'node:http';

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

export interface PostActivityResult {
  status: number;
  /** The response body as text ('' when empty). */
  body: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
  /** How long the bot took to answer. */
  ms: number;
}

/** Connections kept open between requests, as the Bot Connector's senders do. */
const agent = new http.Agent({ keepAlive: true });

/**
 * POSTs an activity to the bot's messaging endpoint, `${baseUrl}/api/messages`, as the Bot
 * Connector does (JSON; an `Authorization` header only when given: in local development mode the
 * bot does not check it). It resolves once the bot's turn is over: Teams has its answer only then
 * (`adapters/teams/app.ts`), so the bot has done all it will about the activity, and a test checks
 * what it must not have done at once, with no wait.
 */
export function postActivity(baseUrl: string, activity: object, options: { authorization?: string } = {}): Promise<PostActivityResult> {
  const rawBody = JSON.stringify(activity);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(rawBody)),
    'user-agent': 'Microsoft-SkypeBotApi (Microsoft-BotFramework/3.0)',
  };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  const url = `${baseUrl.replace(/\/+$/, '')}/api/messages`;
  return new Promise((resolvePost, reject) => {
    const started = performance.now();
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = body ? (JSON.parse(body) as unknown) : undefined;
        } catch {
          json = undefined;
        }
        resolvePost({ status: response.statusCode ?? 0, body, json, ms: performance.now() - started });
      });
    });
    request.on('error', reject);
    request.end(rawBody);
  });
}
