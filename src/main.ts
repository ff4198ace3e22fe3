/**
 * The platform-neutral application: configuration, store, knowledge base, dispatcher. The host
 * (adapters/host) wraps it with the HTTP server and the adapters; the CLI uses it directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_KNOWLEDGE_DIR, type Config } from './config.ts';
import { createDispatcher, type Dispatcher } from './core/dispatcher.ts';
import type { Services } from './core/context.ts';
import { NO_MESSENGER } from './core/messenger.ts';
import { PollRefresher, POLL_REFRESH_MIN_INTERVAL_MS } from './features/polls/refresher.ts';

/** How long closing the app waits for poll refreshes still due. */
const POLL_REFRESH_DRAIN_MS = 2 * POLL_REFRESH_MIN_INTERVAL_MS;
import type { Logger } from './log.ts';
import { loadGlossary, readGlossaryEntries, type Glossary } from './rag/glossary.ts';
import { nameEntries } from './rag/names.ts';
import { ingestPaths, type IngestSummary } from './rag/ingest/ingest.ts';
import { KnowledgeBase, type KnowledgeBaseOptions } from './rag/knowledge-base.ts';
import { watchKnowledgeFolder, type KnowledgeWatcher } from './rag/knowledge-watcher.ts';
import type { SummaryWriter } from './rag/llm/summary-writer.ts';
import { openConfiguredStore } from './store/configured.ts';
import type { Store } from './store/index.ts';
import { pruneInbox } from './store/inbox.ts';
import { pruneProcessedEvents } from './store/processed-events.ts';

export interface App {
  services: Services;
  dispatcher: Dispatcher;
  /** The watch on the knowledge folder's `docs/`, when `watchKnowledge` started one. */
  knowledgeWatcher?: KnowledgeWatcher;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Use this store instead of opening the configured one (tests). */
  store?: Store;
  now?: () => Date;
  /** Index the knowledge folder's `docs/` at start (unchanged files are skipped). */
  ingestKnowledge?: boolean;
  /** Keep indexing it while the app runs: files added, changed or removed in `docs/` (the server). */
  watchKnowledge?: boolean;
}

/** The folder of the knowledge base's documents: `docs/` in the knowledge folder (KNOWLEDGE_DIR). */
export function knowledgeDocsDir(config: Config): string {
  return path.join(config.knowledgeDir, 'docs');
}

/** Indexes the knowledge folder's documents; sources are paths relative to the folder's parent. */
export function ingestKnowledgeDir(services: Services, options: { prune: boolean }): Promise<IngestSummary> {
  const { config, store, knowledge, now } = services;
  return ingestPaths(knowledge, store.db, [knowledgeDocsDir(config)], {
    cwd: path.dirname(config.knowledgeDir),
    defaultLang: config.defaultLang,
    prune: options.prune,
    now,
  });
}

/**
 * The knowledge folder's glossary (a folder without one uses the built-in glossary, which is the
 * field's vocabulary rather than content: without it, questions cannot cross languages), always
 * with the built-in lexicon of everyday words and the names of months, languages and countries.
 */
export function glossaryFor(config: Config): Glossary {
  const own = path.join(config.knowledgeDir, 'glossary.json');
  const file = existsSync(own) ? own : path.join(BUILT_IN_KNOWLEDGE_DIR, 'glossary.json');
  const lexiconFile = path.join(BUILT_IN_KNOWLEDGE_DIR, 'lexicon.json');
  // Analysing every term takes most of a second: a process that makes several apps (the eval and
  // bench scripts, the tests' hosts) builds it again only when a file's text has changed.
  const key = `${file}\0${textOf(file)}\0${textOf(lexiconFile)}`;
  if (lastGlossary?.key === key) return lastGlossary.glossary;
  const lexicon = readGlossaryEntries(lexiconFile);
  const glossary = loadGlossary(file, [...lexicon, ...nameEntries()]);
  lastGlossary = { key, glossary };
  return glossary;
}

/** The last glossary `glossaryFor` built (a glossary is never changed once built), with its files' texts. */
let lastGlossary: { key: string; glossary: Glossary } | undefined;

/** A file's text; empty when it cannot be read (then reading it for the glossary says why). */
function textOf(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

interface ModelParts {
  knowledge: KnowledgeBaseOptions;
  summaryWriter?: SummaryWriter;
}

/**
 * With a model configured: answers and discussion summaries written by it, questions translated,
 * passages embedded when named; and the Qdrant index when configured. Their client libraries load
 * only then.
 */
async function modelParts(config: Config): Promise<ModelParts> {
  const backend = config.qdrant ? new (await import('./rag/qdrant-index.ts')).QdrantIndex(config.qdrant) : undefined;
  if (!config.model) return { knowledge: backend ? { backend } : {} };
  const [{ createModelClient }, { openAIAnswerWriter }, { openAIEmbedder }, { openAIQueryTranslator }, { openAISummaryWriter }] = await Promise.all([
    import('./rag/llm/client.ts'),
    import('./rag/llm/answer-writer.ts'),
    import('./rag/llm/embedder.ts'),
    import('./rag/llm/translator.ts'),
    import('./rag/llm/summary-writer.ts'),
  ]);
  const client = createModelClient(config.model);
  const { chatModel, embeddingModel } = config.model;
  return {
    knowledge: {
      ...(backend ? { backend } : {}),
      writer: openAIAnswerWriter(client, chatModel),
      translator: openAIQueryTranslator(client, chatModel),
      ...(embeddingModel ? { embedder: openAIEmbedder(client, embeddingModel), embeddingModel } : {}),
    },
    summaryWriter: openAISummaryWriter(client, chatModel),
  };
}

export async function createApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  const store = options.store ?? (await openConfiguredStore(config));
  try {
    const now = options.now ?? (() => new Date());
    const model = await modelParts(config);
    const knowledge = new KnowledgeBase(store.db, glossaryFor(config), {
      ...model.knowledge,
      log: log.child({ component: 'knowledge' }),
    });
    await knowledge.load();
    // The refresher reads the services when it runs: the host sets the messenger after this.
    const polls = new PollRefresher(() => services);
    const services: Services = {
      config,
      store,
      log,
      knowledge,
      now,
      messenger: NO_MESSENGER,
      ...(model.summaryWriter ? { summaryWriter: model.summaryWriter } : {}),
      polls,
    };
    const pruned = await pruneProcessedEvents(store.db, now());
    const prunedInbox = await pruneInbox(store.db, now());
    log.info({ engine: store.engine, prunedEventIds: pruned, prunedInboxRows: prunedInbox, chunks: knowledge.stats.size }, 'store ready');
    if (options.ingestKnowledge) {
      const summary = await ingestKnowledgeDir(services, { prune: true });
      log.info({ ...summary, failures: summary.failures.slice(0, 10) }, 'knowledge folder indexed');
    }
    const knowledgeWatcher = options.watchKnowledge
      ? watchKnowledgeFolder({ folder: knowledgeDocsDir(config), reindex: () => ingestKnowledgeDir(services, { prune: true }), log: log.child({ component: 'knowledge' }) })
      : undefined;
    const close = async (): Promise<void> => {
      await knowledgeWatcher?.close();
      // Poll messages waiting for their last refresh get it before the store closes.
      await Promise.race([services.polls.idle(), new Promise((resolve) => setTimeout(resolve, POLL_REFRESH_DRAIN_MS).unref())]);
      services.polls.stop();
      await store.close();
    };
    return { services, dispatcher: createDispatcher(services), ...(knowledgeWatcher ? { knowledgeWatcher } : {}), close };
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
}
