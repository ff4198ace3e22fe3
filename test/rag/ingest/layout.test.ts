/**
 * Tables and layout at ingestion: every format's tables become one line per row carrying its
 * column headers; hard-wrapped lines are joined; list items stay whole.
 */
import { describe, expect, it } from 'vitest';
import { isRowLine, rowCells, structureParts, structureText, unwrap } from '../../../src/rag/ingest/layout.ts';
import { parseBytes } from '../../../src/rag/ingest/parse.ts';
import { parseHtml } from '../../../src/rag/ingest/parse-html.ts';
import { parseMarkdown } from '../../../src/rag/ingest/parse-markdown.ts';
import { parseText } from '../../../src/rag/ingest/parse-text.ts';
import { buildPdf } from './fixtures.ts';

const ROWS = [
  'Workshop A — Country: Kenya; Participants: 48; Cost: 12 000',
  'Workshop B — Country: Peru; Participants: 31; Cost: 9 500',
  'Workshop C — Country: Nepal; Participants: 27; Cost: 7 250',
];

describe('tables in plain text', () => {
  it('reads one cell per line, rows separated by blank lines, with the header after the sentence that introduces it', () => {
    const text = [
      'The regional workshops of the year are listed below:',
      '\tEvent',
      '\tCountry',
      '\tParticipants',
      '\tCost',
      '',
      '\tWorkshop A',
      '\tKenya',
      '\t48',
      '\t12 000',
      '',
      '\tWorkshop B',
      '\tPeru',
      '\t31',
      '\t9 500',
      '',
      '\tWorkshop C',
      '\tNepal',
      '\t27',
      '\t7 250',
      '',
      'All three were evaluated.',
    ].join('\n');
    // The table is a section of its own, under the sentence that introduces it.
    expect(parseText(text).sections).toEqual([
      { headings: [], text: 'The regional workshops of the year are listed below:' },
      { headings: ['The regional workshops of the year are listed below:'], text: ROWS.join('\n') },
      { headings: [], text: 'All three were evaluated.' },
    ]);
  });

  it('reads tab-separated and column-aligned rows', () => {
    const tabs = 'Event\tCountry\tParticipants\tCost\nWorkshop A\tKenya\t48\t12 000\nWorkshop B\tPeru\t31\t9 500\nWorkshop C\tNepal\t27\t7 250';
    expect(structureText(tabs).split('\n').filter(isRowLine)).toEqual(ROWS);
    const aligned = [
      'Event         Country     Participants     Cost',
      'Workshop A    Kenya       48               12 000',
      'Workshop B    Peru        31               9 500',
      'Workshop C    Nepal       27               7 250',
    ].join('\n');
    expect(structureText(aligned).split('\n').filter(isRowLine)).toEqual(ROWS);
  });

  it('takes a header that gives its columns’ scale or unit in figures for a header', () => {
    const rows = structureText('Country\tScore (/100)\tBudget (US$ 000)\tRank /10\nKenya\t48,5\t12 000\t3\nPeru\t31,2\t9 500\t7').split('\n').filter(isRowLine);
    expect(rows).toEqual(['Kenya — Score (/100): 48,5; Budget (US$ 000): 12 000; Rank /10: 3', 'Peru — Score (/100): 31,2; Budget (US$ 000): 9 500; Rank /10: 7']);
  });

  it('reads a table saved as text, one cell per line with nothing between its rows', () => {
    const saved = ['Table 2 - Training results by country', 'Country', '\tTrainees', '\tCertified', '\tShare certified (%)', '\tKenya', '\t48', '\t41', '\t85', '\tPeru', '\t31', '\t22', '\t71', '\tNepal', '\t27', '\t25', '\t93', 'The figures are those of June.'].join('\n');
    expect(structureText(saved).split('\n').filter(isRowLine)).toEqual([
      'Kenya — Trainees: 48; Certified: 41; Share certified (%): 85',
      'Peru — Trainees: 31; Certified: 22; Share certified (%): 71',
      'Nepal — Trainees: 27; Certified: 25; Share certified (%): 93',
    ]);
    // Short lines that a figure follows are no table unless the figures make whole rows.
    expect(structureText(['Members of the board', 'Kenya', 'Peru', 'Nepal', 'Chile', '2024', 'Next meeting in Lima.'].join('\n')).split('\n').some(isRowLine)).toBe(false);
  });

  it('reads a table without a header row as rows of cells', () => {
    const rows = structureText('Kenya\t48\t12 000\nPeru\t31\t9 500').split('\n').filter(isRowLine);
    expect(rows).toEqual(['Kenya — 48; 12 000', 'Peru — 31; 9 500']);
    expect(rowCells('Kenya — Participants: 48; Cost: 12 000')).toEqual({
      label: 'Kenya',
      cells: [
        { header: 'Participants', value: '48' },
        { header: 'Cost', value: '12 000' },
      ],
    });
  });

  it('leaves paragraphs of prose alone, even of equal length', () => {
    const prose = ['First point of the plan.', 'It has two lines.', '', 'Second point of the plan.', 'It has two lines too.', '', 'Third point here.', 'And two lines again.'].join('\n');
    expect(structureText(prose).split('\n').some(isRowLine)).toBe(false);
  });
});

