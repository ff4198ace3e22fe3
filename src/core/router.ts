/**
 * Routing: a parsed command or a clicked action to the feature that handles it. Moderators'
 * commands are refused to everyone else.
 */
import { handleExperts } from '../features/experts/handle-experts.ts';
import { handleLang } from '../features/preferences/handle-lang.ts';
import { handleModeratorClaim, withModeratorOffer } from '../features/membership/claim-moderator.ts';
import { handleAnswerFeedback, handleAsk } from '../features/qa/handle-ask.ts';
import { handleUnanswered } from '../features/qa/handle-unanswered.ts';
import { commandHelpToCard, helpToCard } from '../features/help/help-card.ts';
import { isLang, messages, type HelpTopic } from '../i18n/index.ts';
import { ACTIONS } from './actions.ts';
import { textCard } from './card.ts';
import { MODERATOR_TOPICS } from './command-grammar.ts';
import type { Command } from './commands.ts';
import type { HandlerContext } from './context.ts';
import type { ActionEvent, Conversation } from './events.ts';
import { handlePollClose, handlePollCreate, handlePollTemplate, handlePollVote } from '../features/polls/handle-polls.ts';
import { handlePollExport, handlePollResults } from '../features/polls/results.ts';
import { handleStats } from '../features/stats/handle-stats.ts';
import { handleForgetConfirm, handleForgetMe, handleMyData } from '../features/privacy/handle-privacy.ts';
import { langPickerToCard } from '../features/preferences/lang-card.ts';
import { conversationFromFormValue, formToCommand, handleOpenForm } from '../features/forms/forms.ts';
import {
  handleTopicApprove,
  handleTopicPostNow,
  handleTopicPropose,
  handleTopicQueue,
  handleTopicReject,
  handleTopicSchedule,
  handleTopicTranslate,
} from '../features/discussions/handle-topics.ts';
import { usageToCard } from './usage-card.ts';
import { handleGuestDecision, handleGuests, handleInvite, handleRevoke } from '../features/membership/handle-membership.ts';
import { handleTopicClose } from '../features/discussions/close.ts';
import { handleRemove, handleReportCommand, handleReportStart, handleReportSubmit, handleRules } from '../features/discussions/moderation.ts';

/** The help topic (and so the display name) of a command. */
export function commandTopic(command: Command): HelpTopic {
  switch (command.kind) {
    case 'poll.create':
      return 'poll';
    default:
      return command.kind.replace('.', ' ') as HelpTopic;
  }
}

/** `origin`: where a form was opened from, for what its submission creates (a poll goes there). */
export async function routeCommand(ctx: HandlerContext, command: Command, origin?: Conversation): Promise<void> {
  const topic = commandTopic(command);
  if (MODERATOR_TOPICS.has(topic) && ctx.role !== 'moderator') {
    ctx.log.info({ command: topic, role: ctx.role }, 'moderator command refused');
    await ctx.replyPrivately(textCard(messages(ctx.lang).access.moderatorOnly({ command: topic }), ctx.lang));
    return;
  }
  switch (command.kind) {
    case 'help':
      await ctx.replyPrivately(command.topic ? commandHelpToCard(command.topic, ctx.lang) : await withModeratorOffer(ctx, helpToCard(ctx.lang, ctx.role)));
      return;
    case 'lang':
      await handleLang(ctx, command.lang);
      return;
    case 'ask':
      await handleAsk(ctx, command.question);
      return;
    case 'unanswered':
      await handleUnanswered(ctx);
      return;
    case 'experts':
      await handleExperts(ctx, command.query);
      return;
    case 'topic.propose':
      await handleTopicPropose(ctx, command.title, command.description);
      return;
    case 'topic.queue':
      await handleTopicQueue(ctx);
      return;
    case 'topic.approve':
      await handleTopicApprove(ctx, String(command.id));
      return;
    case 'topic.reject':
      await handleTopicReject(ctx, String(command.id), command.reason);
      return;
    case 'topic.schedule':
      await handleTopicSchedule(ctx, command);
      return;
    case 'topic.post-now':
      await handleTopicPostNow(ctx);
      return;
    case 'topic.close':
      await handleTopicClose(ctx, command.id);
      return;
    case 'topic.translate':
      await handleTopicTranslate(ctx, String(command.id), command);
      return;
    case 'rules':
      await handleRules(ctx);
      return;
    case 'report':
      await handleReportCommand(ctx, command.link, command.reason);
      return;
    case 'remove':
      await handleRemove(ctx, command.link);
      return;
    case 'poll.create':
      await handlePollCreate(ctx, command, origin);
      return;
    case 'poll.template':
      await handlePollTemplate(ctx, command.name, command);
      return;
    case 'poll.results':
      await handlePollResults(ctx, String(command.id));
      return;
    case 'poll.close':
      await handlePollClose(ctx, String(command.id));
      return;
    case 'poll.export':
      await handlePollExport(ctx, String(command.id));
      return;
    case 'stats':
      await handleStats(ctx);
      return;
    case 'my-data':
      await handleMyData(ctx);
      return;
    case 'forget-me':
      await handleForgetMe(ctx);
      return;
    case 'invite':
      await handleInvite(ctx, command);
      return;
    case 'guests':
      await handleGuests(ctx);
      return;
    case 'revoke':
      await handleRevoke(ctx, command.user);
      return;
    default: {
      const unreachable: never = command;
      throw new Error(`unrouted command ${JSON.stringify(unreachable)}`);
    }
  }
}

