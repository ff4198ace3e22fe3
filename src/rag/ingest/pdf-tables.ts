/**
 * Tables as a PDF sets them and PDF.js gives them back: labels wrapped over lines of their own,
 * rows with empty cells, a header of years one cell short of its rows.
 */
import { FIGURE_CELL } from './cell-lines.ts';
import { type Box, CELL_GAP, cellsOf, type Line } from './pdf-lines.ts';

/** A cell that is a year or a span of years ("2024", "2014-2015"). */
const YEAR_CELL = /^(?:19|20)\d{2}(?:\s?[-–/]\s?(?:19|20)?\d{2})?\*?$/;
const WRAPPED_LABEL_MAX_CHARS = 120;

/**
 * Rows of a table in which some cells are empty ("Denmark  218.8" under "Donor  2023  2024  2024
 * in-kind"): each figure is put under the column of the line above that it stands under (the
 * header's cell it overlaps, else the nearest), and the empty cells are kept, so the row lines up
 * with its header ("Denmark — 2023: 218.8") instead of reading its figures from the left.
 */
export function alignSparseRows(lines: Line[]): Line[] {
  const out = lines.slice();
  for (let i = 0; i < out.length; i++) {
    const header = out[i] as Line;
    const columns = cellsOf(header);
    if (!header.boxes || columns.length < 3) continue;
    const filled = columns.flatMap((c, k) => (c ? [k] : []));
    for (let j = i + 1; j < out.length; j++) {
      const row = out[j] as Line;
      const cells = cellsOf(row);
      if (cells.length === columns.length) continue;
      const [label = '', ...figures] = cells;
      if (!row.boxes || cells.length < 2 || cells.length > columns.length || !/\p{L}/u.test(label) || !figures.every((c) => FIGURE_CELL.test(c))) break;
      const placed = columns.map((_, k) => (k === 0 ? label : ''));
      const fits = figures.every((cell, k) => {
        const box = row.boxes?.[k + 1] as Box;
        let best = -1;
        let bestScore = -Infinity;
        filled.forEach((col, m) => {
          const under = header.boxes?.[m];
          if (col === 0 || !under) return;
          const overlap = Math.min(box.right, under.right) - Math.max(box.left, under.left);
          const score = overlap > 0 ? overlap : -Math.abs(box.left + box.right - under.left - under.right);
          if (score > bestScore) [best, bestScore] = [col, score];
        });
        if (best < 1 || placed[best]) return false;
        placed[best] = cell;
        return true;
      });
      if (!fits) break;
      out[j] = { ...row, text: placed.join(CELL_GAP), boxes: undefined };
    }
  }
  return out;
}

/** A line ending on a word that ends no label ("…Scientific and") goes on on the next. */
export const LABEL_GOES_ON = /(?:^|\s)(?:and|of|for|the|on|in|to|de|des|du|la|le|les|et|y|del|los|las|en|para|и|в|на|для|по)$/iu;
/** A label set in a narrow column runs over this many lines at most. */
const WRAPPED_LABEL_LINES = 8;

/**
 * A table of figures by year set in a PDF as a header of years and rows of a label and figures,
 * where the label column is narrow: the label comes first, word after word on lines of its own,
 * then its figures on the baseline of the label's first line ("Independent" / "Evaluation" /
 * "Office" / "expenditures", then "8.7 10.9 11.2 …"). The label's lines and the figures become one
 * line; and the header, which has no cell above the labels, gets an empty one, so that the rows
 * line up under it.
 */
export function joinWrappedRows(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const figures = cellsOf(line);
    const isFigures = figures.length >= 2 && figures.every((c) => FIGURE_CELL.test(c)) && !figures.every((c) => YEAR_CELL.test(c));
    let first = -1;
    for (let k = out.length - 1; isFigures && k >= 0 && k >= out.length - WRAPPED_LABEL_LINES; k--) {
      const above = out[k] as Line;
      if (cellsOf(above).length !== 1 || !/\p{L}/u.test(above.text) || above.text.length > WRAPPED_LABEL_MAX_CHARS) break;
      if (Math.abs(above.y - line.y) < 0.5 * line.size) first = k;
    }
    if (first < 0) {
      out.push(line);
      continue;
    }
    const labelLines = out.splice(first);
    const label = labelLines.map((l) => l.text).join(' ');
    const labelBox = labelLines.every((l) => l.boxes?.length === 1) ? { left: Math.min(...labelLines.map((l) => l.boxes?.[0]?.left ?? 0)), right: Math.max(...labelLines.map((l) => l.boxes?.[0]?.right ?? 0)) } : undefined;
    out.push({ ...line, text: `${label}${CELL_GAP}${line.text}`, ...(labelBox && line.boxes ? { boxes: [labelBox, ...line.boxes] } : { boxes: undefined }) });
  }
  // A label wrapped the other way: its first line alone, the rest of it on the line of its figures ("Office of the United Nations High Commissioner" / "for Refugees  20.0").
  for (let i = out.length - 1; i > 0; i--) {
    const line = out[i] as Line;
    const above = out[i - 1] as Line;
    const [head, ...figures] = cellsOf(line);
    const continues = head !== undefined && (/^\p{Ll}/u.test(head) || LABEL_GOES_ON.test(above.text)) && figures.length > 0 && figures.every((c) => FIGURE_CELL.test(c));
    if (!continues || cellsOf(above).length !== 1 || /\d$|[.:;]$/.test(above.text) || Math.abs(above.y - line.y) > 2 * line.size) continue;
    const boxes = line.boxes && above.boxes ? [{ left: Math.min(above.boxes[0]?.left ?? 0, line.boxes[0]?.left ?? 0), right: Math.max(above.boxes[0]?.right ?? 0, line.boxes[0]?.right ?? 0) }, ...line.boxes.slice(1)] : undefined;
    out.splice(i - 1, 2, { ...line, text: `${above.text} ${line.text}`, ...(boxes ? { boxes } : { boxes: undefined }) });
  }
  // A header of years one cell short of the rows below it stands over their figures, not their labels.
  return out.map((line, i) => {
    const cells = cellsOf(line);
    const below = out[i + 1] ? cellsOf(out[i + 1] as Line) : [];
    return cells.length >= 2 && cells.every((c) => YEAR_CELL.test(c)) && below.length === cells.length + 1 && below.slice(1).every((c) => FIGURE_CELL.test(c)) ? { ...line, text: `${CELL_GAP}${line.text}` } : line;
  });
}
