/**
 * Files built to explode, made at run time in milliseconds: deflate data that expands to any
 * number of megabytes is one compressed megabyte of spaces (a block ended by a sync flush, so
 * that blocks can follow each other) repeated, then closed. From it: a PDF whose page stream
 * expands to a gigabyte (plain, or wrapped in ASCIIHex so that only the parser sees the bomb), a
 * DOCX whose document expands to 2 GB, and a Markdown file of one 5 MB line.
 */
import { constants, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;
const SPACE = 0x20;

/** One megabyte of spaces as raw deflate blocks that end on a byte boundary (not final). */
const MEGABYTE_BLOCK = deflateRawSync(Buffer.alloc(MB, SPACE), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
/** An empty final block with fixed codes: the end of the deflate data. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** Raw deflate data expanding to `megabytes` MB of spaces. */
export function rawDeflateBomb(megabytes: number): Buffer {
  return Buffer.concat([...Array<Buffer>(megabytes).fill(MEGABYTE_BLOCK), FINAL_BLOCK]);
}

/** Adler-32 of `n` bytes all equal to `byte`, by formula: A = 1 + n·b, B = n + b·n(n+1)/2 (mod 65521). */
function adler32OfRepeated(byte: number, n: number): number {
  const mod = 65521n;
  const count = BigInt(n);
  const a = (1n + count * BigInt(byte)) % mod;
  const b = (count + ((count * (count + 1n)) / 2n) * BigInt(byte)) % mod;
  return Number((b << 16n) | a);
}

/** zlib data (as a PDF's FlateDecode holds) expanding to `megabytes` MB of spaces, checksum included. */
export function zlibBomb(megabytes: number): Buffer {
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adler32OfRepeated(SPACE, megabytes * MB));
  return Buffer.concat([Buffer.from([0x78, 0xda]), rawDeflateBomb(megabytes), checksum]);
}

/**
 * A one-page PDF whose content stream expands to `megabytes` MB. `hidden`: the stream is also
 * ASCIIHex-encoded (twice the size), which a check of Flate streams cannot expand: only the
 * parser meets the bomb, and the worker's memory watch has to stop it.
 */
export function pdfBomb(megabytes = 1024, hidden = false): Buffer {
  const zlib = zlibBomb(megabytes);
  const data = hidden ? Buffer.from(`${zlib.toString('hex')}>`, 'latin1') : zlib;
  const filter = hidden ? '[/ASCIIHexDecode /FlateDecode]' : '/FlateDecode';
  const head = [
    '%PDF-1.4',
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj',
    `4 0 obj\n<< /Length ${data.length} /Filter ${filter} >>\nstream\n`,
  ].join('\n');
  const tail = '\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from(tail, 'latin1')]);
}

/** The fields a ZIP's local header and its directory entry share: method, date, CRC (0), sizes, name length. */
function writeEntryFields(header: Buffer, at: number, compressed: number, expanded: number, nameLength: number): void {
  header.writeUInt16LE(8, at); // deflate
  header.writeUInt16LE(0x21, at + 4); // 1 January 1980
  header.writeUInt32LE(compressed, at + 10);
  header.writeUInt32LE(expanded >>> 0, at + 14);
  header.writeUInt16LE(nameLength, at + 18);
}

/** A ZIP of one deflated entry; its CRC is left at 0, as a bomb's may be (nothing reads that far). */
function zipOf(name: string, deflated: Buffer, expandedBytes: number): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  writeEntryFields(local, 8, deflated.length, expandedBytes, fileName.length);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  writeEntryFields(central, 10, deflated.length, expandedBytes, fileName.length);
  const directoryAt = local.length + fileName.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, fileName, deflated, central, fileName, end]);
}

/** A DOCX (a ZIP) whose `word/document.xml` expands to `megabytes` MB: 2 GB from about 2 MB. */
export function docxBomb(megabytes = 2048): Buffer {
  return zipOf('word/document.xml', rawDeflateBomb(megabytes), megabytes * MB);
}

/** A Markdown "document" of one line of `bytes` bytes (5 MB by default, just under the upload limit). */
export function oneLineMarkdown(bytes = 5 * MB - 1024): Buffer {
  return Buffer.from(`# One line\n\n${'word '.repeat(Math.floor(bytes / 5) - 3)}`);
}
