/** What a feature handler receives: the event, who and in which language, and how to answer. */
import type { Config } from '../config.ts';
import type { Lang } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import type { KnowledgeBase } from '../rag/knowledge-base.ts';
import type { SummaryWriter } from '../rag/llm/summary-writer.ts';
import type { Role, Store } from '../store/index.ts';
import type { PersonKey } from '../store/people.ts';
import type { Adapter, MessageRef } from './adapter.ts';
import type { Card } from './card.ts';
import type { InboundEvent } from './events.ts';
import type { Messenger } from './messenger.ts';
import type { PollRefresher } from '../features/polls/refresher.ts';

/** The long-lived parts features use. */
export interface Services {
  config: Config;
  store: Store;
  log: Logger;
  knowledge: KnowledgeBase;
  /** The clock; tests set it. */
  now: () => Date;
  /** Posting unasked (weekly topics, notes to moderators); the host sets it once adapters are up. */
  messenger: Messenger;
  /** Writes a closing discussion's summary; set only when a model is configured. */
  summaryWriter?: SummaryWriter;
  /** Redraws polls' messages with live counts, coalesced. */
  polls: PollRefresher;
}

export interface HandlerContext {
  services: Services;
  event: InboundEvent;
  adapter: Adapter;
  person: PersonKey;
  role: Role;
  lang: Lang;
  log: Logger;
  /** Answer where the event happened. */
  reply(card: Card): Promise<MessageRef>;
  /** Answer so that only the person sees it; a normal reply where the platform cannot. */
  replyPrivately(card: Card): Promise<void>;
}
