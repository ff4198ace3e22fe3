/**
 * Tables copied out of a PDF one cell per line with every record the same shape — a name, a count
 * or a currency code on its own line, then the figures — under a header of one line per column
 * (some wrapped over two lines): each record becomes a row whose cells are named by their own
 * column; a page break that repeats the header, a cell left empty ("–") and a total's row keep the
 * table whole; prose after the table, with figures of its own, does not join it.
 */
import { describe, expect, it } from 'vitest';
import { closedRecordTables } from '../../../src/rag/ingest/closed-records.ts';
import { BY_COUNTRY, PLEDGES } from '../../support/fund-tables.ts';



describe('a table of one cell per line, every record the same shape', () => {
  it('names each cell by its own column, across a page break, with an empty cell kept', () => {
    const [table, ...others] = closedRecordTables(BY_COUNTRY);
    expect(others).toEqual([]);
    expect(table?.rows).toEqual([
      'Bolivia — Number of Grants: 2; Grant Amount: 949,811.47; Disbursements: 612,000.00',
      'Chad — Number of Grants: 1; Grant Amount: 300,000.00; Disbursements: 281,299.41',
      'Laos — Number of Grants: 3; Grant Amount: 1,774,804.08; Disbursements: –',
      'Mali — Number of Grants: 1; Grant Amount: 4,587,500.00; Disbursements: 4,341,355.47',
      'Peru — Number of Grants: 4; Grant Amount: 833,460.85; Disbursements: 696,687.18',
    ]);
  });

  it('joins wrapped titles and headers, keeps the currency as a cell and ends with the total, before the prose', () => {
    const [table, ...others] = closedRecordTables(PLEDGES);
    expect(others).toEqual([]);
    expect(table?.rows).toEqual([
      'Norway—Ministry of Foreign Affairs — Currency: NOK; Amount in Contribution Currency: 120,000,000; Paid in US$: 15,309,737',
      'Spain—Ministry of Economy — Currency: EUR; Amount in Contribution Currency: 1,600,000; Paid in US$: 1,877,999',
      'Italy—Ministry of Economy and Finance — Currency: EUR; Amount in Contribution Currency: 5,000,000; Paid in US$: 5,596,565',
      'Total — Paid in US$: 60,195,599',
    ]);
    expect(PLEDGES.slice(table?.end)[0]).toMatch(/^Source:/);
  });
});