describe('numbered records copied out of a PDF (one wrapped cell per paragraph)', () => {
  const header = ['Table 2: Training modules', '', 'Module Target group Format', '', 'Partners', ''];
  const record = (n: number, title: string, cells: string[]): string[] => [...`${n}. ${title}`.split('|'), '', ...cells.flatMap((c) => [...c.split('|'), ''])];
  const table = [
    ...header,
    ...record(1, 'Cultural|policies', ['Ministries of|culture', '4-day workshop', 'National|universities']),
    ...record(2, 'Cultural statistics', ['Statistics offices', '2-day workshop +|technical assistance', 'Statistics|institute']),
    // A page break repeats the header's pieces.
    'Module Target group Format',
    '',
    'Partners',
    '',
    ...record(3, 'Copyright', ['Lawyers and|creators', '6-day workshop', 'Copyright offices']),
    'Each module ends with an evaluation',
    '',
    '19. The secretariat will publish the evaluations every year.',
  ];

  it('become one row per record, the header named in the caption, what follows the table left as text', () => {
    const doc = parseText(table.join('\n'));
    const rows = doc.sections.flatMap((s) => s.text.split('\n')).filter(isRowLine);
    expect(rows).toEqual([
      '1. Cultural policies — Ministries of culture; 4-day workshop; National universities',
      '2. Cultural statistics — Statistics offices; 2-day workshop + technical assistance; Statistics institute',
      '3. Copyright — Lawyers and creators; 6-day workshop; Copyright offices',
    ]);
    expect(doc.sections.find((s) => s.text.includes('1. Cultural policies'))?.headings).toEqual(['Table 2: Training modules (Module Target group Format | Partners)']);
    const rest = doc.sections.map((s) => s.text).join('\n');
    expect(rest).toContain('Each module ends with an evaluation');
    expect(rest).toContain('19. The secretariat will publish the evaluations every year.');
  });

  it('are not made of numbered paragraphs of prose, or of numbered headings over sentences', () => {
    const paragraphs = ['1. The first point is set out here.', '', '2. The second point follows it.', '', '3. The third point ends the list.'].join('\n');
    expect(structureText(paragraphs).split('\n').some(isRowLine)).toBe(false);
    const sections = ['1. Background', '', 'The programme started in 2020.', '', 'It grew every year.', '', '2. Aims', '', 'It trains officials.', '', 'It publishes guides.', '', '3. Means', '', 'It has a budget.', '', 'It has staff.'].join('\n');
    expect(structureText(sections).split('\n').some(isRowLine)).toBe(false);
  });
});

