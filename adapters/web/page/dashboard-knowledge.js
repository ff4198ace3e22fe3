// The knowledge base section: how many documents and passages and the last ingestion, a document
// uploaded (its bytes as they are; Markdown, text, HTML, PDF or Word, 5 MB at most), the documents,
// and the questions the knowledge base could not answer.
import { api, announce, formatDate, formatDateTime, formatNumber, h, t, table } from './dashboard-ui.js';

/** As UPLOAD_MAX_BYTES on the server, which checks it. */
const MAX_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.docx'];

async function reload() {
  const { ok, data } = await api('/knowledge');
  if (!ok) return;
  const overview = [t('knowledgeOverview', { documents: t('documentsCount', { n: data.documents }), chunks: t('passagesCount', { n: data.chunks }) })];
  overview.push(data.lastIngestedAt ? t('lastIngestion', { date: formatDateTime(data.lastIngestedAt) }) : t('neverIngested'));
  document.getElementById('knowledge-overview').textContent = overview.join(' ');

  const documents = document.getElementById('documents');
  if (data.latest.length === 0) documents.replaceChildren(h('p', { class: 'empty', text: t('neverIngested') }));
  else {
    documents.replaceChildren(
      table(
        t('documentsTitle'),
        [t('colTitle'), t('colSource'), t('colLanguage'), t('colArea'), t('colFormat'), t('colPassages'), t('colIngested')],
        data.latest.map((d) => [d.title, h('span', { dir: 'ltr', class: 'source', text: d.source }), d.language, d.area, d.format, formatNumber(d.chunks), formatDate(d.ingestedAt)]),
        { captionHidden: true },
      ),
      data.latest.length < data.documents ? h('p', { class: 'hint', text: t('documentsShown', { shown: formatNumber(data.latest.length), n: data.documents }) }) : '',
    );
  }

  const unanswered = document.getElementById('unanswered');
  if (data.unanswered.length === 0) unanswered.replaceChildren(h('p', { class: 'empty', text: t('unansweredEmpty') }));
  else {
    unanswered.replaceChildren(
      table(
        t('unansweredTitle'),
        [t('colQuestion'), t('colLanguage'), t('colTimes'), t('colLastAsked')],
        data.unanswered.map((q) => [h('span', { lang: q.lang, text: q.question }), q.language, formatNumber(q.times), formatDate(q.lastAsked)]),
        { captionHidden: true },
      ),
    );
  }
}

function initUpload() {
  const form = document.getElementById('upload-form');
  const submit = document.getElementById('upload-submit');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.file.files[0];
    if (!file) return announce(t('uploadNoFile'), 'error');
    const name = file.name.toLowerCase();
    if (!EXTENSIONS.some((ext) => name.endsWith(ext))) return announce(t('uploadType'), 'error');
    if (file.size > MAX_BYTES) return announce(t('uploadTooLarge'), 'error');
    submit.disabled = true;
    submit.textContent = t('uploading');
    announce(t('uploading'));
    try {
      // The bytes as they are (no base64), the name beside them.
      const result = await api('/knowledge/upload', { method: 'POST', bytes: file, headers: { 'x-file-name': encodeURIComponent(file.name) } });
      if (result.ok) {
        announce(result.data.replies ?? []);
        form.reset();
        await reload();
      } else announce(result.data.message, 'error');
    } finally {
      submit.disabled = false;
      submit.textContent = t('upload');
      form.file.focus();
    }
  });
}

export const knowledgeSection = {
  init: initUpload,
  show: reload,
};
