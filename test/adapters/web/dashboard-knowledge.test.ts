/**
 * The knowledge base and the usage figures on the dashboard, over real HTTP on a real PGlite store
 * (dashboard-harness.ts): a document is uploaded (as JSON with base64, or as its bytes), listed, and
 * then answers a question; other types and files too large are refused with a clear sentence; the
 * questions it could not answer are listed; the weekly usage series are exact for a scripted record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardMessages } from '../../../src/i18n/dashboard/index.ts';
import { DAY, MODERATOR, openDashboardHarness, type DashboardHarness, type Reply } from './dashboard-harness.ts';

const en = dashboardMessages('en');

describe('the knowledge base and usage on the dashboard', () => {
  let h: DashboardHarness;
  beforeAll(async () => {
    h = await openDashboardHarness();
  });
  afterAll(() => h?.close());

  const call: DashboardHarness['call'] = (...args) => h.call(...args);
  const slack: DashboardHarness['slack'] = (...args) => h.slack(...args);
  const auditActions: DashboardHarness['auditActions'] = (subject) => h.auditActions(subject);

  it('uploads a document, lists it and answers a question from it', async () => {
    const markdown = [
      '# Mentoring programme for new delegates',
      '',
      'The mentoring programme pairs every new delegate with an experienced delegate for six months.',
      'Mentors meet their delegate twice a month and report progress to the secretariat every quarter.',
      '',
    ].join('\n');
    const body = { fileName: 'C:\\Users\\ana\\mentoring.md', contentBase64: Buffer.from(markdown).toString('base64') };
    const uploaded = await call('POST', '/knowledge/upload', { body });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ source: 'upload/mentoring.md', title: 'Mentoring programme for new delegates', lang: 'en', outcome: 'added' });
    expect(uploaded.body.chunks).toBeGreaterThan(0);
    expect(uploaded.body.replies?.[0]).toContain('Mentoring programme for new delegates');
    expect(await auditActions('document:upload/mentoring.md')).toEqual([`knowledge.upload by web:${MODERATOR}`]);
    expect((await call('POST', '/knowledge/upload', { body })).body.outcome).toBe('unchanged');

    const listed = await call('GET', '/knowledge');
    expect(listed.body).toMatchObject({ documents: 1, lastIngestedAt: h.now().toISOString() });
    expect((listed.body.latest as { source: string }[]).find((d) => d.source === 'upload/mentoring.md')).toMatchObject({ format: 'md', title: 'Mentoring programme for new delegates' });

    await slack('UALICE', { type: 'message', text: 'How long does the mentoring programme pair a new delegate with an experienced delegate?' });
    const question = await h.app.services.store.db.selectFrom('questions').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(question.answered).toBe(true);
    expect(question.sources).toContain('upload/mentoring.md');

    // A question it cannot answer is listed.
    await slack('UBOB', { type: 'message', text: 'What is the recipe for a chocolate cake?' });
    const gaps = await call('GET', '/knowledge');
    expect((gaps.body.unanswered as { question: string; times: number }[])[0]).toMatchObject({ question: 'what is the recipe for a chocolate cake?', times: 1 });

    const wrongType = await call('POST', '/knowledge/upload', { body: { fileName: 'figures.xlsx', contentBase64: 'AAAA' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.message).toBe(en.uploadType);
    const tooLarge = await call('POST', '/knowledge/upload', { body: { fileName: 'big.txt', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1, 'a').toString('base64') } });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toBe(en.uploadTooLarge);
    const empty = await call('POST', '/knowledge/upload', { body: { fileName: 'empty.md', contentBase64: '' } });
    expect(empty.status).toBe(422);
    expect(empty.body.message).toContain('empty document');
    expect((await call('POST', '/knowledge/upload', { body: { fileName: 'x.md', contentBase64: '@@@' } })).status).toBe(400);

    // The bytes as they are, the name in a header (as the page sends a file).
    const raw = (name: string | undefined, bytes: Buffer): Promise<Reply> =>
      call('POST', '/knowledge/upload', { bytes, headers: name !== undefined ? { 'x-file-name': encodeURIComponent(name) } : {} });
    const page = await raw('Évaluation à mi-parcours.txt', Buffer.from('Midterm evaluation\n\nA midterm evaluation reviews the programme half-way through its planned duration.\n'));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ source: 'upload/Évaluation à mi-parcours.txt', outcome: 'added' });
    expect((await raw(undefined, Buffer.from('text'))).status).toBe(400);
    const rawTooLarge = await raw('big.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'));
    expect(rawTooLarge.status).toBe(413);
    expect(rawTooLarge.body.message).toBe(en.uploadTooLarge);
    expect((await call('POST', '/knowledge/upload', { raw: '{not json' })).status).toBe(400);
  });

  it('gives exact weekly usage series for a scripted record, and the workspaces by name', async () => {
    // Far from the other tests' events (November 2026): twelve weeks up to Wednesday 16 June 2027.
    h.setNow(new Date('2027-06-16T12:00:00Z'));
    const monday = Date.parse('2027-06-14T00:00:00Z');
    const at = (weeksBack: number, hours = 10): Date => new Date(monday - weeksBack * 7 * DAY + hours * 3600_000);
    const rows = [
      // This week: two people ask three questions, two answered; a third person joins.
      { at: at(0), kind: 'question_asked', workspace_id: 'T1', person: 'slack:U1' },
      { at: at(0), kind: 'question_answered', workspace_id: 'T1', person: 'slack:U1' },
      { at: at(0, 20), kind: 'question_asked', workspace_id: 'T1', person: 'slack:U1' },
      { at: at(0, 30), kind: 'question_asked', workspace_id: 'T2', person: 'slack:U2' },
      { at: at(0, 30), kind: 'question_answered', workspace_id: 'T2', person: 'slack:U2' },
      { at: at(0, 40), kind: 'member_joined', workspace_id: 'T1', person: 'slack:U3' },
      // Two weeks ago: one question, not answered; an anonymous poll answer (nobody's name).
      { at: at(2), kind: 'question_asked', workspace_id: 'T1', person: 'slack:U1' },
      { at: at(2), kind: 'question_abstained', workspace_id: 'T1', person: 'slack:U1' },
      { at: at(2), kind: 'poll_answered', workspace_id: 'T2', person: null },
      // Eleven weeks ago (the first of the twelve), Sunday night: still that week.
      { at: new Date(monday - 11 * 7 * DAY + 6 * DAY + 23 * 3600_000), kind: 'question_asked', workspace_id: 'T1', person: 'slack:U4' },
      // Twelve weeks ago: outside the period.
      { at: at(12), kind: 'question_asked', workspace_id: 'T1', person: 'slack:U5' },
    ];
    await h.app.services.store.db
      .insertInto('usage_events')
      .values(rows.map((r) => ({ ...r, platform: 'slack', subject: null })))
      .execute();

    const usage = await call('GET', '/usage');
    expect(usage.status).toBe(200);
    const series = usage.body.series as { weeks: string[]; active: number[]; questions: number[]; answered: number[] };
    expect(series.weeks).toHaveLength(12);
    expect(series.weeks[0]).toBe('2027-03-29');
    expect(series.weeks[11]).toBe('2027-06-14');
    expect(series.active).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3]);
    expect(series.questions).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3]);
    expect(series.answered).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(usage.body.workspaces).toEqual([
      { platform: 'slack', workspaceId: 'T1', name: 'France', active: 3, questions: 4, answered: 1 },
      { platform: 'slack', workspaceId: 'T2', name: 'slack:T2', active: 1, questions: 1, answered: 1 },
    ]);
  });

});