describe('the caption of a table introduced by a long sentence', () => {
  const rows = ['', '\tN°', '\tDate', '\tLanguage', '', '\tI', '\t3 May 2021', '\tArabic', '', '\tII', '\t9 June 2021', '\tRussian', '', '\tIII', '\t2 July 2021', '\tChinese', ''];
  const long =
    '7. So that every language and every region of the member states would be taken into account, as the committee asked at its last session, the secretariat held three webinars as shown below: one in each of the official languages with the fewest distance-learning sessions so far, in the order that the regional offices and the permanent missions concerned proposed to it.';

  it('keeps the words that announce the table and what comes just before them', () => {
    const doc = parseText([long, ...rows].join('\n'));
    const heading = doc.sections.find((s) => s.text.includes('I — '))?.headings.join(' ') ?? '';
    expect(heading).toContain('held three webinars as shown below');
  });

  it('keeps the end of a long sentence that announces nothing', () => {
    const plain = '7. The secretariat, after hearing the regional offices and the member states that asked for it at the committee’s last session, held three webinars in the languages with the fewest sessions so far.';
    const doc = parseText([plain, ...rows].join('\n'));
    const heading = doc.sections.find((s) => s.text.includes('I — '))?.headings.join(' ') ?? '';
    expect(heading.startsWith('…')).toBe(true);
    expect(heading).toContain('fewest sessions so far.');
  });
});

describe('two columns run together by a PDF', () => {
  it('make their shared last line one row, each value under its column when the header line names both', () => {
    const text = ['Dépenses ponctuelles Dépenses récurrentes par année', '', '- Développement : 40 000 francs', '', '- Modération : 90 000 francs', '', 'Total : 40 000 francs Total : à déterminer'].join('\n');
    expect(structureText(text).split('\n').filter(isRowLine)).toEqual([
      'Développement — Dépenses ponctuelles: 40 000 francs',
      'Modération — Dépenses récurrentes par année: 90 000 francs',
      'Total — Dépenses ponctuelles: 40 000 francs; Dépenses récurrentes par année: à déterminer',
    ]);
    expect(structureText('Subtotal: 1 200 Subtotal: 3 400').split('\n').filter(isRowLine)).toEqual(['Subtotal — 1 200; 3 400']);
    // A line that says a label once is left alone.
    expect(structureText('Total: 1 200 for both years').split('\n').some(isRowLine)).toBe(false);
  });

  it('put each item under the column whose total its sum makes, and read the table under the sentence announcing it', () => {
    const text = [
      'Le tableau ci-après donne le budget requis pour le forum :',
      '',
      'Dépenses ponctuelles Dépenses récurrentes par année',
      '',
      '- Développement : 40 000 francs',
      '',
      '- Modération en trois',
      'langues : 90 000 francs',
      '',
      '- Protocole : 16 000 francs',
      '',
      '- les autres dépenses ne peuvent être évaluées',
      '',
      'Total : 56 000 francs Total : à déterminer',
    ].join('\n');
    const [caption, table] = structureParts(text).filter((p) => p.kind === 'table' || p.text.trim() !== '');
    expect(caption?.kind === 'text' ? caption.text : '').toContain('budget requis');
    expect(table).toMatchObject({ kind: 'table', caption: 'Le tableau ci-après donne le budget requis pour le forum :' });
    expect(table?.kind === 'table' ? table.rows : []).toEqual([
      'Développement — Dépenses ponctuelles: 40 000 francs',
      'Modération en trois langues — Dépenses récurrentes par année: 90 000 francs',
      'Protocole — Dépenses ponctuelles: 16 000 francs',
      ' — Dépenses récurrentes par année: les autres dépenses ne peuvent être évaluées',
      'Total — Dépenses ponctuelles: 56 000 francs; Dépenses récurrentes par année: à déterminer',
    ]);
  });

  it('leave the items as they are when no sum tells their columns', () => {
    const text = ['One-off costs One-off or recurring', '', '- Design: 10 000', '', '- Hosting: 5 000', '', 'Total: 12 000 Total: 3 000'].join('\n');
    const lines = structureText(text).split('\n');
    expect(lines).toContain('- Design: 10 000');
    expect(lines.filter(isRowLine)).toEqual(['Total — One-off costs: 12 000; One-off or recurring: 3 000']);
  });
});

