// The topic of the week: the page's discussion channel (the first web entry of DISCUSSION_CHANNELS).
// Shows this week's topic with its thread and a reply box, the bot's other posts there (polls,
// notices) beside it without a reply box, and earlier topics folded. Every post's HTML is rendered
// and escaped by the server; a reply typed here is sent as plain text, to the topic it is under.
import { apiFetch, tooLongSentence } from './api.js';

const region = document.getElementById('forum');
const layout = document.getElementById('layout');
const current = document.getElementById('forum-current');
const empty = document.getElementById('forum-empty');
const earlier = document.getElementById('forum-earlier');
const earlierList = document.getElementById('forum-earlier-list');
const posts = document.getElementById('forum-posts');
const postsList = document.getElementById('forum-posts-list');

/** How long after a click the channel is drawn again, to show the poll's counts redrawn by the bot. */
const REDRAW_WAIT_MS = 2500;

/** As WEB_REPLY_MAX_CHARS on the server, which checks it too. */
const REPLY_MAX_CHARS = 4000;

let channel = null;
let strings = {};
let loading;
/** The HTML each thread entry was last drawn with (it changes with the reader's language). */
const drawn = new WeakMap();

function apiPath(suffix = '') {
  return `/web/api/forum/${encodeURIComponent(channel)}${suffix}`;
}

function entryItem(entry) {
  const item = document.createElement('li');
  item.className = `thread-entry ${entry.kind}${entry.mine ? ' mine' : ''}`;
  item.dataset.postId = entry.id;
  drawEntry(item, entry);
  return item;
}

function drawEntry(item, entry) {
  if (drawn.get(item) === entry.html) return;
  item.innerHTML = entry.html;
  drawn.set(item, entry.html);
  if (entry.lang) item.lang = entry.lang;
  item.dir = entry.dir;
}

/** Fills a topic's thread: the replies and the bot's cards in it, in order. */
function fillThread(article, thread) {
  const list = article.querySelector('.thread-list');
  const known = new Map([...list.children].map((item) => [item.dataset.postId, item]));
  const ids = new Set(thread.replies.map((entry) => entry.id));
  // Only what is new is added, so a screen reader announces new replies, not the whole thread.
  if ([...known.keys()].some((id) => !ids.has(id))) {
    list.replaceChildren();
    known.clear();
  }
  for (const entry of thread.replies) {
    const item = known.get(entry.id);
    if (item) drawEntry(item, entry);
    else list.append(entryItem(entry));
  }
  const none = article.querySelector('.thread-empty');
  none.textContent = strings.forumNoReplies ?? '';
  none.hidden = thread.replies.length > 0;
  // A poll or a notice is not a discussion: no thread is shown under it until someone answers there.
  article.querySelector('.forum-thread').hidden = thread.kind !== 'topic' && thread.replies.length === 0;
}

function topicArticle(thread, withReplyBox) {
  const article = document.createElement('article');
  article.className = 'forum-topic';
  article.id = `topic-${thread.id}`;
  article.dataset.threadId = thread.id;
  const post = document.createElement('div');
  post.className = 'forum-post bubble bot';
  article.append(post);

  const replies = document.createElement('section');
  replies.className = 'forum-thread';
  const list = document.createElement('ol');
  list.className = 'thread-list';
  list.setAttribute('aria-live', 'polite');
  list.setAttribute('aria-relevant', 'additions');
  const none = document.createElement('p');
  none.className = 'thread-empty';
  replies.append(list, none);
  article.append(replies);
  if (withReplyBox) article.append(replyForm(thread.id));
  return article;
}

function replyForm(threadId) {
  const form = document.createElement('form');
  form.className = 'reply-form';
  form.autocomplete = 'off';
  const label = document.createElement('label');
  label.htmlFor = `reply-${threadId}`;
  const box = document.createElement('textarea');
  box.id = `reply-${threadId}`;
  box.name = 'text';
  box.rows = 3;
  box.required = true;
  // Replies come in any language: the box follows what is typed.
  box.dir = 'auto';
  const button = document.createElement('button');
  button.type = 'submit';
  const error = document.createElement('p');
  error.className = 'reply-error';
  error.setAttribute('role', 'alert');
  form.append(label, box, button, error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendReply(form, threadId);
  });
  // Ctrl+Enter (or ⌘+Enter) sends from the box, as in most chat tools; Enter alone makes a new line.
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  applyFormStrings(form);
  return form;
}

function applyFormStrings(form) {
  form.querySelector('label').textContent = strings.replyLabel ?? '';
  form.querySelector('textarea').placeholder = strings.replyPlaceholder ?? '';
  form.querySelector('button').textContent = strings.replySend ?? '';
}

function updateArticle(article, thread) {
  drawEntry(article.querySelector('.forum-post'), thread.post);
  article.querySelector('.forum-thread').setAttribute('aria-label', strings.forumReplies ?? '');
  fillThread(article, thread);
}

