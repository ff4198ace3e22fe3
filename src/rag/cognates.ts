/**
 * Cognates across scripts: a Russian question's word that no document holds and no glossary entry
 * knows is often an international word — протокол, модуль, пилотный, конвенция — that the
 * documents write in Latin letters (protocole, module, pilote, convention). Written in Latin
 * letters by a scheme made for such words, and compared with the stems the documents hold, it
 * finds them: the same stem, or one a little longer that begins with it.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'c', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'sh',
  ъ: '', ы: 'i', ь: '', э: 'e', ю: 'u', я: 'ia',
};

/** Shorter stems than this are too often another word. */
export const COGNATE_MIN_CHARS = 5;
/** A document stem may be this much longer than the question's (pilotn → pilot, convent → convents). */
const COGNATE_MAX_EXTRA = 2;

/** Latin letters folded the way cognates differ in spelling (k/c, w/v, y/i, ph/f, doubled letters). */
export function foldLatin(stem: string): string {
  return stem
    .toLowerCase()
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/qu/g, 'c')
    .replace(/k/g, 'c')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    // Names carry sounds that the scripts spell apart: дж and a soft g (Джини, Gini; Аджа, Adja), гв and gu (Парагвай, Paraguay; Гватемала, Guatemala).
    .replace(/dzh|dj/g, 'j')
    .replace(/g(?=[ie])/g, 'j')
    .replace(/gu(?=[aeio])/g, 'gv')
    .replace(/(\p{L})\1/gu, '$1');
}

/** A Cyrillic stem in Latin letters, folded; undefined for a stem with other letters. */
export function latinOf(stem: string): string | undefined {
  if (!/^[\u0400-\u04ff]+$/.test(stem)) return undefined;
  return foldLatin([...stem].map((c) => CYRILLIC[c] ?? c).join(''));
}

/** Folded Latin stems of the documents, by their first five letters, for the look-up. */
export class CognateIndex {
  private readonly byPrefix = new Map<string, string[]>();

  /** Adds a document stem (Latin letters only; others are skipped). */
  add(stem: string): void {
    if (stem.length < COGNATE_MIN_CHARS - 1 || !/^[a-z]+$/.test(stem)) return;
    const key = foldLatin(stem).slice(0, COGNATE_MIN_CHARS - 1);
    const list = this.byPrefix.get(key);
    if (list) list.push(stem);
    else this.byPrefix.set(key, [stem]);
  }

  /** The document stems a Cyrillic stem may be a cognate of. */
  cognatesOf(stem: string): string[] {
    const latin = latinOf(stem);
    if (!latin || latin.length < COGNATE_MIN_CHARS - 1) return [];
    return (this.byPrefix.get(latin.slice(0, COGNATE_MIN_CHARS - 1)) ?? []).filter((candidate) => {
      const folded = foldLatin(candidate);
      // A short one (a name: Диоп, Diop) only as it is.
      if (latin.length < COGNATE_MIN_CHARS) return folded === latin;
      const [short, long] = folded.length <= latin.length ? [folded, latin] : [latin, folded];
      return short.length >= COGNATE_MIN_CHARS - 1 && long.startsWith(short) && long.length - short.length <= COGNATE_MAX_EXTRA;
    });
  }
}
