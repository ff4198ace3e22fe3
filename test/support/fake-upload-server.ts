/**
 * A local stand-in for the OneDrive upload session Teams hands a bot when a person accepts a file
 * (`uploadInfo.uploadUrl`): records every request (method, path, headers, the exact bytes) and
 * answers a complete one-piece PUT 201 with the driveItem, as OneDrive does. A PUT whose
 * Content-Range or Content-Length does not match its body is answered 400.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WAIT_FOR_CALL_MS, closeServer, useLocalFake, waitForCall } from './local-fake.ts';

export interface RecordedUpload {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The status the fake answered. */
  status: number;
}

export interface FakeUploadServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** A fresh upload URL on this server. */
  uploadUrl(name: string): string;
  uploads: RecordedUpload[];
  waitFor(predicate: (upload: RecordedUpload) => boolean, timeoutMs?: number): Promise<RecordedUpload>;
  reset(): void;
  close(): Promise<void>;
}

/** Whether the headers describe exactly this body, in one piece. */
function wellFormed(headers: IncomingHttpHeaders, body: Buffer): boolean {
  const n = body.length;
  return headers['content-length'] === String(n) && headers['content-range'] === `bytes 0-${n - 1}/${n}`;
}

export async function startFakeUploadServer(): Promise<FakeUploadServer> {
  const uploads: RecordedUpload[] = [];
  const recorded = new EventEmitter();
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const ok = req.method === 'PUT' && wellFormed(req.headers, body);
      const status = ok ? 201 : 400;
      const upload: RecordedUpload = { method: req.method ?? '', path: req.url ?? '/', headers: req.headers, body, status };
      uploads.push(upload);
      recorded.emit('call', upload);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { id: `01ABCDEF${uploads.length}`, size: body.length, file: {} } : { error: { code: 'invalidRange', message: 'The range does not match the body.' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    uploadUrl: (name) => `${origin}/upload/session-${(counter += 1)}/${encodeURIComponent(name)}`,
    uploads,
    waitFor: (predicate, timeoutMs = WAIT_FOR_CALL_MS) =>
      waitForCall({ calls: uploads, recorded, describe: (u) => `${u.method} ${u.path} (${u.body.length} bytes) → ${u.status}`, name: 'fake upload server' }, predicate, timeoutMs),
    reset() {
      uploads.length = 0;
    },
    close: () => closeServer(server),
  };
}

/** The fake for the enclosing `describe`: started before its tests, reset before each, stopped after. */
export function useFakeUploadServer(): () => FakeUploadServer {
  return useLocalFake('fake upload server', startFakeUploadServer);
}
