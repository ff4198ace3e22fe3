/**
 * Answers from the shapes that project sheets and fund reports take when they are published as
 * they are: a Markdown sheet whose headings lack the space after "#", with raw HTML and a
 * two-column table of fields and values; a fund's report whose tables come one cell per line, with
 * amounts in cents, and whose name the question gives though a table's row never repeats it; a
 * note signed "Written by …"; a record given as one line of fields ("CDP budget: … Actual budget:
 * … Expenditure: …"), answered with the value of the label the question names. Through the real
 * pipeline, in several languages.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.ts';
import { itAnswersWith } from '../support/answer-cases.ts';
import { useDocumentsKnowledgeBase } from '../support/documents-kb.ts';
import { BY_COUNTRY, PLEDGES } from '../support/fund-tables.ts';

const SHEET = `#Proyecto PRORED
- - - - - - - - - - - - - - - - - - - - -

##Detalles del proyecto
| Descripción         | Detalle   |
|:--------------------|:---------:|
| Nombre del proyecto | Preparación ante inundaciones en las comunidades de la cuenca del río Motagua |
| Donante             | ECHO |
| Presupuesto total   | 515,000.00€ |
| Tiempo de ejecución | 15 meses (15/09/2008 al 28/02/2010) |

##Antecedentes
Las crecidas del río Motagua inundan cada año las comunidades ribereñas y destruyen cosechas y caminos. En 2009 la red de alerta se extendió a dos comunidades más.

##Beneficiarios
| Descripción                     | Detalle |
|:--------------------------------|:-------:|
| N° beneficiarios directos       | 16449 |
| N° beneficiarios indirectos     | 26554 |
| N° de comunidades beneficiarias | 21 |

##Documentos
<a class="media {}" href="docs/informe.pdf"></a>
<a class="descarga-pdf" href="docs/informe.pdf">Descargar</a>
<script type="text/javascript">$('.media').media();</script>
`;

const fundParagraph = (topic: string): string =>
  `The Harvest Fund ${topic}. Its secretariat reports to the donors twice a year, and the Harvest Fund board meets in March.`;
const REPORT = [
  'HARVEST FUND ANNUAL REPORT 2020',
  '',
  fundParagraph('supports smallholder farmers in low-income countries through grants to governments'),
  '',
  fundParagraph('financed research on seed systems and crop insurance in its first phase'),
  '',
  fundParagraph('works with ministries of agriculture and with farmer organisations'),
  '',
  fundParagraph('measures its results by the incomes of the households it reaches'),
  '',
  fundParagraph('opened a window for women-led cooperatives in 2019, and its second phase will span the years to 2025'),
  '',
  ...BY_COUNTRY,
  '',
  ...PLEDGES,
  '',
  'The figures are in US dollars.',
].join('\n');

const NOTE = `<html><head><title>Aid figures for 2014</title></head><body>
<nav>Development notes - Blog - 10 April 2015</nav>
<article><h1>Aid figures for 2014: a first look</h1>
<p>Official aid from the committee's members fell slightly in 2014, while aid to the poorest countries fell further.</p>
<p>Official aid from the committee's 28 members totalled US$134.4 billion in 2014, after a peak the year before.</p>
<div class="author"><h3>Written by Dana Kowalski</h3><p>Head of data analysis</p></div>
</article></body></html>`;

const kb = useDocumentsKnowledgeBase({ 'rios.md': SHEET, 'harvest.txt': REPORT, 'note.html': NOTE });

describe('a project sheet in Markdown with a table of fields and values', () => {
  itAnswersWith('answers with the value its field names', kb, [
    ['es', '¿Qué entidad donante financió el proyecto PRORED?', 'ECHO'],
    ['en', 'What was the total budget of the PRORED project?', '515,000.00€'],
    ['zh', 'PRORED项目的总预算是多少？', '515,000.00€'],
    ['fr', 'Combien de bénéficiaires indirects le projet PRORED a-t-il comptés ?', '26554'],
    // A duration question's verb of lasting names what is asked, not something the sheet must say.
    ['es', '¿Cuántos meses se extendió el proyecto PRORED?', '15 meses'],
    ['en', 'How many months did the PRORED project span?', '15 meses'],
    ['fr', 'Sur combien de mois le projet PRORED s’est-il étalé ?', '15 meses'],
  ]);

  it('reads its headings and leaves its HTML out', async () => {
    const answer = await kb().answer('¿Qué pasa con las crecidas del río Motagua?', 'es');
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer).toContain('inundan cada año');
    expect(answer.answer).not.toMatch(/##|<a |media\(\)/);
  });
});

describe('a fund report with a table of one cell per line', () => {
  itAnswersWith('answers from the country’s row, the fund named by the document', kb, [
    ['en', 'How much did the Harvest Fund grant to Mali?', '4,587,500.00'],
    ['es', '¿Cuánto dinero asignó el Harvest Fund a Bolivia?', '949,811.47'],
    ['ru', 'Сколько денег Harvest Fund выделил Перу?', '833,460.85'],
  ]);

  itAnswersWith('answers a pledge in its currency, named by its code in the table', kb, [
    ['en', 'How many Norwegian kroner did Norway’s foreign ministry pledge to the Harvest Fund?', '120,000,000'],
    ['ru', 'Сколько евро обязалось внести министерство экономики Италии?', '5,000,000'],
    ['fr', 'Quel montant en euros le ministère italien de l’Économie a-t-il promis au Harvest Fund ?', '5,000,000'],
    ['es', '¿Cuántos euros prometió el Ministerio de Economía de España?', '1,600,000'],
  ]);

  it('does not answer for a country the table does not have', async () => {
    const answer = await kb().answer('How much did the Harvest Fund grant to Niger?', 'en');
    expect(answer.answered, answer.answer).toBe(false);
  });
});

describe('a note dated a year after the year it reports', () => {
  it('answers for the year its sentences name, not for the year it was posted', async () => {
    const answered = await kb().answer('What was total official aid from the committee’s members in 2014?', 'en');
    expect(answered.answered, answered.answer).toBe(true);
    expect(answered.answer.split('\n')[0]).toContain('US$134.4 billion');
    const other = await kb().answer('What was total official aid from the committee’s members in 2015?', 'en');
    expect(other.answer).not.toContain('US$134.4 billion');
  });
});

describe('a note signed by its author', () => {
  it.each([
    ['en', 'Who wrote the note on the 2014 aid figures?'],
    ['fr', 'Qui a écrit la note sur les chiffres de l’aide de 2014 ?'],
  ] as [Lang, string][])('names the author (%s): %s', async (lang, question) => {
    const answer = await kb().answer(question, lang);
    expect(answer.answered, answer.answer).toBe(true);
    expect(answer.answer.split('\n')[0]).toContain('Dana Kowalski');
  });
});

// A record a PDF gave as one line of fields: the value after the label the question names.
const OUTCOME_LINE = [
  '# Financial size of the outcome on inclusive governance',
  '',
  'Outcome on inclusive governance. Projects: 7 CDP budget: US$ 48,967,000 Actual budget: US$ 29,788,274 Expenditure: US$ 18,397,895',
].join('\n');

describe('a line of fields run together', () => {
  const kb = useDocumentsKnowledgeBase({ 'outcome.md': OUTCOME_LINE });
  itAnswersWith('the value of the label the question names', kb, [
    ['en', 'What was the actual expenditure of the outcome on inclusive governance?', '18,397,895'],
    ['en', 'What was the CDP budget of the outcome on inclusive governance?', '48,967,000'],
    ['fr', 'Quelles ont été les dépenses du résultat sur la gouvernance inclusive ?', '18,397,895'],
    ['es', '¿Cuál fue el gasto del resultado sobre gobernanza inclusiva?', '18,397,895'],
  ]);
});
