/** `ask <question>` and every message that is not a command: answer from the knowledge base. */
import { textCard } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import { messages } from '../../i18n/index.ts';
import { expertsForQuestion, rosterForKnowledgeDir } from '../../rag/experts.ts';
import { questionLanguage } from '../../rag/knowledge-base.ts';
import { asksForExpert } from '../../rag/question-kind.ts';
import { recordFeedback, recordQuestion } from '../../rag/questions-repo.ts';
import { suggestedExpertsBlocks } from '../experts/experts-card.ts';
import { answerToCard, thinkingToCard } from './answer-card.ts';
import { recordPersonUsage } from '../usage.ts';

export async function handleAsk(ctx: HandlerContext, question: string): Promise<void> {
  const { knowledge, store, now } = ctx.services;
  // Where the platform can update a message, show at once that the question is being looked up.
  const placeholder = ctx.adapter.updateMessage ? await ctx.reply(thinkingToCard(ctx.lang)) : undefined;
  const answer = await knowledge.answer(question, ctx.lang);
  const asked = questionLanguage(question, ctx.lang);
  // "Who can help with…" is answered by the experts roster first; an abstention also lists the
  // experts whose fields match.
  const forExpert = asksForExpert(question, asked);
  const experts = forExpert || !answer.answered ? expertsForQuestion(rosterForKnowledgeDir(ctx.services.config.knowledgeDir), knowledge.glossary, question, asked) : [];
  const answered = answer.answered || (forExpert && experts.length > 0);
  const questionId = await recordQuestion(store.db, ctx.person, { ...answer, answered }, now());
  await recordPersonUsage(ctx, answered ? ['question_asked', 'question_answered'] : ['question_asked', 'question_abstained'], questionId);
  ctx.log.info({ questionId, answered, support: answer.support, mode: answer.mode, experts: experts.length }, 'question answered');
  const card = answerToCard(answer, ctx.lang, questionId);
  if (forExpert && experts.length > 0) {
    const answerBlocks = answer.answered ? card.blocks : card.blocks.filter((b) => b.type === 'actions');
    card.blocks = [...suggestedExpertsBlocks(experts, ctx.lang), ...answerBlocks];
  } else if (!answer.answered) {
    card.blocks.push(...suggestedExpertsBlocks(experts, ctx.lang));
  }
  if (placeholder && ctx.adapter.updateMessage) await ctx.adapter.updateMessage(placeholder, card);
  else await ctx.reply(card);
}

/** A helpful / not helpful click on an answer. */
export async function handleAnswerFeedback(ctx: HandlerContext, value: string): Promise<void> {
  const match = /^(\d{1,18}):([01])$/.exec(value);
  if (!match) {
    ctx.log.warn({ value }, 'malformed feedback value ignored');
    return;
  }
  const stored = await recordFeedback(ctx.services.store.db, match[1] as string, ctx.person, match[2] === '1', ctx.services.now());
  if (!stored) return;
  await recordPersonUsage(ctx, ['feedback'], match[1]);
  await ctx.replyPrivately(textCard(messages(ctx.lang).ask.thanks, ctx.lang));
}
