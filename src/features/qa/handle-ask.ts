/** `ask <question>` and every message that is not a command: answer from the knowledge base. */
import { textCard } from '../../core/card.ts';
import type { HandlerContext } from '../../core/context.ts';
import { messages } from '../../i18n/index.ts';
import { expertsForQuestion, rosterForKnowledgeDir } from '../../rag/experts.ts';
import { recordFeedback, recordQuestion } from '../../rag/questions-repo.ts';
import { suggestedExpertsBlocks } from '../experts/experts-card.ts';
import { answerToCard, thinkingToCard } from './answer-card.ts';
import { recordPersonUsage } from '../usage.ts';

export async function handleAsk(ctx: HandlerContext, question: string): Promise<void> {
  const { knowledge, store, now } = ctx.services;
  // Where the platform can update a message, show at once that the question is being looked up.
  const placeholder = ctx.adapter.updateMessage ? await ctx.reply(thinkingToCard(ctx.lang)) : undefined;
  const answer = await knowledge.answer(question, ctx.lang);
  const questionId = await recordQuestion(store.db, ctx.person, answer, now());
  await recordPersonUsage(ctx, answer.answered ? ['question_asked', 'question_answered'] : ['question_asked', 'question_abstained'], questionId);
  ctx.log.info({ questionId, answered: answer.answered, support: answer.support, mode: answer.mode }, 'question answered');
  const card = answerToCard(answer, ctx.lang, questionId);
  if (!answer.answered) {
    // When the documents do not answer, people who may: experts whose fields match the question.
    const { config, knowledge } = ctx.services;
    const experts = expertsForQuestion(rosterForKnowledgeDir(config.knowledgeDir), knowledge.glossary, question, ctx.lang);
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