export async function routeAction(ctx: HandlerContext, event: ActionEvent): Promise<void> {
  switch (event.actionId) {
    case ACTIONS.langSet:
      if (isLang(event.value)) await handleLang(ctx, event.value);
      else await ctx.replyPrivately(langPickerToCard(ctx.lang));
      return;
    case ACTIONS.qaFeedback:
      await handleAnswerFeedback(ctx, event.value);
      return;
    case ACTIONS.helpShow:
      await ctx.replyPrivately(await withModeratorOffer(ctx, helpToCard(ctx.lang, ctx.role)));
      return;
    case ACTIONS.topicApprove:
    case ACTIONS.topicReject:
      if (ctx.role !== 'moderator') {
        ctx.log.info({ actionId: event.actionId, role: ctx.role }, 'moderator action refused');
        await ctx.replyPrivately(textCard(messages(ctx.lang).access.moderatorOnly({ command: 'topic queue' }), ctx.lang));
        return;
      }
      if (!/^\d{1,18}$/.test(event.value)) return;
      if (event.actionId === ACTIONS.topicApprove) await handleTopicApprove(ctx, event.value);
      else await handleTopicReject(ctx, event.value, '');
      return;
    case ACTIONS.messageReportStart:
      await handleReportStart(ctx, event);
      return;
    case ACTIONS.messageReport:
      await handleReportSubmit(ctx, event);
      return;
    case ACTIONS.guestApprove:
    case ACTIONS.guestDecline:
      await handleGuestDecision(ctx, event.value, event.actionId === ACTIONS.guestApprove);
      return;
    case ACTIONS.moderatorClaim:
      await handleModeratorClaim(ctx);
      return;
    case ACTIONS.forgetConfirm:
      await handleForgetConfirm(ctx);
      return;
    case ACTIONS.pollVote:
      await handlePollVote(ctx, event);
      return;
    case ACTIONS.topicForm:
      await handleOpenForm(ctx, 'topic');
      return;
    case ACTIONS.pollForm:
      await handleOpenForm(ctx, 'poll');
      return;
    case ACTIONS.topicProposeSubmit:
    case ACTIONS.pollCreateSubmit: {
      const parsed = formToCommand(event.actionId, event.formValues ?? {});
      if (!parsed) return;
      if (!parsed.ok) await ctx.replyPrivately(usageToCard(parsed.error, ctx.lang));
      else await routeCommand(ctx, parsed.command, conversationFromFormValue(event.value, ctx.event));
      return;
    }
    default:
      // A button from an older version of a card, or a forged click: nothing to do.
      ctx.log.warn({ actionId: event.actionId }, 'unknown action ignored');
  }
}
