/**
 * The Teams app package: the zip's five files at its root, placeholders replaced, icons that are
 * real PNGs of the sizes Teams asks for, and clear refusals of a malformed app id or domain.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCENT_COLOR, colorIcon, crc32, outlineIcon, pngSize } from '../../../adapters/teams/icons.ts';
import { type TeamsPackageSummary, validateDomain, writeTeamsPackage } from '../../../adapters/teams/package.ts';
import { ForumError } from '../../../src/core/errors.ts';

const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const DOMAIN = 'forum.example.org';
const ENTRIES = ['manifest.json', 'color.png', 'outline.png', 'fr.json', 'es.json'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const dir = mkdtempSync(path.join(tmpdir(), 'ta-forum-teams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Decodes the PNGs our encoder writes (8-bit RGBA, filter type None); checks every chunk's CRC. */
function decode(png: Buffer): { width: number; height: number; colorType: number; pixel: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length), `${type.toString('latin1')} CRC`).toBe(crc32(type, body));
    if (type.toString('latin1') === 'IHDR') header = body;
    if (type.toString('latin1') === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colorType = header[9] ?? -1;
  expect(header[8]).toBe(8);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4 + 1;
  expect(raw.length).toBe(stride * height);
  for (let y = 0; y < height; y++) expect(raw[y * stride]).toBe(0);
  return { width, height, colorType, pixel: (x, y) => [...raw.subarray(y * stride + 1 + x * 4, y * stride + 1 + x * 4 + 4)] };
}

describe('writeTeamsPackage', () => {
  const outFile = path.join(dir, 'nested', 'folder', 'ta-forum-teams.zip');
  let summary: TeamsPackageSummary;
  beforeAll(async () => {
    summary = await writeTeamsPackage({ appId: APP_ID, domain: DOMAIN, outFile });
  });

  it('writes the five files at the zip root, creating its folder, and returns a summary', async () => {
    expect(summary).toEqual({ file: path.resolve(outFile), bytes: statSync(outFile).size, entries: ENTRIES });
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual([...ENTRIES].sort());
  });

  it('replaces every placeholder: app id, bot id, message action, consent, domain, developer URLs', async () => {
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    for (const name of ['manifest.json', 'fr.json', 'es.json']) {
      const text = (await zip.file(name)?.async('string')) ?? '';
      expect(text, name).not.toContain('{{');
      expect(() => JSON.parse(text) as unknown, name).not.toThrow();
    }
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as {
      id: string;
      bots: { botId: string }[];
      composeExtensions: { botId: string }[];
      webApplicationInfo: { id: string; resource: string };
      validDomains: string[];
      developer: Record<string, string>;
    };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.composeExtensions[0]?.botId).toBe(APP_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://${DOMAIN}/${APP_ID}` });
    expect(manifest.validDomains).toEqual([DOMAIN]);
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(new URL(manifest.developer[key] ?? '').host).toBe(DOMAIN);
  });

  it('ships a full opaque 192×192 colour icon and a 32×32 outline icon, white on transparent, edge to edge', async () => {
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    const color = (await zip.file('color.png')?.async('nodebuffer')) ?? Buffer.alloc(0);
    const outline = (await zip.file('outline.png')?.async('nodebuffer')) ?? Buffer.alloc(0);
    expect(color.equals(colorIcon())).toBe(true);
    expect(outline.equals(outlineIcon())).toBe(true);
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });

    // The outline icon: every pixel white and fully opaque, or fully transparent; the drawing
    // touches all four edges (no padding).
    const o = decode(outline);
    expect(o.colorType).toBe(6); // RGBA
    let opaque = 0;
    const touches = { top: false, bottom: false, left: false, right: false };
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = o.pixel(x, y);
        expect([0, 255], `alpha of pixel ${x},${y}`).toContain(a);
        if (a !== 255) continue;
        expect([r, g, b], `pixel ${x},${y} is white`).toEqual([255, 255, 255]);
        opaque++;
        touches.top ||= y === 0;
        touches.bottom ||= y === 31;
        touches.left ||= x === 0;
        touches.right ||= x === 31;
      }
    }
    expect(touches).toEqual({ top: true, bottom: true, left: true, right: true });
    expect(opaque).toBeGreaterThan(150);
    expect(opaque).toBeLessThan(32 * 32 - 150);

    // The colour icon: a full square, every pixel fully opaque, its corners in the accent colour.
    const c = decode(color);
    expect(c.colorType).toBe(6);
    const accent = [1, 3, 5].map((i) => Number.parseInt(ACCENT_COLOR.slice(i, i + 2), 16));
    for (let y = 0; y < 192; y++) {
      for (let x = 0; x < 192; x++) expect(c.pixel(x, y)[3], `alpha of pixel ${x},${y}`).toBe(255);
    }
    for (const [x, y] of [[0, 0], [191, 0], [0, 191], [191, 191]] as const) expect(c.pixel(x, y), `corner ${x},${y}`).toEqual([...accent, 255]);
    expect(c.pixel(96, 30)).toEqual([...accent, 255]); // the square, above the bubble
    expect(c.pixel(52, 60)).toEqual([255, 255, 255, 255]); // the bubble, above the letters
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = path.join(dir, 'again.zip');
    await writeTeamsPackage({ appId: APP_ID, domain: DOMAIN, outFile: again });
    expect(readFileSync(again).equals(readFileSync(outFile))).toBe(true);
  });

  it.each(['', 'not-a-guid', '0f8fad5b-d9cb-469f-a165-70867728950', '{0f8fad5b-d9cb-469f-a165-70867728950e}', `${APP_ID}x`])(
    'refuses the app id %j, naming --app-id',
    async (appId) => {
      const file = path.join(dir, 'refused-app-id.zip');
      const error = await writeTeamsPackage({ appId, domain: DOMAIN, outFile: file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForumError);
      expect((error as ForumError).code).toBe('bad_request');
      expect((error as ForumError).message).toMatch(/^--app-id must be the bot's Microsoft App ID, a GUID/);
      expect(existsSync(file)).toBe(false);
    },
  );

  it.each([
    ['https://forum.example.org', true],
    ['forum.example.org/api/messages', true],
    ['forum.example.org:443', true],
    ['localhost', false],
    ['', false],
    ['forum example.org', false],
    ['-forum.example.org', false],
    ['192.168.1.10', false],
  ])('refuses the domain %j, naming --domain', async (domain, hint) => {
    const file = path.join(dir, 'refused-domain.zip');
    const error = await writeTeamsPackage({ appId: APP_ID, domain, outFile: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForumError);
    expect((error as ForumError).code).toBe('bad_request');
    expect((error as ForumError).message).toMatch(/^--domain must be the bare host name the bot is served on/);
    expect((error as ForumError).message.includes('Leave out "https://"')).toBe(hint);
    expect(existsSync(file)).toBe(false);
  });

  it('accepts tunnel and upper-case host names, in lower case', () => {
    expect(validateDomain('Forum.Example.ORG')).toBe('forum.example.org');
    expect(validateDomain('abc-123.ngrok-free.app')).toBe('abc-123.ngrok-free.app');
  });
});

describe('pngSize', () => {
  it('refuses what is not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a, not a PNG at all'))).toThrow('not a PNG file');
  });
});
