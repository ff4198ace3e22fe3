// The moderators' dashboard: its words and direction in the moderator's language, the section tabs
// (a tablist: arrow keys, Home and End move between them; the section shown is kept in the
// address's #fragment), and each section's module, loaded when its tab is chosen.
import { announce, api, applyStrings, fatal, refreshCsrf, state, t } from './dashboard-ui.js';
import { knowledgeSection } from './dashboard-knowledge.js';
import { peopleSection } from './dashboard-people.js';
import { pollsSection } from './dashboard-polls.js';
import { topicsSection } from './dashboard-topics.js';
import { usageSection } from './dashboard-usage.js';

const SECTIONS = {
  topics: topicsSection,
  polls: pollsSection,
  knowledge: knowledgeSection,
  usage: usageSection,
  people: peopleSection,
};
const NAMES = Object.keys(SECTIONS);

const tabs = () => [...document.querySelectorAll('[role="tab"]')];
const nameOf = (tab) => tab.id.replace(/^tab-/, '');
let current;

function show(name, { focus = false } = {}) {
  if (!NAMES.includes(name)) name = NAMES[0];
  for (const tab of tabs()) {
    const selected = nameOf(tab) === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  if (current && current !== name) {
    SECTIONS[current].hide?.();
    // The last action's result belongs to the section it was taken in.
    announce([]);
  }
  current = name;
  if (window.location.hash !== `#${name}`) window.history.replaceState(null, '', `#${name}`);
  void SECTIONS[name].show();
}

function onTabKey(event) {
  const list = tabs();
  const index = list.indexOf(event.target);
  if (index < 0) return;
  // Right to left, the arrows follow the reading direction.
  const forward = state.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = state.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  let next;
  if (event.key === forward) next = list[(index + 1) % list.length];
  else if (event.key === backward) next = list[(index - 1 + list.length) % list.length];
  else if (event.key === 'Home') next = list[0];
  else if (event.key === 'End') next = list[list.length - 1];
  if (!next) return;
  event.preventDefault();
  show(nameOf(next), { focus: true });
}

async function start() {
  await refreshCsrf();
  const { ok, data } = await api('/session');
  if (!ok) {
    if (data.message) fatal(data.message);
    return;
  }
  Object.assign(state, { lang: data.lang, dir: data.dir, strings: data.strings });
  document.documentElement.lang = data.lang;
  document.documentElement.dir = data.dir;
  applyStrings();
  document.title = t('title');
  document.getElementById('signed-in').textContent = t('signedInAs', { name: data.moderator.name });
  for (const section of Object.values(SECTIONS)) section.init();
  for (const tab of tabs()) {
    tab.addEventListener('click', () => show(nameOf(tab)));
    tab.addEventListener('keydown', onTabKey);
  }
  document.getElementById('dashboard').hidden = false;
  show(window.location.hash.slice(1));
  window.addEventListener('hashchange', () => show(window.location.hash.slice(1)));
}

void start().catch(() => fatal(t('failed')));
