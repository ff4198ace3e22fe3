/**
 * Fields and their values that a PDF's text gives on two lines — a cover page's box, a form:
 *
 *   Evaluator:             Project Budget
 *   Jesper Christiansen    US$ 151,200,000
 *
 * Each becomes one line of a two-column table ("Evaluator — Jesper Christiansen"), so the value is
 * found and quoted with what it is. A label that ends with a colon says so by itself; without the
 * colon, only a run of such pairs, each its own paragraph, does. A signature — a name, then the
 * position under it — becomes "position — name".
 */
import { ENDS_SENTENCE, groupsFrom } from './records.ts';

/** As `rowLine` writes a pair row (layout.ts, which reads this module: the one string is not imported back). */
const ROW_LABEL_SEPARATOR = ' — ';
const MAX_LABEL_CHARS = 50;
const MAX_LABEL_WORDS = 8;
const MAX_VALUE_CHARS = 100;
/** Pairs without a colon are a box of fields only this many in a row. */
const MIN_BARE_RUN = 3;

const words = (line: string): number => line.split(/\s+/).length;
const isColonLabel = (line: string): boolean => line.length <= MAX_LABEL_CHARS && /[:：]$/.test(line) && /\p{L}{2}/u.test(line) && words(line) <= MAX_LABEL_WORDS;
const isBareLabel = (line: string): boolean => line.length <= MAX_LABEL_CHARS && /^\p{Lu}/u.test(line) && !ENDS_SENTENCE.test(line) && !/[:：]$/.test(line) && words(line) <= MAX_LABEL_WORDS && !line.includes(ROW_LABEL_SEPARATOR.trim());
/** A value: short, no label itself, and not the rest of a sentence (which goes on in lower case; an address may be one word in it). */
const isValue = (line: string): boolean => line.length <= MAX_VALUE_CHARS && !/[:：]$/.test(line) && !line.includes(' | ') && !/^[-•*–]\s/.test(line) && (!/^\p{Ll}/u.test(line) || !/\s/.test(line));

/** A person's name on a line of its own: two to five capitalised words (particles allowed), no figure. */
const NAME_LINE = /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:de|da|do|dos|del|de la|di|du|van|von|der|bin|ibn|al|el|le|la)\s+)?\p{Lu}[\p{L}'’.-]+){1,4}$/u;
/** Words of a position that a signature gives under the name ("Resident Representative", "Directrice exécutive"). */
const ROLE_WORD =
  /(?<![\p{L}])(?:representative|représentant\p{L}*|representante|director\p{L}*|directeur|directrice|coordinat\p{L}*|coordonnat\p{L}*|coordinador\p{L}*|minister|ministre|ministr[oa]|chair\p{L}*|président\p{L}*|presidente|head|chef|jef[ea]|secretary|secrétaire|secretari[oa]|officer|chargée?|oficial|advis[eo]r|conseill\p{L}*|asesor\p{L}*|manager|gerente|ambassad\p{L}*|embajador\p{L}*|deputy|adjoint\p{L}*|adjunt[oa]|evaluat\p{L}*|évaluat\p{L}*|evaluador\p{L}*|consultant\p{L}*|consultor\p{L}*|chairperson|rector|recteur)(?![\p{L}])/iu;
const MAX_ROLE_CHARS = 80;
const isSignature = (name: string, role: string): boolean => NAME_LINE.test(name) && role.length <= MAX_ROLE_CHARS && /^\p{Lu}/u.test(role) && !/\d/.test(role) && !ENDS_SENTENCE.test(role) && ROLE_WORD.test(role);

/** `lines` with each field and its value on one line, "label — value". */
export function joinFieldPairs(lines: string[]): string[] {
  const groups = groupsFrom(lines, 0).map((g) => ({ ...g, lines: g.lines.map((l) => l.trim()) }));
  // Which groups are a pair: [label, value], as a group of two lines.
  const colon = groups.map((g) => g.lines.length === 2 && isColonLabel(g.lines[0] as string) && isValue(g.lines[1] as string));
  const bare = groups.map((g) => g.lines.length === 2 && isBareLabel(g.lines[0] as string) && isValue(g.lines[1] as string));
  const take = colon.slice();
  for (let k = 0; k < groups.length; ) {
    let end = k;
    while (end < groups.length && (bare[end] || colon[end])) end++;
    if (end - k >= MIN_BARE_RUN) for (let j = k; j < end; j++) take[j] = true;
    k = Math.max(end, k + 1);
  }
  // A signature: the name, then the position under it ("Njoya Tikum" / "Représentant Résident ai"): the position names the person.
  const signed = groups.map((g) => g.lines.length === 2 && isSignature(g.lines[0] as string, g.lines[1] as string));
  if (!take.includes(true) && !signed.includes(true)) return lines;
  const out = lines.slice();
  groups.forEach((g, k) => {
    if (!take[k] && !signed[k]) return;
    const [first, second] = g.lines as [string, string];
    out[g.start] = signed[k] ? `${second}${ROW_LABEL_SEPARATOR}${first}` : `${first.replace(/\s*[:：]$/, '')}${ROW_LABEL_SEPARATOR}${second}`;
    out[g.start + 1] = '';
  });
  return out;
}
