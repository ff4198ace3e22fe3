/**
 * A PDF page's text as lines: each line's text (cells set apart by a wide gap marked with
 * `CELL_GAP`), its baseline, its type size and where each of its cells stands.
 */

export interface Line {
  text: string;
  y: number;
  size: number;
  /** Where each cell of the line stands, left to right (when each could be told). */
  boxes?: Box[];
  /** A table already read as row lines (it replaces the lines it was read from). */
  rows?: string[];
}

export interface Box {
  left: number;
  right: number;
}

/** Marks a gap between two items of one line wide enough to be a column gap (a table's cells). */
export const CELL_GAP = '\ue012';

export function cellsOf(line: Line): string[] {
  return line.text.split(CELL_GAP).map((c) => c.trim());
}
