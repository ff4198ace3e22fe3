// What every section of the moderators' dashboard shares: the words in the moderator's language,
// the API (with the CSRF token on every POST), the "result of the last action" region, elements
// built safely (text is always set as text, never as HTML), and numbers and dates in the reader's
// conventions.

export const API = '/web/api/dashboard';

export const state = {
  lang: 'en',
  dir: 'ltr',
  /** English until the moderator's own words arrive. */
  strings: { failed: 'Something went wrong. Please try again.', none: '—' },
  /** The CSRF token of the web sign-in, sent as X-CSRF-Token on every POST (none until sign-in gives one). */
  csrf: undefined,
};

/**
 * A message with its `{name}` marks filled in. A message with a count is its plural forms: the one
 * for `values.n` by the language's rules (`Intl.PluralRules`), `{n}` written as the reader writes numbers.
 */
export function t(key, values = {}) {
  let template = state.strings[key] ?? key;
  if (typeof template === 'object') {
    const n = Number(values.n);
    template = template[new Intl.PluralRules(state.lang).select(n)] ?? template.other;
    values = { ...values, n: new Intl.NumberFormat(state.lang).format(n) };
  }
  return template.replace(/\{(\w+)\}/g, (mark, name) => (name in values ? String(values[name]) : mark));
}

/** An element with attributes (`on…` functions become listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    // Through the CSSOM: a style attribute would be refused by the page's Content-Security-Policy.
    else if (name === 'style') Object.assign(element.style, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Fills `data-i18n` (text), `data-i18n-label` (aria-label) and `data-i18n-placeholder` under `root`. */
export function applyStrings(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
}

const status = () => document.getElementById('status');

/** Shows (and has screen readers announce) what an action did. */
export function announce(lines, kind = 'info') {
  const region = status();
  const list = (Array.isArray(lines) ? lines : [lines]).filter((line) => line);
  region.replaceChildren(...list.map((line) => h('p', { text: line })));
  region.dataset.kind = kind;
  // The live region stays in the page (so that screen readers hear what comes); an empty box is only out of sight.
  const box = region.closest('.status-box');
  box.classList.toggle('is-empty', list.length === 0);
  box.querySelector('.status-title').hidden = list.length === 0;
}

/** What the page tells when the whole dashboard cannot be used (not signed in, not a moderator). */
export function fatal(message) {
  const box = document.getElementById('fatal');
  box.textContent = message;
  box.hidden = false;
  document.getElementById('dashboard').hidden = true;
}

/** Reads the web sign-in's session for its CSRF token (none under a sign-in that gives none). */
export async function refreshCsrf() {
  try {
    const response = await fetch('/web/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.ok) state.csrf = (await response.json()).csrf ?? undefined;
  } catch {
    // Without it, the dashboard's own answers say what is wrong.
  }
}

/**
 * Calls the dashboard's API (`body`: JSON; `bytes`: a file sent as it is). Resolves with `{ ok, status, data }`; a refusal's sentence (in the
 * moderator's language) is in `data.message`. 401 and 403 end the dashboard with their sentence.
 */
export async function api(path, options = {}, retried = false) {
  const { method = 'GET', body, bytes, headers = {} } = options;
  let response;
  try {
    response = await fetch(`${API}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(method === 'POST' ? { 'content-type': bytes ? 'application/octet-stream' : 'application/json' } : {}),
        ...(method === 'POST' && state.csrf ? { 'x-csrf-token': state.csrf } : {}),
        ...headers,
      },
      ...(bytes !== undefined ? { body: bytes } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return { ok: false, status: 0, data: { message: t('failed') } };
  }
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = {};
  }
  // A CSRF token that no longer fits (the session changed): a fresh one, and the request once more.
  if (response.status === 403 && data.error === 'csrf' && !retried) {
    await refreshCsrf();
    return api(path, options, true);
  }
  if (!response.ok && !data.message) data.message = t('failed');
  if (response.status === 401 || response.status === 403) fatal(data.message);
  return { ok: response.ok, status: response.status, data };
}

/**
 * Shows a refused field's sentence beside it (and takes the others' away): the field is marked
 * invalid, described by the sentence, and focused.
 */
export function showFieldError(form, field, message) {
  for (const old of form.querySelectorAll('.field-error')) {
    const control = form.elements.namedItem(old.dataset.field);
    control?.removeAttribute('aria-invalid');
    control?.setAttribute('aria-describedby', (control.getAttribute('aria-describedby') ?? '').replace(old.id, '').trim());
    if (control && !control.getAttribute('aria-describedby')) control.removeAttribute('aria-describedby');
    old.remove();
  }
  const control = field ? form.elements.namedItem(field) : null;
  if (!control || !message) return false;
  const note = h('p', { class: 'field-error', id: `${control.id}-error`, dataset: { field }, text: message });
  control.after(note);
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${note.id}`.trim());
  control.focus();
  return true;
}

/**
 * Posts an action; announces the bot's answer (or the refusal) and resolves with the response. With
 * the `form` it came from, a refusal that names one of its fields is shown beside that field.
 */
export async function act(path, body = {}, form = null) {
  const result = await api(path, { method: 'POST', body: { eventId: window.crypto.randomUUID(), ...body } });
  if (form && showFieldError(form, result.ok ? null : result.data.field, result.data.message)) announce([]);
  else if (result.ok) announce(result.data.replies ?? [], result.data.outcome === 'failed' || result.data.outcome === 'refused' ? 'error' : 'info');
  else announce(result.data.message, 'error');
  return result;
}

export function formatNumber(value) {
  return new Intl.NumberFormat(state.lang).format(value);
}

export function formatPercent(part, whole) {
  return new Intl.NumberFormat(state.lang, { style: 'percent', maximumFractionDigits: 0 }).format(whole > 0 ? part / whole : 0);
}

export function formatDate(iso, options = { dateStyle: 'medium' }) {
  if (!iso) return t('none');
  return new Intl.DateTimeFormat(state.lang, options).format(new Date(iso));
}

export function formatDateTime(iso) {
  return formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day given as `YYYY-MM-DD` (a week's Monday, UTC), in the reader's conventions. */
export function formatDay(day) {
  return new Intl.DateTimeFormat(state.lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A table with a caption, column headers and rows of cells (strings or elements), scrollable on its own at phone width. */
export function table(caption, headers, rows, { captionHidden = false } = {}) {
  const captionElement = h('caption', { class: captionHidden ? 'visually-hidden' : undefined, text: caption });
  const head = h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col', text: header }))));
  const body = h(
    'tbody',
    {},
    rows.map((cells) => h('tr', {}, cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))))),
  );
  const wrap = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', {}, captionElement, head, body));
  return wrap;
}

/** Chart.js, when its script loaded (the figures stay readable as tables otherwise). */
export function chartLibrary() {
  return window.Chart;
}

/** Whether the reader asked for less motion: charts are then drawn without animation. */
export function reducedMotion() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A label shortened for a chart's axis (the full text is in the table beside). */
export function shortLabel(text, max = 28) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Colours of the charts: each at least 3:1 against white (and the text colours at least 4.5:1). */
export const COLORS = { blue: '#0b5cad', orange: '#a04a00', green: '#1a7f37', text: '#1b1f24', grid: '#d0d7de' };
