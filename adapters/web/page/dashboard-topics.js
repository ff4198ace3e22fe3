// The topics section: proposals (approve, or reject with a reason), the queue in order (move up and
// down), the next topic posted now, the topics open for discussion (close), and the weekly slot.
// Every decision goes to the server, which has the bot's core take it; the lists are then redrawn
// and the keyboard focus kept on something that still exists.
import { act, api, formatDate, h, state, t } from './dashboard-ui.js';

let data = { proposals: [], queue: [], open: [], schedule: null, discussionChannels: 0 };

function weekdayName(weekday) {
  // 5 January 2026 is a Monday (ISO weekday 1).
  return new Intl.DateTimeFormat(state.lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + weekday)));
}

function label(topic) {
  return `#${topic.id} ${topic.title}`;
}

async function reload() {
  const { ok, data: fresh } = await api('/topics');
  if (!ok) return;
  data = fresh;
  draw();
}

/** After a change, focus `selector` if it is still there, else the heading `fallback`. */
function refocus(selector, fallback) {
  const target = (selector && document.querySelector(selector)) || document.getElementById(fallback);
  target?.focus();
}

async function decide(path, body, focusAfter) {
  const result = await act(path, body);
  await reload();
  refocus(null, focusAfter);
  return result;
}

function proposalItem(topic) {
  const rejectButton = h('button', { type: 'button', class: 'danger', 'aria-label': t('rejectLabel', { id: topic.id, title: topic.title }), 'aria-expanded': 'false', text: t('reject') });
  // Checked here rather than by the browser, so that the sentence is the dashboard's, in the moderator's language.
  const reason = h('textarea', { id: `reject-reason-${topic.id}`, name: 'reason', rows: '2', 'aria-required': 'true', maxlength: '1000' });
  const error = h('p', { class: 'field-error', id: `reject-error-${topic.id}`, 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'form reject-form', hidden: true },
    h('div', { class: 'field' }, h('label', { for: reason.id, text: t('rejectReasonLabel', { id: topic.id }) }), reason, error),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger', text: t('rejectConfirm') }), h('button', { type: 'button', class: 'cancel', text: t('cancel') })),
  );
  rejectButton.addEventListener('click', () => {
    form.hidden = false;
    rejectButton.setAttribute('aria-expanded', 'true');
    reason.focus();
  });
  form.querySelector('.cancel').addEventListener('click', () => {
    form.hidden = true;
    rejectButton.setAttribute('aria-expanded', 'false');
    rejectButton.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      error.textContent = t('reasonRequired');
      reason.setAttribute('aria-invalid', 'true');
      reason.setAttribute('aria-describedby', error.id);
      reason.focus();
      return;
    }
    void decide(`/topics/${topic.id}/reject`, { reason: reason.value }, 'proposals-title');
  });
  return h(
    'li',
    { class: 'item', dataset: { topicId: topic.id } },
    h('h4', { text: label(topic) }),
    topic.description ? h('p', { class: 'description', text: topic.description }) : null,
    h('p', { class: 'meta', text: t('proposedBy', { author: topic.author, date: formatDate(topic.createdAt) }) }),
    h('p', { class: 'meta', text: t('areaAndLanguage', { area: topic.area, language: topic.language }) }),
    topic.personalData ? h('p', { class: 'warning', text: `⚠ ${t('personalData')}` }) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', {
        type: 'button',
        class: 'primary approve',
        'aria-label': t('approveLabel', { id: topic.id, title: topic.title }),
        text: t('approve'),
        onclick: () => void decide(`/topics/${topic.id}/approve`, {}, 'queue-title'),
      }),
      rejectButton,
    ),
    form,
  );
}

async function move(topic, position, direction) {
  const result = await act(`/topics/${topic.id}/move`, { position });
  await reload();
  if (!result.ok) return refocus(null, 'queue-title');
  // The same button of the moved topic, or the other one when it reached an end.
  const same = document.querySelector(`[data-move="${direction}-${topic.id}"]`);
  const other = document.querySelector(`[data-move="${direction === 'up' ? 'down' : 'up'}-${topic.id}"]`);
  (same ?? other ?? document.getElementById('queue-title'))?.focus();
}

