/**
 * Word documents: mammoth turns the body into HTML (paragraph styles Heading 1..4 become h1..h4),
 * and the HTML parser makes the sections, so headings build heading paths and tables come out as
 * rows. The title is the document's core property (`docProps/core.xml`), else the first heading 1.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ForumError } from '../../core/errors.ts';
import type { ParsedDocument } from '../types.ts';
import { parseHtml } from './parse-html.ts';
import { normalizeText } from './parse-text.ts';

const STYLE_MAP = [
  // The document's own title and subtitle paragraphs are text, not sections of their own.
  "p[style-name='Title'] => p:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

/** Images are left out: their bytes are no use to a text index, and inlining them is slow. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function parseDocx(bytes: Uint8Array): Promise<ParsedDocument> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new ForumError('bad_request', 'not a valid DOCX', { cause: error });
  }
  if (!zip.file('word/document.xml')) throw new ForumError('bad_request', 'not a valid DOCX');
  const result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage: NO_IMAGES }).catch((error: unknown) => {
    throw new ForumError('bad_request', 'not a valid DOCX', { cause: error });
  });
  const parsed = parseHtml(result.value, 'docx');
  const title = await coreTitle(zip);
  return { ...parsed, title: title ?? parsed.title };
}

/** `<dc:title>` from the core properties, when the document has one. */
async function coreTitle(zip: JSZip): Promise<string | undefined> {
  const xml = await zip.file('docProps/core.xml')?.async('string');
  const raw = xml ? /<dc:title(?:\s[^>]*)?>([\s\S]*?)<\/dc:title>/.exec(xml)?.[1] : undefined;
  if (!raw) return undefined;
  return normalizeText(decodeXml(raw)).replace(/\s+/g, ' ') || undefined;
}

function decodeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}
