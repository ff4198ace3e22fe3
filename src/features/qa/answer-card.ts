/** An answer from the knowledge base as a card: the answer, its numbered sources, feedback buttons. */
import { ACTIONS } from '../../core/actions.ts';
import type { Block, Card } from '../../core/card.ts';
import { messages, type Lang } from '../../i18n/index.ts';
import type { Answer, Citation } from '../../rag/answer-types.ts';

function citationLine(c: Citation): string {
  // The heading path usually starts with the document's own title: do not say it twice.
  const heading = c.heading.startsWith(`${c.title} › `) ? c.heading.slice(c.title.length + 3) : c.heading;
  const where = heading && heading !== c.title ? `${c.title} › ${heading}` : c.title;
  return `[${c.n}] ${where} — ${c.source}`;
}

function sourceBlocks(citations: Citation[], heading: string): Block[] {
  if (citations.length === 0) return [];
  const links = citations.filter((c) => /^https?:\/\//.test(c.source));
  return [
    { type: 'context', text: heading },
    { type: 'list', items: citations.map(citationLine) },
    ...(links.length > 0 ? [{ type: 'links' as const, links: links.map((c) => ({ label: `[${c.n}] ${c.title}`, url: c.source })) }] : []),
  ];
}

export function answerToCard(answer: Answer, lang: Lang, questionId: string): Card {
  const m = messages(lang).ask;
  if (!answer.answered) {
    return {
      lang,
      blocks: [{ type: 'text', text: m.abstain }, ...sourceBlocks(answer.citations, m.closest)],
    };
  }
  // An extractive answer says itself, in the reader's language, when it quotes another language.
  const blocks: Block[] = [];
  blocks.push({ type: 'text', text: answer.answer });
  blocks.push(...sourceBlocks(answer.citations, m.sources));
  blocks.push({
    type: 'actions',
    buttons: [
      { actionId: ACTIONS.qaFeedback, label: m.helpful, value: `${questionId}:1` },
      { actionId: ACTIONS.qaFeedback, label: m.notHelpful, value: `${questionId}:0` },
    ],
  });
  return { lang, blocks };
}

export function thinkingToCard(lang: Lang): Card {
  return { lang, blocks: [{ type: 'context', text: messages(lang).ask.thinking }] };
}
