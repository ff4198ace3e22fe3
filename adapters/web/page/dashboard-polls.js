// The polls section: a new poll (posted in every discussion channel), the latest polls (results,
// close, CSV), and one poll's results as a bar chart with the same figures in a table, redrawn every
// few seconds while the section is shown and the page visible.
import { act, api, API, chartLibrary, COLORS, formatDateTime, formatNumber, formatPercent, h, reducedMotion, shortLabel, t, table } from './dashboard-ui.js';

/** How often the chosen poll's tally is read again. */
export const LIVE_MS = 3000;

let selected = null;
let chart = null;
let timer = null;
let visible = false;

function statusText(poll) {
  if (poll.status === 'closed') return t('statusClosed');
  return poll.closesAt ? `${t('statusOpen')} · ${t('closesOn', { date: formatDateTime(poll.closesAt) })}` : t('statusOpen');
}

function pollRow(poll) {
  const actions = h(
    'span',
    { class: 'actions' },
    h('button', { type: 'button', dataset: { results: poll.id }, 'aria-label': t('showResultsLabel', { id: poll.id }), text: t('showResults'), onclick: () => void choose(poll.id, true) }),
    poll.status === 'open'
      ? h('button', { type: 'button', class: 'danger', 'aria-label': t('closePollLabel', { id: poll.id }), text: t('closePoll'), onclick: () => void closePoll(poll.id) })
      : null,
    h('a', { class: 'button-link', href: `${API}/polls/${poll.id}/csv`, download: `poll-${poll.id}.csv`, 'aria-label': t('csvLabel', { id: poll.id }), text: t('csv') }),
  );
  const question = h('span', {}, `#${poll.id} ${poll.question}`, poll.anonymous ? h('span', { class: 'tag', text: t('anonymousMark') }) : null);
  // The status and the count are kept up to date with the chosen poll's live results.
  return [question, h('span', { dataset: { statusFor: poll.id }, text: statusText(poll) }), h('span', { dataset: { votersFor: poll.id }, text: formatNumber(poll.voters) }), actions];
}

async function reloadList() {
  const { ok, data } = await api('/polls');
  if (!ok) return;
  document.getElementById('polls-no-channels').hidden = data.discussionChannels > 0;
  const list = document.getElementById('poll-list');
  if (data.polls.length === 0) list.replaceChildren(h('p', { class: 'empty', text: t('pollsEmpty') }));
  else list.replaceChildren(table(t('pollListTitle'), [t('colPoll'), t('colStatus'), t('colVoters'), t('colActions')], data.polls.map(pollRow), { captionHidden: true }));
}

async function closePoll(id) {
  await act(`/polls/${id}/close`);
  await reloadList();
  if (selected === id) await refreshResults();
  document.querySelector(`[data-results="${id}"]`)?.focus();
}

function resultsTable(poll) {
  const total = poll.counts.reduce((sum, n) => sum + n, 0);
  return table(
    t('resultsTitle', { id: poll.id }),
    [t('colOption'), t('colVotes'), t('colShare')],
    poll.options.map((option, i) => [option, formatNumber(poll.counts[i] ?? 0), formatPercent(poll.counts[i] ?? 0, total)]),
    { captionHidden: true },
  );
}

function chartDescription(poll) {
  return `${t('resultsTitle', { id: poll.id })}: ${poll.options.map((option, i) => `${option} ${formatNumber(poll.counts[i] ?? 0)}`).join(', ')}`;
}

function drawChart(poll, canvas) {
  const Chart = chartLibrary();
  if (!Chart) return;
  if (chart && chart.canvas === canvas) {
    chart.data.labels = poll.options.map((o) => shortLabel(o));
    chart.data.datasets[0].data = poll.counts.slice();
    chart.update();
    return;
  }
  chart?.destroy();
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: poll.options.map((o) => shortLabel(o)),
      datasets: [{ label: t('colVotes'), data: poll.counts.slice(), backgroundColor: COLORS.blue, borderColor: COLORS.blue, borderWidth: 1 }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: reducedMotion() ? false : { duration: 300 },
      locale: document.documentElement.lang,
      plugins: { legend: { display: false }, tooltip: { rtl: document.documentElement.dir === 'rtl' } },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0, color: COLORS.text }, grid: { color: COLORS.grid }, reverse: document.documentElement.dir === 'rtl' },
        y: { ticks: { color: COLORS.text, font: { size: 13 } }, grid: { display: false }, position: document.documentElement.dir === 'rtl' ? 'right' : 'left' },
      },
    },
  });
}

function drawResults(poll) {
  const body = document.getElementById('poll-results-body');
  document.getElementById('poll-results-title').textContent = t('resultsTitle', { id: poll.id });
  let canvas = body.querySelector('canvas');
  if (!canvas || body.dataset.pollId !== poll.id) {
    chart?.destroy();
    chart = null;
    canvas = h('canvas', { id: 'poll-chart', role: 'img' });
    body.dataset.pollId = poll.id;
    body.replaceChildren(
      h('p', { class: 'question', text: poll.question }),
      h('div', { class: 'chart-box poll-chart', style: { height: `${Math.max(140, poll.options.length * 44 + 50)}px` } }, canvas),
      h('p', { class: 'meta', id: 'poll-voters' }),
      h('div', { id: 'poll-results-table' }),
      h('p', { class: 'hint', text: t('resultsLive') }),
    );
  }
  canvas.setAttribute('aria-label', chartDescription(poll));
  body.dataset.counts = poll.counts.join(',');
  document.getElementById('poll-voters').textContent = `${t('votersTotal', { count: formatNumber(poll.voters) })} · ${statusText(poll)}`;
  document.getElementById('poll-results-table').replaceChildren(resultsTable(poll));
  drawChart(poll, canvas);
  const voters = document.querySelector(`[data-voters-for="${poll.id}"]`);
  if (voters) voters.textContent = formatNumber(poll.voters);
  const status = document.querySelector(`[data-status-for="${poll.id}"]`);
  if (status) status.textContent = statusText(poll);
}

async function refreshResults() {
  if (!selected) return;
  const { ok, data } = await api(`/polls/${selected}`);
  if (ok) drawResults(data);
}

async function choose(id, focus = false) {
  selected = id;
  await refreshResults();
  if (focus) document.getElementById('poll-results-title').focus();
}

function live() {
  window.clearInterval(timer);
  timer = window.setInterval(() => {
    if (visible && document.visibilityState === 'visible') void refreshResults();
  }, LIVE_MS);
}

function initForm() {
  const form = document.getElementById('poll-form');
  form.kind.addEventListener('change', () => {
    form.options.disabled = form.kind.value === 'rating';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const closes = form.closes.value ? new Date(form.closes.value) : undefined;
    const body = {
      question: form.question.value.trim(),
      options: form.kind.value === 'rating' ? [] : form.options.value.split('\n').map((o) => o.trim()).filter(Boolean),
      kind: form.kind.value,
      anonymous: form.anonymous.checked,
      ...(closes && !Number.isNaN(closes.getTime()) ? { closesAt: closes.toISOString() } : {}),
    };
    const result = await act('/polls', body, form);
    if (result.ok && result.data.pollId) {
      form.reset();
      form.options.disabled = false;
      await reloadList();
      await choose(result.data.pollId);
    }
  });
}

export const pollsSection = {
  init() {
    initForm();
  },
  async show() {
    visible = true;
    live();
    await reloadList();
    await refreshResults();
  },
  hide() {
    visible = false;
    window.clearInterval(timer);
  },
};
