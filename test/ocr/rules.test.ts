// The image/ocr-* rules on readings as the engine gives them, with the real manifest, filing and
// image inspector: a misread never fails a check, a clear difference always does.
import { describe, expect, it } from 'vitest';
import { byRule, gathered } from '../images/helpers.js';
import { ocrRules } from '../../src/rules/ocr.js';
import type { OcrReading } from '../../src/facts/ocr/read.js';
import { checkUscc, usccCheckCharacter } from '../../src/facts/identity.js';
import type { RawFinding } from '../../src/model.js';

const A = '110101199003071233';
const B = '310104198511124567';
const CODE = '91110101MA00123450';
const front = (name: string, n: string): OcrReading => ({ lines: [`姓名${name}`, '性别男 民族汉', '住址示例省测试市样本区演示路1号', `公民身份号码 ${n}`], rotation: 0 });
const back = (validity: string): OcrReading => ({ lines: ['中华人民共和国', '居民身份证', '签发机关测试市公安局样本分局', `有效期限${validity}`], rotation: 0 });
const licence = (name: string, code: string): OcrReading => ({ lines: ['营业执照', `统一社会信用代码 ${code}`, `名称 ${name}`], rotation: 0 });

async function run(readings: Record<string, OcrReading>, principal: Record<string, unknown> = {}, certificate: Record<string, unknown> = {}): Promise<RawFinding[]> {
  const ctx = await gathered(
    {},
    {
      name: '测试市样本科技有限公司',
      certificate: { type: 'business-license', number: CODE, image: 'certificate.jpg', ...certificate },
      principal: { name: '王样本', id: { type: 'id-card', number: A, expires: '2036-03-01', front: 'id-front.jpg', back: 'id-back.jpg' }, ...principal },
    },
  );
  ctx.facts.ocr = new Map(Object.entries(readings));
  return ocrRules.flatMap((r) => r.check(ctx));
}

const statusOf = (fs: RawFinding[], rule: string) => byRule(fs, rule).map((f) => `${f.path} ${f.status}${f.key ? ` ${f.key}` : ''}`);
const MATCHING = {
  'entity.principal.id.front': front('王样本', A),
  'entity.principal.id.back': back('2016.03.01-2036.03.01'),
  'entity.certificate.image': licence('测试市样本科技有限公司', CODE),
};

