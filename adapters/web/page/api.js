// Requests to the web chat's API: the page's language hint (the widget's `lang`) on every request,
// and the anti-forgery token (from GET /web/api/session) on every change.
const params = new window.URLSearchParams(window.location.search);
const langHint = params.get('lang');
let csrfToken = '';

/** True when the page is shown inside the embeddable widget's frame (`?embed=1`). */
export const embedded = params.get('embed') === '1';

/** What `?signin=` says after a sign-in link: `invalid` when the link could not be used. */
export const signInOutcome = params.get('signin');

export function setCsrfToken(token) {
  csrfToken = token ?? '';
}

/** A request to the API; `body` is sent as JSON. */
export function apiFetch(path, { method = 'GET', body } = {}) {
  const headers = {};
  if (langHint) headers['x-ta-forum-lang'] = langHint;
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

/**
 * The sentence for a text over its limit, in the page's words (`strings.tooLong`, `{max}` filled in):
 * the page says so before sending, and keeps the text, rather than cutting it.
 */
export function tooLongSentence(strings, max) {
  return (strings.tooLong ?? strings.failed ?? '').replace('{max}', new Intl.NumberFormat(document.documentElement.lang || undefined).format(max));
}