describe('a value copied out alone below its label', () => {
  it('joins the label it closes; a page number, a figure within prose or a figure after a sentence stays apart', () => {
    const total = ['COÛTS DU PROJET 2 093 000*', 'TOTAL DES COÛTS', 'dont 13 % de frais de', 'soutien', '', '2 365 000', '', 'Note de bas de page.'].join('\n');
    expect(structureText(total).split('\n')).toContain('TOTAL DES COÛTS dont 13 % de frais de soutien 2 365 000');
    expect(structureText('Response rate\n\n64 %\n').split('\n')).toContain('Response rate 64 %');
    // A page's number below a heading, a figure followed by more lines, a figure after a sentence.
    for (const [text, label] of [
      ['Mise en œuvre de la décision\n\n4\n\nLa suite.', 'Mise en œuvre de la décision'],
      ['Budget items\n\n12 000\nand more text', 'Budget items'],
      ['The report ends here.\n\n2 000\n', 'The report ends here.'],
    ] as const) {
      // The line before the figure is left as it was.
      expect(structureText(text).split('\n').map((l) => l.trim()), text).toContain(label);
    }
  });
});

describe('tables in the other formats', () => {
  it('Markdown', () => {
    const md = '# Workshops\n\n| Event | Country | Participants | Cost |\n|---|---|---:|---:|\n| Workshop A | Kenya | 48 | 12 000 |\n| Workshop B | Peru | 31 | 9 500 |\n| Workshop C | Nepal | 27 | 7 250 |\n\nAfter the table.';
    const text = parseMarkdown(md).sections[0]?.text ?? '';
    expect(text.split('\n').filter(isRowLine)).toEqual(ROWS);
    expect(text).toContain('After the table.');
  });

  it('Markdown paragraphs: a line break inside one is a space (table rows and list items stay apart)', () => {
    const md = '# Report\n\nIn fiscal 2023, Indonesia received an advance\npayment of $20.9 million under the\nagreement.\n\n- first item\n- second item\n\n| Event | Cost |\n|---|---|\n| Workshop A | 12 000 |\n| Workshop B | 9 500 |';
    const lines = (parseMarkdown(md).sections[0]?.text ?? '').split('\n').filter((l) => l.trim());
    expect(lines).toEqual(['In fiscal 2023, Indonesia received an advance payment of $20.9 million under the agreement.', '- first item', '- second item', 'Workshop A — Cost: 12 000', 'Workshop B — Cost: 9 500']);
    // Lines of cells that no rule announced stay lines.
    const cells = parseMarkdown('# Abbreviations\n\nAFD | Agence française de développement\nCICID | Comité interministériel').sections[0]?.text ?? '';
    expect(cells.split('\n')).toEqual(['AFD | Agence française de développement', 'CICID | Comité interministériel']);
  });

  it('Markdown: a table of labels and values, without a header, is one row per label, kept apart', () => {
    const md = '# Project\n\n|  Project number | 4021 Water for the valley  |\n| --- | --- |\n|  Project officer | Ana Ruiz  |\n|  Place : Country | Kenya  |\n|  Research theme |   |\n|  End date | 30 June 2022  |\n\nAfter the table.';
    const lines = (parseMarkdown(md).sections[0]?.text ?? '').split('\n').filter((l) => l.trim());
    expect(lines).toEqual(['Project number — 4021 Water for the valley', 'Project officer — Ana Ruiz', 'Place : Country — Kenya', 'Research theme', 'End date — 30 June 2022', 'After the table.']);
    expect(lines.filter(isRowLine)).toHaveLength(4);
    // A sentence with a dash in it is no such row.
    expect(isRowLine('The board met in March — a week late — and approved the plan.')).toBe(false);
    expect(isRowLine('Funding was approved for three years. The second phase — which began in 2021 — is under way.')).toBe(false);
  });

  it('Markdown: a header may hold a date or a year; a cell with a sum in it is a value; a label wrapped over lines is one', () => {
    const md = 'Country| Places offered| Awards at 1.3.52| 2019  \n---|---|---|---  \nIndia| 95| 40| 3  \nNorth  \nBorneo| 10| 2| 1  \n\nScholarship holders| £360. p.a.  \n---|---  \nJunior fellows| £540. p.a.';
    const rows = (parseMarkdown(md).sections[0]?.text ?? '').split('\n').filter(isRowLine);
    expect(rows).toEqual([
      'India — Places offered: 95; Awards at 1.3.52: 40; 2019: 3',
      'North Borneo — Places offered: 10; Awards at 1.3.52: 2; 2019: 1',
      'Scholarship holders — £360. p.a.',
      'Junior fellows — £540. p.a.',
    ]);
  });

  it('HTML, with th cells or without', () => {
    const html = `<h1>Workshops</h1><table><tr><th>Event</th><th>Country</th><th>Participants</th><th>Cost</th></tr>
      <tr><td>Workshop A</td><td>Kenya</td><td>48</td><td>12 000</td></tr><tr><td>Workshop B</td><td>Peru</td><td>31</td><td>9 500</td></tr>
      <tr><td>Workshop C</td><td>Nepal</td><td>27</td><td>7 250</td></tr></table>`;
    expect(parseHtml(html).sections[0]?.text.split('\n')).toEqual(ROWS);
  });

  it('PDF, from cells set in columns', async () => {
    const pdf = buildPdf([
      {
        heading: 'Workshops',
        lines: [['Event', 'Country', 'Participants', 'Cost'], ['Workshop A', 'Kenya', '48', '12 000'], ['Workshop B', 'Peru', '31', '9 500'], ['Workshop C', 'Nepal', '27', '7 250']],
      },
    ]);
    const doc = await parseBytes('pdf', pdf);
    expect(doc.sections[0]?.text.split('\n')).toEqual(ROWS);
  });
});

