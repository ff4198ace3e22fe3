// The sign-in form: the login and password the moderator gave, sent to POST /web/api/signin. Errors
// (wrong password, too many attempts, an unusable sign-in link) are announced in the form's alert.
import { apiFetch } from './api.js';

const view = document.getElementById('signin');
const form = document.getElementById('signin-form');
const login = document.getElementById('login');
const password = document.getElementById('password');
const error = document.getElementById('signin-error');
const button = document.getElementById('signin-button');
let strings = {};

export function applySignInStrings(words) {
  strings = words;
  document.getElementById('signin-title').textContent = words.signInTitle;
  document.getElementById('signin-intro').textContent = words.signInIntro;
  document.getElementById('login-label').textContent = words.loginLabel;
  document.getElementById('password-label').textContent = words.passwordLabel;
  button.textContent = words.signInButton;
}

export function showSignInError(message) {
  error.textContent = message;
  const failed = Boolean(message);
  login.setAttribute('aria-invalid', String(failed));
  password.setAttribute('aria-invalid', String(failed));
}

/** Shows the form (the chat is hidden by the caller), the login field focused. */
export function showSignIn() {
  view.hidden = false;
  (login.value ? password : login).focus();
}

export function hideSignIn() {
  view.hidden = true;
  password.value = '';
  showSignInError('');
}

/** Sends the form; `onSignedIn` runs once the session cookie is set. */
export function startSignIn(onSignedIn) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    void submit(onSignedIn);
  });
}

async function submit(onSignedIn) {
  button.disabled = true;
  showSignInError('');
  try {
    const response = await apiFetch('/web/api/signin', { method: 'POST', body: { login: login.value.trim(), password: password.value } });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      showSignInError(data.message ?? strings.signInFailed ?? '');
      password.value = '';
      password.focus();
      return;
    }
    password.value = '';
    await onSignedIn();
  } catch {
    showSignInError(strings.failed ?? '');
  } finally {
    button.disabled = false;
  }
}
