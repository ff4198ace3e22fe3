// The web chat page: sends what the person types, shows the bot's cards (HTML rendered and escaped
// by the server), and sends button clicks back; files that come with a reply are download links
// (files.js). The person's chat is kept by the server: it is drawn again on load, and a card is
// redrawn after a click in it (a poll's counts). Page words follow the person's language. Someone not signed in (and not on the
// server's own machine) gets the sign-in form (signin.js) first. The
// topic of the week, when the forum has a web discussion channel, is in forum.js. In the embeddable
// widget's frame (`?embed=1`) the page is compact (the topic of the week above the chat, in a
// smaller region), and Escape closes the widget.
import { apiFetch, embedded, setCsrfToken, signInOutcome, tooLongSentence } from './api.js';
import { forgetFiles, showFiles } from './files.js';
import { applyForumStrings, refreshForum, startForum } from './forum.js';
import { applySignInStrings, hideSignIn, showSignIn, showSignInError, startSignIn } from './signin.js';

const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('input');
const layout = document.getElementById('layout');
const account = document.getElementById('account');
let strings = { failed: 'The message could not be sent. Please try again.' };
let signedIn = null;
let forumStarted = false;
/** Whose chat the log shows: the signed-in login, '' under local access, undefined before the first load. */
let chatOwner;
/** How long after a click the chat is read again, to show a poll's counts redrawn by the bot (at most every two seconds). */
const REDRAW_WAITS_MS = [600, 2500];
/** As WEB_MESSAGE_MAX_CHARS on the server, which checks it too. */
const MESSAGE_MAX_CHARS = 4000;
/** The HTML each bot bubble was last drawn with. */
const drawn = new WeakMap();

if (embedded) document.documentElement.classList.add('embed');

function applyLanguage(session) {
  strings = session.strings;
  document.documentElement.lang = session.lang;
  document.documentElement.dir = session.dir;
  document.title = strings.title;
  document.getElementById('title').textContent = strings.title;
  document.getElementById('send').textContent = strings.send;
  document.getElementById('input-label').textContent = strings.inputLabel;
  document.getElementById('signout').textContent = strings.signOut;
  input.placeholder = strings.placeholder;
  applyAccount();
  const greeting = log.querySelector('.greeting');
  if (greeting) {
    greeting.lang = session.lang;
    greeting.dir = session.dir;
    drawGreeting(greeting);
  }
  applyForumStrings(strings);
  applySignInStrings(strings);
}

/** Who is signed in, with the sign-out button; nothing under local access. */
function applyAccount() {
  account.hidden = !signedIn;
  if (signedIn) document.getElementById('account-name').textContent = (strings.signedInAs ?? '{name}').replace('{name}', signedIn.name);
}

function append(kind, content, options = {}) {
  const bubble = document.createElement('div');
  bubble.className = `bubble ${kind}`;
  if (options.html !== undefined) {
    bubble.innerHTML = options.html;
    drawn.set(bubble, options.html);
  }
  else bubble.textContent = content;
  if (options.lang) bubble.lang = options.lang;
  if (options.id) bubble.dataset.messageId = options.id;
  // What the person typed follows its own script; the bot's cards say their direction.
  bubble.dir = options.dir ?? 'auto';
  log.append(bubble);
  bubble.scrollIntoView({ block: 'end' });
  return bubble;
}

/** Shows the sign-in form in place of the chat. */
function toSignIn(data) {
  if (data?.strings) applyLanguage(data);
  signedIn = null;
  applyAccount();
  layout.hidden = true;
  showSignIn();
}

/** The person's chat as the server keeps it: drawn whole on load, or only the cards that changed. */
async function loadChat(redrawOnly = false) {
  const response = await apiFetch('/web/api/chat');
  if (!response.ok) return;
  const data = await response.json();
  if (!redrawOnly) log.replaceChildren();
  for (const message of data.messages ?? []) {
    if (redrawOnly) {
      const bubble = [...log.querySelectorAll('[data-message-id]')].find((b) => b.dataset.messageId === message.id);
      // Compared with the HTML it was drawn from (the browser writes innerHTML back its own way).
      if (bubble && message.kind === 'bot' && drawn.get(bubble) !== message.html) {
        bubble.innerHTML = message.html;
        drawn.set(bubble, message.html);
      }
    } else if (message.kind === 'me') append('me', message.text, { id: message.id });
    else append('bot', message.text, message);
  }
  if (!redrawOnly) greet();
}

