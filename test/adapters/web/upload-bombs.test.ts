/**
 * Hostile files uploaded from the dashboard to the real host over HTTP, while another client
 * keeps asking `/healthz`: the three bombs (a PDF whose stream expands to 1 GB — plain, and hidden
 * behind a second filter so that only the parser meets it —, a DOCX that expands to 2 GB, a
 * Markdown file of one 5 MB line) and the renamed binaries (a PDF named .txt, a program named
 * .md) are each refused with their reason, in the moderator's language; `/healthz` answers all
 * along and never fails. (How fast it answers is a figure of `npm run bench`, not a test.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardText } from '../../../src/i18n/dashboard/index.ts';
import { startTestHost, type TestHost } from '../../support/host.ts';
import { docxBomb, oneLineMarkdown, pdfBomb } from '../../rag/ingest/bombs.ts';
import { buildPdf } from '../../rag/ingest/fixtures.ts';
import { WebPerson } from './web-person.ts';

const MODERATOR_ID = '0e7f7f5e-8c0b-4a59-9d47-1b7a3f1c2d90';

/** `/healthz` asked again and again, one request at a time, until stopped. */
class HealthProbe {
  answered = 0;
  failed = 0;
  private running = true;
  private readonly loop: Promise<void>;
  constructor(url: string) {
    this.loop = (async () => {
      while (this.running) {
        try {
          const res = await fetch(`${url}/healthz`);
          if (res.status === 200 && ((await res.json()) as { status?: string }).status === 'ok') this.answered++;
          else this.failed++;
        } catch {
          this.failed++;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

describe('bombs and renamed binaries uploaded to the running server', () => {
  let host: TestHost;
  let moderator: WebPerson;
  beforeAll(async () => {
    host = await startTestHost({ MODERATORS: `web:${MODERATOR_ID}` }, { ingestKnowledge: false });
    moderator = WebPerson.withId(host.url, MODERATOR_ID);
  });
  afterAll(() => host?.close());

  async function upload(fileName: string, bytes: Buffer): Promise<{ status: number; message: string }> {
    const res = await moderator.postRaw('/web/api/dashboard/knowledge/upload', JSON.stringify({ fileName, contentBase64: bytes.toString('base64') }), { 'accept-language': 'fr' });
    return { status: res.status, message: ((await res.json()) as { message?: string }).message ?? '' };
  }

  const markdown = oneLineMarkdown();
  const longestLine = Math.max(...markdown.toString('utf8').split('\n').map((line) => line.length));
  const program = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4096, 0x90)]);
  const cases: { name: string; file: string; bytes: () => Buffer; reason: string; inWorker: boolean }[] = [
    { name: 'a 1 MB PDF whose stream expands to 1 GB', file: 'bomb.pdf', bytes: () => pdfBomb(1024), reason: "the PDF's streams expand to more than 128 MB (a decompression bomb?)", inWorker: true },
    { name: 'the same PDF with its stream behind a second filter', file: 'hidden-bomb.pdf', bytes: () => pdfBomb(1024, true), reason: 'the document needs more memory to read than allowed', inWorker: true },
    { name: 'a 2 MB DOCX that expands to 2 GB', file: 'bomb.docx', bytes: () => docxBomb(2048), reason: 'the DOCX expands to more than 64 MB (a ZIP bomb?)', inWorker: true },
    { name: 'a Markdown file of one 5 MB line', file: 'one-line.md', bytes: () => markdown, reason: `a line of ${longestLine} characters (limit 100000): not a text document`, inWorker: false },
    { name: 'a PDF renamed .txt', file: 'report.txt', bytes: () => buildPdf(), reason: 'not a text file: the file is a PDF document', inWorker: false },
    { name: 'a program renamed .md', file: 'notes.md', bytes: () => program, reason: 'not a text file: the file is a program', inWorker: false },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} with its reason, /healthz answering meanwhile`, async () => {
      const bytes = c.bytes();
      expect(bytes.length).toBeLessThanOrEqual(5 * 1024 * 1024);
      const probe = new HealthProbe(host.url);
      let result: { status: number; message: string };
      try {
        result = await upload(c.file, bytes);
      } finally {
        await probe.stop();
      }
      expect(result.status).toBe(422);
      expect(result.message).toBe(dashboardText('fr', 'uploadUnreadable', { reason: c.reason }));
      expect(probe.failed).toBe(0);
      // A refusal in the worker takes long enough for /healthz to be asked and answered during it;
      // one on the main thread's first bytes is over in milliseconds.
      if (c.inWorker) expect(probe.answered).toBeGreaterThan(0);
    });
  }

  it('still takes a real document afterwards, and has stored none of the refused ones', async () => {
    const probe = new HealthProbe(host.url);
    const res = await moderator.postRaw(
      '/web/api/dashboard/knowledge/upload',
      JSON.stringify({ fileName: 'guide.pdf', contentBase64: buildPdf().toString('base64') }),
    );
    await probe.stop();
    expect(res.status).toBe(200);
    const documents = await host.app.services.store.db.selectFrom('documents').select('source').execute();
    expect(documents.map((d) => d.source)).toEqual(['upload/guide.pdf']);
    expect(probe.failed).toBe(0);
  });
});
