// The image and document rules on facts the real inspector gathered from real files.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imageReferences } from '../../src/facts/images.js';
import { imageRules } from '../../src/rules/image.js';
import type { RawFinding } from '../../src/model.js';
import { makeGif, makeJpeg, MB } from '../../scripts/make-images.mjs';
import { byRule, FIXTURE_IMAGES, gathered, manifestWith } from './helpers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'icp-image-rules-'));
  await writeFile(path.join(dir, 'cert-204800.jpg'), makeJpeg({ width: 300, height: 200, padTo: 204800 }));
  await writeFile(path.join(dir, 'cert-204801.jpg'), makeJpeg({ width: 300, height: 200, padTo: 204801 }));
  await writeFile(path.join(dir, 'cert.gif'), makeGif({ width: 700, height: 500 }));
  await writeFile(path.join(dir, 'under-4mb.jpg'), makeJpeg({ width: 600, height: 400, padTo: 4 * MB - 1 }));
  await writeFile(path.join(dir, 'over-4mb.jpg'), makeJpeg({ width: 600, height: 400, padTo: 4 * MB + 1 }));
  await writeFile(path.join(dir, 'exactly-4mb.jpg'), makeJpeg({ width: 600, height: 400, padTo: 4 * MB }));
  await mkdir(path.join(dir, 'scans'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.jpg')]);
  await symlink('deleted.jpg', path.join(dir, 'dangling.jpg'));
  await copyFile(path.join(FIXTURE_IMAGES, 'photo.jpg'), path.join(dir, 'photo.jpg'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(extra: Record<string, unknown>, entity: Record<string, unknown> = {}, at = FIXTURE_IMAGES, date?: string): Promise<RawFinding[]> {
  const ctx = await gathered(extra, entity, at, date);
  return imageRules.flatMap((r) => r.check(ctx));
}

const docs = (...files: string[]) => ({ documents: files.map((file) => ({ kind: 'authenticity-statement', file })) });
const statusOf = (findings: RawFinding[], rule: string) => byRule(findings, rule).map((f) => [f.status, f.key ?? f.status]);

describe('image rules', () => {
  test.each(['photo.jpg', 'photo.jpeg', 'photo.png', 'photo.gif'])('%s: accepted type, extension agrees, under 4 MB, intact', async (file) => {
    const f = await run(docs(file));
    expect(statusOf(f, 'image/readable')).toEqual([['pass', 'pass']]);
    expect(statusOf(f, 'image/format')).toEqual([['pass', 'pass']]);
    expect(statusOf(f, 'image/extension-matches-content')).toEqual([['pass', 'pass']]);
    expect(statusOf(f, 'image/file-size')).toEqual([['pass', 'pass']]);
    expect(statusOf(f, 'image/intact')).toEqual([['pass', 'pass']]);
    // The fixtures are small on purpose; only the size heuristic may speak up.
    expect(f.filter((x) => x.status !== 'pass' && x.rule !== 'image/small-dimensions')).toEqual([]);
  });

  test('a PDF named .jpg fails as a PDF, and its name disagrees with it', async () => {
    const f = await run(docs('document.pdf.jpg'));
    expect(byRule(f, 'image/format')).toMatchObject([{ status: 'fail', key: 'wrong-type', path: 'documents[0].file', args: { actual: 'PDF', file: 'document.pdf.jpg' } }]);
    expect(byRule(f, 'image/extension-matches-content')).toMatchObject([{ status: 'fail', args: { ext: 'jpg', actual: 'PDF' } }]);
  });

  test('a PNG named .jpg is an accepted type whose name disagrees', async () => {
    const f = await run(docs('png-named.jpg'));
    expect(statusOf(f, 'image/format')).toEqual([['pass', 'pass']]);
    expect(byRule(f, 'image/extension-matches-content')).toMatchObject([{ status: 'fail', args: { ext: 'jpg', actual: 'PNG', expected: 'png' } }]);
  });

  test.each([
    ['under-4mb.jpg', 'pass'],
    ['exactly-4mb.jpg', 'fail'],
    ['over-4mb.jpg', 'fail'],
  ])('%s: size %s', async (file, status) => {
    const f = await run(docs(file), {}, dir);
    expect(byRule(f, 'image/file-size')).toMatchObject([{ status, args: { max: 4 * MB } }]);
  });

  test.each([
    ['cert-204800.jpg', [['fail', 'too-small']]],
    ['cert-204801.jpg', [['pass', 'pass']]],
    ['cert.gif', [['fail', 'type']]],
  ])('entity certificate %s', async (file, expected) => {
    const f = await run({}, { certificate: { type: 'business-license', number: '91440300MA5XXXXXXX', image: file } }, dir);
    expect(statusOf(f, 'image/entity-certificate')).toEqual(expected);
  });

  test('the certificate rule is for organisations only', async () => {
    const f = await run({}, { type: 'individual', certificate: { type: 'id-card', number: '440305199001011234', image: 'cert-204800.jpg' } }, dir);
    expect(byRule(f, 'image/entity-certificate')).toEqual([]);
  });

  test('a truncated JPEG is damaged', async () => {
    const f = await run(docs('truncated.jpg'));
    expect(byRule(f, 'image/intact')).toMatchObject([{ status: 'fail', key: 'truncated' }]);
  });

  test.each([
    ['empty.jpg', FIXTURE_IMAGES, 'empty'],
    ['scans', 'tmp', 'directory'],
    ['pipe.jpg', 'tmp', 'fifo'],
    ['dangling.jpg', 'tmp', 'dangling-link'],
    ['nowhere/at-all.jpg', 'tmp', 'missing'],
  ])('%s is not a usable file (%s)', async (file, where, key) => {
    const f = await run(docs(file), {}, where === 'tmp' ? dir : where);
    expect(byRule(f, 'image/readable')).toMatchObject([{ status: 'fail', key, path: 'documents[0].file', args: { file } }]);
    // Nothing else is judged about a file that cannot be read.
    expect(f.filter((x) => x.rule !== 'image/readable' && x.rule !== 'image/outside-manifest-folder')).toEqual([]);
  });

  test.each([
    ['id-back.jpg', 'pass', undefined],
    ['id-back-square.jpg', 'fail', 'aspect'],
    ['id-back-small.jpg', 'warn', 'size'],
  ])('front id-front.jpg with back %s: %s', async (back, status, key) => {
    const f = await run({}, { principal: { name: '张三', id: { type: 'id-card', number: '440305199001011234', front: 'id-front.jpg', back } } });
    const ratio = byRule(f, 'image/front-back-ratio');
    expect(ratio).toMatchObject([{ status, path: 'entity.principal.id' }]);
    if (key) expect(ratio[0]!.key).toBe(key);
  });

  test('front and back of a separate website administrator are compared too', async () => {
    const admin = { name: '李四', id: { type: 'id-card', number: '44030519920202567X', front: 'id-front.jpg', back: 'id-back-square.jpg' } };
    const f = await run({ websites: [{ name: '示例网站', domains: ['example.com'], admin }] });
    expect(byRule(f, 'image/front-back-ratio')).toMatchObject([{ status: 'fail', path: 'websites[0].admin.id' }]);
  });

  test('very small dimensions warn, and say it is a heuristic', async () => {
    const f = await run(docs('tiny.png', 'photo.jpg'));
    const small = byRule(f, 'image/small-dimensions');
    expect(small).toMatchObject([{ status: 'warn', path: 'documents[0].file', args: { width: 40, height: 30 } }]);
    const meta = imageRules.find((r) => r.id === 'image/small-dimensions')!;
    expect(meta.messages.warn!.message.en).toMatch(/not a published limit/);
    expect(meta.explain.en).toMatch(/heuristic/i);
  });

  test('a file outside the manifest folder is info', async () => {
    const f = await run(docs(path.join(FIXTURE_IMAGES, 'photo.jpg'), 'photo.jpg'), {}, dir);
    expect(byRule(f, 'image/outside-manifest-folder')).toMatchObject([{ status: 'info', path: 'documents[0].file' }]);
  });
});

describe('document rules', () => {
  test.each([
    ['2026-11-27', 'fail'],
    ['2026-11-26', 'pass'],
    ['2026-10-01', 'pass'],
  ])('issued %s on 2026-11-26: %s', async (issued, status) => {
    const f = await run({ documents: [{ kind: 'power-of-attorney', for: 'admin', file: 'photo.jpg', issued }] });
    expect(byRule(f, 'document/issued-in-future')).toMatchObject([{ status, path: 'documents[0].issued' }]);
  });
});

describe('imageReferences', () => {
  test("lists every file reference under its manifest path, the principal's documents once", () => {
    const person = (n: string) => ({ name: n, id: { type: 'id-card', number: '1', front: `${n}-f.jpg`, back: `${n}-b.jpg` }, residencePermit: `${n}-rp.jpg` });
    const m = manifestWith(
      {
        websites: [
          { name: 'a', domains: ['a.com'], admin: 'principal', preApprovals: [{ type: 'news', image: 'news.jpg' }] },
          { name: 'b', domains: ['b.com'], admin: person('admin') },
        ],
        documents: [
          { kind: 'power-of-attorney', file: 'poa.jpg' },
          { kind: 'authenticity-statement', reuse: { orderCompleted: '2026-10-15', orderKind: 'new' } },
        ],
      },
      { certificate: { type: 'business-license', number: 'x', image: 'licence.jpg' }, principal: person('p'), legalRepresentative: person('lr') },
    );
    expect(imageReferences(m).map((r) => `${r.path}=${r.written}:${r.role}`)).toEqual([
      'entity.certificate.image=licence.jpg:entity-certificate',
      'entity.principal.id.front=p-f.jpg:id-front',
      'entity.principal.id.back=p-b.jpg:id-back',
      'entity.principal.residencePermit=p-rp.jpg:residence-permit',
      'entity.legalRepresentative.id.front=lr-f.jpg:id-front',
      'entity.legalRepresentative.id.back=lr-b.jpg:id-back',
      'entity.legalRepresentative.residencePermit=lr-rp.jpg:residence-permit',
      'websites[0].preApprovals[0].image=news.jpg:pre-approval:news',
      'websites[1].admin.id.front=admin-f.jpg:id-front',
      'websites[1].admin.id.back=admin-b.jpg:id-back',
      'websites[1].admin.residencePermit=admin-rp.jpg:residence-permit',
      'documents[0].file=poa.jpg:power-of-attorney',
    ]);
  });
});

describe('rule catalogue', () => {
  test('every image and document rule has an id in its area, a source and both languages', () => {
    for (const r of imageRules) {
      expect(r.id).toMatch(/^(image|document)\/[a-z0-9-]+$/);
      expect(r.source.length).toBeGreaterThan(0);
      for (const t of [r.title, r.explain, ...Object.values(r.messages).flatMap((m) => [m.message, ...(m.fix ? [m.fix] : [])])]) {
        expect(t.en.length).toBeGreaterThan(0);
        expect(t.zh.length).toBeGreaterThan(0);
      }
    }
  });
});