function queueItem(topic, index, count) {
  return h(
    'li',
    { class: 'item queue-item', dataset: { topicId: topic.id } },
    h('span', { class: 'position', 'aria-hidden': 'true', text: String(index + 1) }),
    h('span', { class: 'queue-title', text: label(topic) }),
    h(
      'span',
      { class: 'actions' },
      index > 0
        ? h('button', { type: 'button', dataset: { move: `up-${topic.id}` }, 'aria-label': t('moveUpLabel', { id: topic.id, title: topic.title }), onclick: () => void move(topic, index, 'up') }, h('span', { 'aria-hidden': 'true', text: '↑ ' }), t('moveUp'))
        : null,
      index < count - 1
        ? h('button', { type: 'button', dataset: { move: `down-${topic.id}` }, 'aria-label': t('moveDownLabel', { id: topic.id, title: topic.title }), onclick: () => void move(topic, index + 2, 'down') }, h('span', { 'aria-hidden': 'true', text: '↓ ' }), t('moveDown'))
        : null,
    ),
  );
}

function openItem(topic) {
  return h(
    'li',
    { class: 'item', dataset: { topicId: topic.id } },
    h('h4', { text: label(topic) }),
    h('p', { class: 'meta', text: `${t('replies', { count: topic.replies })} · ${formatDate(topic.updatedAt)}` }),
    h(
      'div',
      { class: 'actions' },
      h('button', {
        type: 'button',
        'aria-label': t('closeTopicLabel', { id: topic.id, title: topic.title }),
        text: t('closeTopic'),
        onclick: () => void decide(`/topics/${topic.id}/close`, {}, 'open-title'),
      }),
    ),
  );
}

function list(items, empty, ordered = false) {
  if (items.length === 0) return h('p', { class: 'empty', text: empty });
  return h(ordered ? 'ol' : 'ul', { class: 'items' }, items);
}

function drawSchedule() {
  const s = data.schedule;
  const current = document.getElementById('schedule-current');
  if (!s) {
    current.textContent = t('scheduleNone');
  } else {
    const time = `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
    current.textContent = [t('scheduleCurrent', { weekday: weekdayName(s.weekday), time, zone: s.timeZone }), s.starters ? t('scheduleStarters') : ''].filter(Boolean).join(' ');
  }
  const form = document.getElementById('schedule-form');
  // The form shows the slot as set, until the moderator edits it.
  if (s && !form.dataset.edited) {
    form.weekday.value = String(s.weekday);
    form.time.value = `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
    form.zone.value = s.timeZone;
    form.starters.checked = s.starters;
  }
}

function draw() {
  document.getElementById('topics-no-channels').hidden = data.discussionChannels > 0;
  document.getElementById('proposals').replaceChildren(list(data.proposals.map(proposalItem), t('proposalsEmpty')));
  document.getElementById('queue').replaceChildren(list(data.queue.map((topic, i) => queueItem(topic, i, data.queue.length)), t('queueEmpty'), true));
  document.getElementById('open-topics').replaceChildren(list(data.open.map(openItem), t('openEmpty')));
  document.getElementById('post-now').disabled = data.queue.length === 0;
  drawSchedule();
}

function initSchedule() {
  const form = document.getElementById('schedule-form');
  form.weekday.replaceChildren(...[1, 2, 3, 4, 5, 6, 7].map((day) => h('option', { value: String(day), text: weekdayName(day) })));
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  document.getElementById('time-zones').replaceChildren(...zones.map((zone) => h('option', { value: zone })));
  form.zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  form.addEventListener('input', () => (form.dataset.edited = 'true'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await act('/topics/schedule', {
      weekday: Number(form.weekday.value),
      time: form.time.value,
      timeZone: form.zone.value.trim(),
      starters: form.starters.checked,
    });
    if (result.ok) delete form.dataset.edited;
    await reload();
  });
}

export const topicsSection = {
  init() {
    initSchedule();
    document.getElementById('post-now').addEventListener('click', () => void decide('/topics/post-now', {}, 'open-title'));
  },
  show: reload,
};