describe('two columns of prose in a PDF', () => {
  it('are not taken for a table', async () => {
    const pdf = buildPdf([
      {
        heading: 'Report',
        // Two columns of text, the second set well to the right of the first's end.
        columnStep: 260,
        lines: [
          ['The committee met twice in the year to', 'Members asked for a shorter report and'],
          ['review the plan and the budget of the', 'a summary in every official language of'],
          ['programme of technical assistance.', 'the organisation, sent before meetings.'],
        ],
      },
    ]);
    const doc = await parseBytes('pdf', pdf);
    expect(doc.sections.flatMap((sec) => sec.text.split('\n')).some(isRowLine)).toBe(false);
  });
});

describe('hard-wrapped text and lists', () => {
  it('goes on after a line that ends on an article, a preposition or a conjunction', () => {
    expect(unwrap(['• Le forum devrait-il être accessible uniquement aux', 'États membres ?', '• Second item'])).toEqual(['• Le forum devrait-il être accessible uniquement aux États membres ?', '• Second item']);
    expect(unwrap(['Funding comes from the', 'World Bank and the', 'Asian Development Bank.'])).toEqual(['Funding comes from the World Bank and the Asian Development Bank.']);
    expect(unwrap(['Background', 'The programme began in 2020.'])).toEqual(['Background', 'The programme began in 2020.']);
    // Text copied out of a PDF with a blank line after every line.
    expect(unwrap(['• Should it be open only to', '', 'Member States or to other', '', 'parties?', '', 'Participants', '', '• Next item'])).toEqual([
      '• Should it be open only to Member States or to other parties?',
      '',
      'Participants',
      '',
      '• Next item',
    ]);
  });

  it('joins a hard-wrapped paragraph, also where a line goes on with a capital', () => {
    const wrapped = [
      'The secretariat considers that a forum for sharing the experience of member',
      'States in technical assistance should meet a few conditions, set out in the',
      'paragraphs below, before it is opened to every delegation of the committee.',
      'Each condition is then described in turn, with its cost and its schedule for',
      'the first two years of the forum, and the staff that it would need to run it.',
    ];
    expect(unwrap(wrapped)).toEqual([wrapped.slice(0, 3).join(' '), wrapped.slice(3).join(' ')]);
  });

  it('keeps list items whole and apart', () => {
    const lines = ['The plan has three parts:', '- a one-day seminar held beside the', 'committee session;', '- a web forum;', 'a) training for the', 'moderators.'];
    expect(unwrap(lines)).toEqual(['The plan has three parts:', '- a one-day seminar held beside the committee session;', '- a web forum;', 'a) training for the moderators.']);
  });
});
