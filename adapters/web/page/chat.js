// The web chat page: sends what the person types, shows the bot's cards (HTML rendered and escaped
// by the server), and sends button clicks back. Page words follow the person's language. The topic
// of the week, when the forum has a web discussion channel, is in forum.js.
import { applyForumStrings, refreshForum, startForum } from './forum.js';

const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('input');
let strings = { failed: 'The message could not be sent. Please try again.' };

function applyLanguage(session) {
  strings = session.strings;
  document.documentElement.lang = session.lang;
  document.documentElement.dir = session.dir;
  document.title = strings.title;
  document.getElementById('title').textContent = strings.title;
  document.getElementById('send').textContent = strings.send;
  document.getElementById('input-label').textContent = strings.inputLabel;
  input.placeholder = strings.placeholder;
  applyForumStrings(strings);
}

function append(kind, content, options = {}) {
  const bubble = document.createElement('div');
  bubble.className = `bubble ${kind}`;
  if (options.html !== undefined) bubble.innerHTML = options.html;
  else bubble.textContent = content;
  if (options.lang) bubble.lang = options.lang;
  if (options.dir) bubble.dir = options.dir;
  log.append(bubble);
  bubble.scrollIntoView({ block: 'end' });
  return bubble;
}

async function post(path, body) {
  try {
    const response = await fetch(`/web/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: crypto.randomUUID(), ...body }),
    });
    const data = await response.json();
    if (!response.ok) {
      append('bot error', data.message ?? strings.failed);
      return;
    }
    for (const message of data.messages) append('bot', message.text, message);
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
  append('me', text);
  input.value = '';
  void post('messages', { text });
});

log.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action-id]');
  if (!button) return;
  void post('actions', { actionId: button.dataset.actionId, value: button.dataset.value ?? '' });
});

fetch('/web/api/session')
  .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
  .then((session) => {
    applyLanguage(session);
    startForum(session.forumChannel);
  })
  .catch(() => append('bot error', strings.failed));
input.focus();