/** The posts that are not topics (polls, notices): kept by id across refreshes, with any notice under them. */
function renderPosts(threads) {
  posts.hidden = threads.length === 0;
  const known = new Map([...postsList.children].map((article) => [article.dataset.threadId, article]));
  postsList.replaceChildren(
    ...threads.map((thread) => {
      const article = known.get(thread.id) ?? topicArticle(thread, false);
      updateArticle(article, thread);
      return article;
    }),
  );
}

function render(data) {
  const topics = data.threads.filter((thread) => thread.kind === 'topic');
  const [latest, ...older] = topics;
  empty.textContent = strings.forumEmpty ?? '';
  empty.hidden = Boolean(latest);
  if (!latest) current.replaceChildren();
  else {
    // This week's topic keeps its reply box (and what is being typed in it) across refreshes.
    let article = current.querySelector('.forum-topic');
    if (article?.dataset.threadId !== latest.id) {
      article = topicArticle(latest, true);
      current.replaceChildren(article);
    }
    updateArticle(article, latest);
  }
  renderPosts(data.threads.filter((thread) => thread.kind !== 'topic'));
  earlier.hidden = older.length === 0;
  earlierList.replaceChildren(
    ...older.map((thread) => {
      const article = topicArticle(thread, false);
      updateArticle(article, thread);
      return article;
    }),
  );
}

async function sendReply(form, threadId) {
  const box = form.querySelector('textarea');
  const button = form.querySelector('button');
  const error = form.querySelector('.reply-error');
  const text = box.value.trim();
  if (!text) return;
  // Too long: said before sending, and the text stays in the box to be shortened (never cut).
  if (text.length > REPLY_MAX_CHARS) {
    error.textContent = tooLongSentence(strings, REPLY_MAX_CHARS);
    return;
  }
  button.disabled = true;
  error.textContent = '';
  try {
    const response = await apiFetch(apiPath('/replies'), { method: 'POST', body: { eventId: crypto.randomUUID(), threadId, text } });
    const data = await response.json();
    if (!response.ok) {
      error.textContent = data.message ?? strings.failed;
      return;
    }
    box.value = '';
    const article = form.closest('.forum-topic');
    if (article) fillThread(article, data.thread);
  } catch {
    error.textContent = strings.failed ?? '';
  } finally {
    button.disabled = false;
    box.focus();
  }
}

/** Loads (or reloads) the channel's topics; one request at a time. */
export function refreshForum() {
  if (!channel) return Promise.resolve();
  loading ??= apiFetch(apiPath())
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then(render)
    .catch(() => {
      empty.hidden = false;
      empty.textContent = strings.failed ?? '';
    })
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

/** The page's words, in the person's language. */
export function applyForumStrings(words) {
  strings = words;
  document.getElementById('forum-title').textContent = words.forumTitle;
  document.getElementById('chat-title').textContent = words.chatTitle;
  document.getElementById('forum-earlier-title').textContent = words.forumEarlier;
  document.getElementById('forum-posts-title').textContent = words.forumPosts;
  empty.textContent = words.forumEmpty;
  for (const form of region.querySelectorAll('.reply-form')) applyFormStrings(form);
  for (const thread of region.querySelectorAll('.forum-thread')) thread.setAttribute('aria-label', words.forumReplies);
  for (const none of region.querySelectorAll('.thread-empty')) none.textContent = words.forumNoReplies;
}

/**
 * A button on a post of the channel (a poll's vote): sent as the chat's buttons are, then the
 * channel is drawn again with the new counts. A private answer (a closed poll) shows under the post.
 */
async function sendAction(button) {
  const article = button.closest('.forum-topic, li');
  button.disabled = true;
  try {
    const response = await apiFetch('/web/api/actions', { method: 'POST', body: { eventId: crypto.randomUUID(), actionId: button.dataset.actionId, value: button.dataset.value ?? '' } });
    const data = await response.json();
    const notice = (data.messages ?? []).map((m) => m.text).join('\n') || (response.ok ? '' : (data.message ?? strings.failed ?? ''));
    if (notice && article) {
      const note = document.createElement('p');
      note.className = 'forum-notice';
      note.setAttribute('role', 'status');
      note.textContent = notice;
      article.append(note);
    }
  } catch {
    /* The next reload shows the counts as they are. */
  } finally {
    button.disabled = false;
    await refreshForum();
    // The bot redraws a poll's counts a moment after the vote (at most every two seconds).
    window.setTimeout(() => void refreshForum(), REDRAW_WAIT_MS);
  }
}

/** Shows the region for the session's discussion channel; none, no region. */
export function startForum(forumChannel) {
  channel = forumChannel ?? null;
  region.hidden = !channel;
  layout.classList.toggle('with-forum', Boolean(channel));
  if (!channel) return;
  region.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action-id]');
    if (button) void sendAction(button);
  });
  void refreshForum();
  // Replies by others arrive while the page is in the background: reload when the person is back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshForum();
  });
}
