/**
 * The knowledge base on the dashboard: how many documents and passages, the last ingestion, the
 * documents (the latest first), the questions it could not answer, and a document uploaded by the
 * moderator (JSON `{fileName, contentBase64}`, or the bytes themselves; 5 MB at most), stored under
 * `upload/<file name>`, indexed at once and recorded in the audit log.
 */
import express, { type Request } from 'express';
import { z } from 'zod';
import { areaName, languageLabel } from '../../../src/features/discussions/labels.ts';
import { dashboardText } from '../../../src/i18n/dashboard/index.ts';
import type { App } from '../../../src/main.ts';
import { ingestUpload, UploadError, UPLOAD_MAX_BYTES } from '../../../src/rag/ingest/upload.ts';
import { listUnanswered } from '../../../src/rag/questions-repo.ts';
import { knowledgeOverview, latestDocuments } from '../../../src/store/dashboard-reads.ts';
import { audit } from '../../../src/store/topics.ts';
import { actorRef, dashboardLocals, refuse } from './context.ts';

export const DOCUMENTS_LISTED = 200;
export const UNANSWERED_LISTED = 20;
/** A base64 text of UPLOAD_MAX_BYTES, with room for the rest of the JSON body. */
export const UPLOAD_BODY_LIMIT = Math.ceil((UPLOAD_MAX_BYTES * 4) / 3) + 64 * 1024;

const uploadBody = z.object({
  fileName: z.string().min(1).max(300),
  contentBase64: z.string().max(UPLOAD_BODY_LIMIT),
});

/** Bytes from base64 (a `data:` URL's prefix tolerated); undefined when it is not base64. */
export function decodeBase64(text: string): Buffer | undefined {
  const data = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 === 1) return undefined;
  return Buffer.from(data, 'base64');
}

/** The uploaded file's name and bytes, from either form of the request; undefined when unreadable. */
function readUpload(req: Request): { fileName: string; bytes: Buffer } | undefined {
  if (Buffer.isBuffer(req.body)) {
    const header = req.header('x-file-name');
    if (!header) return undefined;
    try {
      return { fileName: decodeURIComponent(header), bytes: req.body };
    } catch {
      return undefined;
    }
  }
  const parsed = uploadBody.safeParse(req.body);
  if (!parsed.success) return undefined;
  const bytes = decodeBase64(parsed.data.contentBase64);
  return bytes ? { fileName: parsed.data.fileName, bytes } : undefined;
}

export function knowledgeRoutes(app: App): express.Router {
  const router = express.Router();
  const { db } = app.services.store;

  router.get('/', async (_req, res) => {
    const { lang } = dashboardLocals(res);
    const [overview, documents, unanswered] = await Promise.all([knowledgeOverview(db), latestDocuments(db, DOCUMENTS_LISTED), listUnanswered(db, UNANSWERED_LISTED)]);
    res.json({
      documents: overview.documents,
      chunks: overview.chunks,
      lastIngestedAt: overview.lastIngestedAt?.toISOString() ?? null,
      latest: documents.map((d) => ({
        id: d.id,
        source: d.source,
        title: d.title,
        lang: d.lang,
        language: languageLabel(d.lang, lang),
        area: areaName(d.category, lang),
        format: d.format,
        chunks: d.chunks,
        ingestedAt: d.ingestedAt.toISOString(),
      })),
      unanswered: unanswered.map((q) => ({ question: q.question, lang: q.lang, language: languageLabel(q.lang, lang), times: q.times, lastAsked: q.lastAsked.toISOString() })),
    });
  });

  // JSON `{fileName, contentBase64}`; or the file's bytes as they are (application/octet-stream, the
  // name in X-File-Name, URI-encoded), which no JSON body limit in front of the dashboard can stop.
  const json = express.json({ limit: UPLOAD_BODY_LIMIT });
  const raw = express.raw({ type: 'application/octet-stream', limit: UPLOAD_MAX_BYTES });
  router.post('/upload', json, raw, async (req, res) => {
    const upload = readUpload(req);
    if (!upload) return refuse(res, 400, 'badRequest');
    const { fileName, bytes } = upload;
    const { lang } = dashboardLocals(res);
    if (bytes.length > UPLOAD_MAX_BYTES) return refuse(res, 413, 'uploadTooLarge');
    const now = app.services.now();
    try {
      const result = await ingestUpload(app.services.knowledge, db, { fileName, bytes, defaultLang: app.services.config.defaultLang, now });
      if (result.outcome !== 'unchanged') {
        await audit(db, actorRef(res), 'knowledge.upload', `document:${result.source}`, { outcome: result.outcome, chunks: result.chunks, bytes: bytes.length }, now);
      }
      const key = result.outcome === 'added' ? 'uploadAdded' : result.outcome === 'updated' ? 'uploadUpdated' : 'uploadUnchanged';
      res.json({ ...result, replies: [dashboardText(lang, key, { title: result.title, n: result.chunks })] });
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      switch (error.refusal) {
        case 'bad_name':
          return refuse(res, 400, 'uploadBadName');
        case 'unsupported_type':
          return refuse(res, 415, 'uploadType');
        case 'too_large':
          return refuse(res, 413, 'uploadTooLarge');
        case 'unreadable':
          return refuse(res, 422, 'uploadUnreadable', { reason: error.message });
      }
    }
  });

  return router;
}
