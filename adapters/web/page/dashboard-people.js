// The members and guests section: a web person invited (an account and a one-time sign-in link to
// send them), members' requests for guests (approve, decline), and everyone the forum knows with
// the role they have now; a guest's access can be ended at once.
import { act, api, announce, formatDate, h, t, table } from './dashboard-ui.js';

const ROLE_KEYS = { moderator: 'roleModerator', member: 'roleMember', guest: 'roleGuest', guest_ended: 'roleGuestEnded', none: 'roleNone' };

function requestItem(request) {
  return h(
    'li',
    { class: 'item', dataset: { requestId: String(request.id) } },
    h('p', { text: t('requestLine', { name: request.name, platform: request.platform, n: request.days, requester: request.requestedBy, date: formatDate(request.requestedAt) }) }),
    h(
      'div',
      { class: 'actions' },
      h('button', {
        type: 'button',
        class: 'primary',
        'aria-label': t('approveRequestLabel', { name: request.name }),
        text: t('approve'),
        onclick: () => void decide(`/people/requests/${request.id}/approve`),
      }),
      h('button', {
        type: 'button',
        class: 'danger',
        'aria-label': t('declineRequestLabel', { name: request.name }),
        text: t('decline'),
        onclick: () => void decide(`/people/requests/${request.id}/decline`),
      }),
    ),
  );
}

async function decide(path) {
  await act(path);
  await reload();
  document.getElementById('requests-title').focus();
}

async function expire(person) {
  await act('/people/expire', { platform: person.platform, workspaceId: person.workspaceId, userId: person.userId });
  await reload();
  document.getElementById('people-list-title').focus();
}

function personRow(person) {
  const role = t(ROLE_KEYS[person.role] ?? 'roleNone');
  const roleCell = person.fromConfig ? `${role} (${t('fromConfig')})` : role;
  const action = person.canExpire
    ? h('button', { type: 'button', class: 'danger', 'aria-label': t('expireLabel', { name: person.name }), text: t('expire'), onclick: () => void expire(person) })
    : '';
  // A web person's workspace is an internal realm (`web`, `web-guest`): their role says the rest.
  const where = person.workspaceId && person.platform !== 'web' ? `${person.platform} · ${person.workspaceId}` : person.platform;
  return [person.name, h('span', { dir: 'ltr', text: where }), roleCell, person.accessUntil ? formatDate(person.accessUntil) : t('none'), action];
}

async function reload() {
  const { ok, data } = await api('/people');
  if (!ok) return;
  const requests = document.getElementById('requests');
  if (data.requests.length === 0) requests.replaceChildren(h('p', { class: 'empty', text: t('requestsEmpty') }));
  else requests.replaceChildren(h('ul', { class: 'items' }, data.requests.map(requestItem)));
  const people = document.getElementById('people');
  if (data.people.length === 0) people.replaceChildren(h('p', { class: 'empty', text: t('peopleEmpty') }));
  else {
    people.replaceChildren(
      table(t('peopleListTitle'), [t('colName'), t('colPlatform'), t('colRole'), t('colAccessUntil'), t('colActions')], data.people.map(personRow), { captionHidden: true }),
    );
  }
}

function initInvite() {
  const form = document.getElementById('invite-form');
  const daysField = document.getElementById('invite-days-field');
  const moderatorField = document.getElementById('invite-moderator-field');
  const syncKind = () => {
    const guest = form.kind.value === 'guest';
    daysField.hidden = !guest;
    moderatorField.hidden = guest;
  };
  for (const radio of form.querySelectorAll('input[name="kind"]')) radio.addEventListener('change', syncKind);
  syncKind();
  const result = document.getElementById('invite-result');
  const link = document.getElementById('invite-link');
  const copied = document.getElementById('invite-copied');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const guest = form.kind.value === 'guest';
    const body = {
      login: form.login.value.trim(),
      displayName: form.displayName.value.trim(),
      kind: guest ? 'guest' : 'member',
      ...(guest ? { guestDays: Number(form.guestDays.value) || 30 } : { moderator: form.moderator.checked }),
    };
    const response = await api('/people/invite', { method: 'POST', body });
    if (!response.ok) {
      announce(response.status === 404 ? t('inviteUnavailable') : response.data.message, 'error');
      return;
    }
    announce(t('inviteLink', { name: response.data.name }));
    document.getElementById('invite-result-text').textContent = t('inviteLink', { name: response.data.name });
    link.value = response.data.link;
    copied.textContent = '';
    result.hidden = false;
    form.reset();
    syncKind();
    link.focus();
    link.select();
    await reload();
  });
  document.getElementById('invite-copy').addEventListener('click', async () => {
    try {
      await window.navigator.clipboard.writeText(link.value);
    } catch {
      link.select();
    }
    copied.textContent = t('copied');
  });
}

export const peopleSection = {
  init: initInvite,
  show: reload,
};
