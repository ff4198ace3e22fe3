// The usage section: the last twelve weeks as two charts (people active and questions; the share
// answered), the same figures in a table, and the period by workspace or tenant.
import { api, chartLibrary, COLORS, formatDay, formatNumber, formatPercent, reducedMotion, t, table } from './dashboard-ui.js';

const charts = {};

function share(answered, questions) {
  return questions > 0 ? Math.round((answered / questions) * 100) : 0;
}

function baseOptions(rtl) {
  return {
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : { duration: 300 },
    locale: document.documentElement.lang,
    interaction: { mode: 'index', intersect: false },
    plugins: { legend: { rtl, labels: { color: COLORS.text, usePointStyle: true } }, tooltip: { rtl, usePointStyle: true } },
  };
}

function drawCharts(series) {
  const Chart = chartLibrary();
  if (!Chart) return;
  const rtl = document.documentElement.dir === 'rtl';
  const labels = series.weeks.map(formatDay);
  const x = { reverse: rtl, ticks: { color: COLORS.text, autoSkip: true, maxRotation: 0 }, grid: { color: COLORS.grid } };
  const people = {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: t('seriesActive'), data: series.active, borderColor: COLORS.blue, backgroundColor: COLORS.blue, pointStyle: 'circle', pointRadius: 3, tension: 0.2 },
        { label: t('seriesQuestions'), data: series.questions, borderColor: COLORS.orange, backgroundColor: COLORS.orange, borderDash: [6, 4], pointStyle: 'rect', pointRadius: 4, tension: 0.2 },
      ],
    },
    options: { ...baseOptions(rtl), scales: { x, y: { beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0, color: COLORS.text }, grid: { color: COLORS.grid } } } },
  };
  const answered = {
    type: 'bar',
    data: { labels, datasets: [{ label: t('seriesShare'), data: series.questions.map((q, i) => share(series.answered[i] ?? 0, q)), backgroundColor: COLORS.green }] },
    options: {
      ...baseOptions(rtl),
      scales: { x, y: { beginAtZero: true, max: 100, position: rtl ? 'right' : 'left', ticks: { color: COLORS.text, callback: (value) => `${value}%` }, grid: { color: COLORS.grid } } },
    },
  };
  for (const [id, config] of [['chart-people', people], ['chart-share', answered]]) {
    charts[id]?.destroy();
    charts[id] = new Chart(document.getElementById(id), config);
  }
}

async function reload() {
  const { ok, data } = await api('/usage');
  if (!ok) return;
  const { series } = data;
  drawCharts(series);
  document.getElementById('usage-table').replaceChildren(
    table(
      t('usageTitle'),
      [t('colWeek'), t('colActive'), t('colQuestions'), t('colAnswered'), t('colShareAnswered')],
      series.weeks.map((week, i) => [formatDay(week), formatNumber(series.active[i]), formatNumber(series.questions[i]), formatNumber(series.answered[i]), formatPercent(series.answered[i], series.questions[i])]),
    ),
  );
  const workspaces = document.getElementById('workspaces');
  if (data.workspaces.length === 0) {
    workspaces.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: t('workspacesEmpty') }));
    return;
  }
  workspaces.replaceChildren(
    table(
      t('workspacesTitle'),
      [t('colWorkspace'), t('colPlatform'), t('colActive'), t('colQuestions'), t('colShareAnswered')],
      data.workspaces.map((w) => [w.name, w.platform, formatNumber(w.active), formatNumber(w.questions), formatPercent(w.answered, w.questions)]),
      { captionHidden: true },
    ),
  );
}

export const usageSection = {
  init() {},
  show: reload,
};
