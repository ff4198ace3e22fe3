/**
 * The response handed to botbuilder's `CloudAdapter.process`, which writes an error's message as
 * the body of its 401 and 500 answers (for a forged token, the text of an internal fetch error:
 * the OpenID metadata URL and the DNS failure). Through this wrapper an error answer has no body;
 * and an error before the bot's turn began is an authentication failure, whatever caused it (a
 * token that cannot be checked is not accepted): 401. Successful answers (invoke responses) pass
 * through unchanged.
 */
import type express from 'express';

export function quietResponse(res: express.Response, turnStarted: () => boolean): Pick<express.Response, 'status' | 'send' | 'end' | 'header'> & { socket: unknown } {
  let status = 200;
  const wrapper = {
    socket: res.socket,
    header(name: string, value?: string | string[]) {
      res.header(name, value);
      return wrapper as unknown as express.Response;
    },
    status(code: number) {
      status = code;
      return wrapper as unknown as express.Response;
    },
    send(body?: unknown) {
      if (status < 400 && !res.headersSent) res.status(status).send(body);
      return wrapper as unknown as express.Response;
    },
    end() {
      if (!res.headersSent) res.status(status < 400 ? status : turnStarted() ? 500 : 401).end();
      return wrapper as unknown as express.Response;
    },
  };
  return wrapper;
}