/** In an empty chat: a greeting, example questions and `help`, in the person's language (not kept). */
function drawGreeting(bubble) {
  const intro = document.createElement('p');
  intro.textContent = strings.greeting ?? '';
  const actions = document.createElement('div');
  actions.className = 'card-actions';
  for (const text of [...(strings.examples ?? []), 'help']) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'card-button';
    button.dataset.say = text;
    button.textContent = text;
    // `help` is a command word, left to right in every language.
    button.dir = text === 'help' ? 'ltr' : 'auto';
    actions.append(button);
  }
  bubble.replaceChildren(intro, actions);
}

function greet() {
  if (log.childElementCount > 0) return;
  const bubble = append('bot greeting', '');
  bubble.lang = document.documentElement.lang;
  bubble.dir = document.documentElement.dir;
  drawGreeting(bubble);
}

/** Sends what the person typed (or picked among the greeting's examples). */
function say(text) {
  append('me', text);
  void post('messages', { text });
}

/** A click in the chat: its card is read again a moment later, when the bot has redrawn it. */
function redrawSoon() {
  for (const wait of REDRAW_WAITS_MS) window.setTimeout(() => void loadChat(true).catch(() => undefined), wait);
}

/** Loads the person's session: the chat when they are known, the sign-in form otherwise. */
async function loadSession() {
  const response = await apiFetch('/web/api/session');
  const data = await response.json().catch(() => ({}));
  if (response.status === 401) return toSignIn(data);
  if (!response.ok) throw new Error(String(response.status));
  setCsrfToken(data.csrf);
  signedIn = data.account;
  applyLanguage(data);
  hideSignIn();
  const owner = data.account?.login ?? '';
  if (owner !== chatOwner) {
    chatOwner = owner;
    await loadChat();
  }
  const wasHidden = layout.hidden;
  layout.hidden = false;
  if (!forumStarted) {
    forumStarted = true;
    // The widget is compact: the chat only.
    startForum(data.forumChannel);
  }
  if (wasHidden) input.focus();
}

async function post(path, body, retried = false) {
  try {
    const response = await apiFetch(`/web/api/${path}`, { method: 'POST', body: { eventId: crypto.randomUUID(), ...body } });
    const data = await response.json();
    if (response.status === 401) return toSignIn(data);
    // The page's token is out of date (signed in again in another tab): fetch it again, once.
    if (response.status === 403 && data.error === 'csrf' && !retried) {
      await loadSession();
      return post(path, body, true);
    }
    if (!response.ok) {
      append('bot error', data.message ?? strings.failed);
      return;
    }
    let last;
    for (const message of data.messages) last = append('bot', message.text, message);
    // Files (`my-data`, `poll export`) come as download links under the reply they came with.
    showFiles(data.files, last, () => append('bot', '', { lang: data.lang, dir: data.dir }));
    applyLanguage(data);
    // A command may have posted or closed a topic, or changed the person's language.
    void refreshForum();
  } catch {
    append('bot error', strings.failed);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  // Too long: said before sending, and the text stays in the box to be shortened.
  if (text.length > MESSAGE_MAX_CHARS) {
    append('bot error', tooLongSentence(strings, MESSAGE_MAX_CHARS));
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  input.removeAttribute('aria-invalid');
  input.value = '';
  say(text);
});

log.addEventListener('click', (event) => {
  const example = event.target.closest('button[data-say]');
  if (example) {
    say(example.dataset.say);
    return;
  }
  const button = event.target.closest('button[data-action-id]');
  if (!button) return;
  void post('actions', { actionId: button.dataset.actionId, value: button.dataset.value ?? '' }).then(redrawSoon);
});

document.getElementById('signout').addEventListener('click', () => {
  void apiFetch('/web/api/signout', { method: 'POST', body: {} })
    .then(() => {
      log.replaceChildren();
      chatOwner = undefined;
      forgetFiles();
      return loadSession();
    })
    .catch(() => append('bot error', strings.failed));
});

if (embedded) {
  // Escape closes the widget: the frame has the keyboard, so the page around it is told.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') window.parent.postMessage({ type: 'ta-forum:close' }, '*');
  });
}

startSignIn(loadSession);
loadSession()
  .then(() => {
    if (signInOutcome === 'invalid') {
      const message = strings.signInLinkInvalid ?? strings.failed;
      if (layout.hidden) showSignInError(message);
      else append('bot error', message);
    }
    if (signInOutcome) {
      const url = new window.URL(window.location.href);
      url.searchParams.delete('signin');
      window.history.replaceState(null, '', `${url.pathname}${url.search}`);
    }
  })
  .catch(() => {
    layout.hidden = false;
    append('bot error', strings.failed);
  });
