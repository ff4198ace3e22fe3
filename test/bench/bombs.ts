/**
 * `/healthz` while bombs are refused: `ta-forum serve` in its own process (the compiled build, as
 * users run it), a moderator uploading from the dashboard a 1 MB PDF whose stream expands to 1 GB
 * (refused by the stream ceiling), the same behind a second filter (the parser meets it and the
 * worker's memory watch stops it) and a DOCX that expands to 2 GB, while another client asks
 * `/healthz` one request after the other. Prints the answers' p50, p99 and slowest beside the same
 * client against the idle server (goal: < 100 ms while a bomb is refused; Slack allows 3 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSRF_HEADER, WEB_COOKIE } from '../../adapters/web/routes.ts';
import { docxBomb, pdfBomb } from '../rag/ingest/bombs.ts';
import { startServer } from './server-process.ts';
import { percentile } from './slack.ts';

/** Local access: the web cookie holds a person's id (a UUID), named a moderator in MODERATORS. */
const MODERATOR = '5d1c0c9a-6f0e-4f3c-9a39-7c2d0b8e4f11';
const IDLE_PROBE_MS = 2000;

/** Asks `/healthz` one request at a time until `done` settles; each answer's time in ms, sorted. */
async function probe(url: string, done: Promise<unknown>): Promise<{ latencies: number[]; failed: number }> {
  let over = false;
  void done.finally(() => (over = true));
  const latencies: number[] = [];
  let failed = 0;
  while (!over) {
    const started = performance.now();
    const res = await fetch(`${url}/healthz`).catch(() => undefined);
    if (res?.status === 200) latencies.push(performance.now() - started);
    else failed++;
    await res?.arrayBuffer();
  }
  return { latencies: latencies.sort((a, b) => a - b), failed };
}

const summary = ({ latencies, failed }: { latencies: number[]; failed: number }): string =>
  `${latencies.length} answers${failed ? `, ${failed} FAILED` : ''}, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? Number.NaN).toFixed(1)} ms`;

export async function benchBombs(print: (line: string) => void): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ta-forum-bench-bombs-'));
  const server = await startServer(['adapters/host/bin.mjs', 'serve'], {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    TA_FORUM_DATA_DIR: dataDir,
    MODERATORS: `web:${MODERATOR}`,
  });
  try {
    const cookie = `${WEB_COOKIE}=${MODERATOR}`;
    const session = (await (await fetch(`${server.url}/web/api/session`, { headers: { cookie } })).json()) as { csrf: string };
    const upload = async (fileName: string, bytes: Buffer): Promise<string> => {
      const res = await fetch(`${server.url}/web/api/dashboard/knowledge/upload`, {
        method: 'POST',
        headers: { cookie, [CSRF_HEADER]: session.csrf, 'content-type': 'application/octet-stream', 'x-file-name': fileName },
        body: new Uint8Array(bytes),
      });
      return `${res.status} ${((await res.json()) as { message?: string }).message ?? ''}`;
    };
    const idle = await probe(server.url, new Promise((resolve) => setTimeout(resolve, IDLE_PROBE_MS)));
    const outcomes: string[] = [];
    const bombs = (async () => {
      outcomes.push(await upload('bomb.pdf', pdfBomb(1024)));
      outcomes.push(await upload('hidden-bomb.pdf', pdfBomb(1024, true)));
      outcomes.push(await upload('bomb.docx', docxBomb(2048)));
    })();
    const started = performance.now();
    const during = await probe(server.url, bombs);
    await bombs;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const refused = outcomes.filter((o) => o.startsWith('422 ')).length;
    print(`healthz while 3 bombs are uploaded and refused (1 GB PDF stream, the same hidden, 2 GB DOCX; ${refused} of 3 refused in ${seconds} s; serve in its own process): ${summary(during)} (goal max < 100 ms)`);
    print(`  the same client against the idle server: ${summary(idle)}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