describe('image/ocr-* rules', () => {
  it('pass every check when the images show what the manifest declares', async () => {
    const fs = await run(MATCHING);
    expect(fs.length).toBe(10);
    expect(fs.filter((f) => f.status !== 'pass')).toEqual([]);
  });

  it('produce nothing without --ocr', async () => {
    const ctx = await gathered({}, { principal: { name: '王样本' } });
    expect(ocrRules.flatMap((r) => r.check(ctx))).toEqual([]);
  });

  it("fail another person's card by its number, and leave the name to confirm", async () => {
    const fs = await run({ ...MATCHING, 'entity.principal.id.front': front('李测试', B) });
    expect(statusOf(fs, 'image/ocr-id-number')).toEqual(['entity.principal.id.number fail different']);
    expect(statusOf(fs, 'image/ocr-name')).toEqual(['entity.principal.name unknown']);
    // The report never carries the numbers.
    expect(JSON.stringify(byRule(fs, 'image/ocr-id-number'))).not.toMatch(/\d{6}/);
  });

  it('leave a number whose check digit fails as "could not read", never a mismatch', async () => {
    const misread = `${A.slice(0, 16)}4${A[17]}`;
    const fs = await run({ ...MATCHING, 'entity.principal.id.front': front('王样本', misread) });
    expect(statusOf(fs, 'image/ocr-id-number')).toEqual(['entity.principal.id.number unknown']);
  });

  it('fail a mistyped number in the manifest', async () => {
    const fs = await run(MATCHING, { id: { type: 'id-card', number: '110101199003072233', expires: '2036-03-01', front: 'id-front.jpg', back: 'id-back.jpg' } });
    expect(statusOf(fs, 'image/ocr-id-number')).toEqual(['entity.principal.id.number fail different']);
  });

  it('fail swapped sides, and still read the number from the side that shows it', async () => {
    const fs = await run({ ...MATCHING, 'entity.principal.id.front': MATCHING['entity.principal.id.back'], 'entity.principal.id.back': MATCHING['entity.principal.id.front'] });
    expect(statusOf(fs, 'image/ocr-id-side')).toEqual(['entity.principal.id.front fail swapped', 'entity.principal.id.back fail swapped']);
    expect(statusOf(fs, 'image/ocr-id-number')).toEqual(['entity.principal.id.number pass']);
  });

  it('compare the printed validity with id.expires, and only a validity a card can have', async () => {
    expect(
      statusOf(await run(MATCHING, { id: { type: 'id-card', number: A, expires: '2035-03-01', front: 'id-front.jpg', back: 'id-back.jpg' } }), 'image/ocr-id-validity'),
    ).toEqual(['entity.principal.id.expires fail different']);
    expect(statusOf(await run({ ...MATCHING, 'entity.principal.id.back': back('2016.03.01-2038.03.01') }), 'image/ocr-id-validity')).toEqual([
      'entity.principal.id.expires unknown',
    ]);
    expect(statusOf(await run({ ...MATCHING, 'entity.principal.id.back': back('2016.03.01-长期') }), 'image/ocr-id-validity')).toEqual([
      'entity.principal.id.expires fail different',
    ]);
    expect(statusOf(await run(MATCHING, { id: { type: 'id-card', number: A, front: 'id-front.jpg', back: 'id-back.jpg' } }), 'image/ocr-id-validity')).toEqual([
      'entity.principal.id.expires warn not-declared',
    ]);
  });

  it("fail another entity's credit code, and leave a code that fails its check open", async () => {
    const other = '91310104MA1234567';
    const fs = await run({ ...MATCHING, 'entity.certificate.image': licence('测试市演示网络有限公司', CODE.replace(/0$/, '1')) });
    expect(statusOf(fs, 'image/ocr-credit-code')).toEqual(['entity.certificate.number unknown']);
    expect(statusOf(fs, 'image/ocr-entity-name')).toEqual(['entity.name unknown']);
    const otherCode = `${other.slice(0, 17)}${usccCheckCharacter(other)}`;
    expect(checkUscc(otherCode).ok).toBe(true);
    const fs2 = await run({ ...MATCHING, 'entity.certificate.image': licence('测试市样本科技有限公司', otherCode) });
    expect(byRule(fs2, 'image/ocr-credit-code')).toMatchObject([{ status: 'fail', key: 'different', args: { read: otherCode, declared: CODE } }]);
  });

  it('say when nothing could be read, or the image is stored turned', async () => {
    const fs = await run({
      'entity.principal.id.front': { lines: ['a', 'b'], rotation: 0 },
      'entity.principal.id.back': { ...MATCHING['entity.principal.id.back'], rotation: 180 },
      'entity.certificate.image': { lines: [], rotation: 0, error: 'not a regular file' },
    });
    expect(statusOf(fs, 'image/ocr-read')).toEqual([
      'entity.certificate.image unknown unreadable',
      'entity.principal.id.front unknown no-text',
      'entity.principal.id.back warn turned',
    ]);
    // Nothing legible on the front: no number or name finding to mislead.
    expect(byRule(fs, 'image/ocr-id-number')).toEqual([]);
    expect(byRule(fs, 'image/ocr-credit-code')).toEqual([]);
  });

  it('check only mainland ID cards', async () => {
    const fs = await run(MATCHING, { id: { type: 'passport', number: 'E12345678', front: 'id-front.jpg', back: 'id-back.jpg' } });
    expect(byRule(fs, 'image/ocr-id-number')).toEqual([]);
    expect(byRule(fs, 'image/ocr-id-side')).toEqual([]);
  });
});
