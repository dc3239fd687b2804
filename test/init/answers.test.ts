// `icp-check init --answers answers.json`: the same answers without prompts, checked the same way,
// and the file rules (no silent overwrite, no input terminal) of the command.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { parseDocument } from 'yaml';
import { parseAnswers } from '../../src/init/answers.js';
import { runInit, type InitDependencies } from '../../src/commands/init.js';
import { defaultLang as langFromEnv } from '../../src/commands/options.js';
import { manifestSchema } from '../../src/manifest/schema.js';
import { ACME_USCC, ACME_USCC_WRONG, LI_ID, ZHANG_ID, ZHANG_ID_WRONG } from './samples.js';

const TODAY = '2026-11-26';

function enterpriseAnswers(): Record<string, any> {
  return {
    province: '广东',
    entity: {
      type: 'enterprise',
      name: '深圳市示例科技有限公司',
      certificate: { number: ACME_USCC, expires: 'long-term' },
      address: '广东省深圳市南山区科技园路1号',
      legalRepresentative: { name: '张三' },
      principal: { name: '张三', id: { type: 'id-card', number: ZHANG_ID, expires: '2031-05-01' }, mobile: '138 0013 8000', email: 'zhangsan@example.com' },
    },
    websites: [
      {
        name: '示例科技官网',
        domains: ['example.com', 'EXAMPLE.cn'],
        remarks: 'The domain names direct to the same website',
        admin: { name: '李四', id: { type: 'id-card', number: LI_ID }, mobile: '13900139000', email: 'lisi@example.com' },
      },
      { name: '示例科技帮助中心', domains: ['example-help.com'] },
    ],
    instances: [{ id: 'i-wz9exampleecs01', product: 'ecs', region: 'cn-shenzhen', billing: 'subscription', expires: '2027-09-30', publicBandwidthMbps: 5, serviceNumbersUsed: 0 }],
  };
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

function io(): InitDependencies & { out: Sink; err: Sink } {
  const out = new Sink();
  const err = new Sink();
  // A pipe, not a terminal: what a CI job gives.
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  return { stdin, stdout: out, stderr: err, out, err, today: TODAY };
}

function workdir(answers?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-init-answers-'));
  if (answers !== undefined) writeFileSync(join(dir, 'answers.json'), JSON.stringify(answers));
  return dir;
}

describe('answers file', () => {
  it('accepts a complete enterprise and normalises what it can', () => {
    const r = parseAnswers(enterpriseAnswers(), TODAY);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.answers.province).toBe('guangdong');
    expect(r.answers.filing).toBe('new');
    expect(r.answers.entity.certificate).toMatchObject({ type: 'business-license', number: ACME_USCC });
    expect(r.answers.entity.principal.mobile).toBe('13800138000');
    expect(r.answers.websites[0]!.domains).toEqual(['example.com', 'example.cn']);
    expect(r.answers.websites[1]!.admin).toBe('principal');
    expect(r.answers.websites.map((w) => w.instances)).toEqual([['i-wz9exampleecs01'], ['i-wz9exampleecs01']]);
  });

  it('reports a wrong shape at its path in both languages, and leaves to the rules what they judge', () => {
    const a = enterpriseAnswers();
    a.province = 'atlantis';
    a.entity.principal.email = 'zhangsan.example.com';
    const r = parseAnswers(a, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['province', 'entity.principal.email']);
    expect(r.issues[1]!.reason.en).toMatch(/email address/);
    expect(r.issues[1]!.reason.zh).toMatch(/电子邮箱/);

    const b = enterpriseAnswers();
    b.instances[0].region = 'cn-hongkong';
    const rb = parseAnswers(b, TODAY);
    if (rb.ok) throw new Error('expected problems');
    expect(Object.fromEntries(rb.issues.map((i) => [i.path, i.reason.en]))['instances[0].region']).toMatch(/mainland China/);

    // A wrong check character or mobile number is kept for the rules, which refuse it in check's words.
    const c = enterpriseAnswers();
    c.entity.principal.id.number = ZHANG_ID_WRONG;
    c.entity.principal.mobile = '12345';
    const rc = parseAnswers(c, TODAY);
    if (!rc.ok) throw new Error(JSON.stringify(rc.issues));
    expect(rc.answers.entity.principal).toMatchObject({ mobile: '12345', id: { number: ZHANG_ID_WRONG } });

    const d = enterpriseAnswers();
    d.websites[1].domains = ['example.com'];
    const rd = parseAnswers(d, TODAY);
    if (rd.ok) throw new Error('expected problems');
    expect(Object.fromEntries(rd.issues.map((i) => [i.path, i.reason.en]))['websites[1].domains']).toMatch(/example\.com is already given for another website/);
  });

  it('refuses what does not apply: a legal representative for an individual, bandwidth for a NAT gateway', () => {
    const a = enterpriseAnswers();
    a.entity.type = 'individual';
    delete a.entity.name;
    delete a.entity.certificate;
    a.instances[0] = { id: 'ngw-1', product: 'nat-gateway', region: 'cn-hangzhou', publicBandwidthMbps: 10 };
    const r = parseAnswers(a, TODAY);
    if (r.ok) throw new Error('expected problems');
    expect(r.issues.map((i) => i.path).sort()).toEqual(['entity.legalRepresentative', 'instances[0].publicBandwidthMbps']);
  });

  it('needs the hosting instances named when there are several', () => {
    const a = enterpriseAnswers();
    a.instances.push({ id: 'i-second', product: 'ecs', region: 'cn-beijing', publicBandwidthMbps: 1 });
    a.websites[0].instances = ['i-second', 'i-missing'];
    const r = parseAnswers(a, TODAY);
    if (r.ok) throw new Error('expected problems');
    expect(r.issues.map((i) => i.path)).toEqual(['websites[0].instances[1]', 'websites[1].instances']);
  });

  it('rejects unknown keys, as the manifest does', () => {
    const a = enterpriseAnswers();
    a.entity.principal.moblie = '13800138000';
    const r = parseAnswers(a, TODAY);
    expect(r.ok).toBe(false);
  });
});

describe('init --answers', () => {
  it("refuses, in check's words, answers the questionnaire would refuse: an image that is not there, the remarks Guangdong demands", async () => {
    const a = enterpriseAnswers();
    a.entity.certificate.image = 'docs/licence.jpg';
    delete a.websites[0].remarks;
    const dir = workdir(a);
    const d = io();
    const code = await runInit(join(dir, 'manifest.yaml'), { answers: join(dir, 'answers.json'), lang: 'en' }, d);
    expect(code).toBe(2);
    expect(d.err.text.trim().split('\n')).toEqual([
      expect.stringMatching(/answers\.json: entity\.certificate\.image: docs\/licence\.jpg \(Entity certificate \(business licence or other\)\) does not exist\./),
      expect.stringMatching(/answers\.json: websites\[0\]: 示例科技官网 has several domains: Guangdong requires the remark "The domain names direct to the same website"\./),
    ]);
    expect(readdirSync(dir)).toEqual(['answers.json']);
  });

  it('writes a manifest that loads and validates with the checker, and shows its checklist first', async () => {
    const dir = workdir(enterpriseAnswers());
    const d = io();
    const file = join(dir, 'manifest.yaml');
    const code = await runInit(file, { answers: join(dir, 'answers.json'), lang: 'en' }, d);
    expect(d.err.text).toBe('');
    expect(code).toBe(0);
    expect(d.out.text).toMatch(/manifest\.yaml {2}Guangdong {2}(READY|BLOCKED)/);
    expect(d.out.text.indexOf('Documents to prepare')).toBeLessThan(d.out.text.indexOf('Wrote'));
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S*schema\/icp-manifest\.schema\.json$/);
    const parsed = manifestSchema.parse(parseDocument(text).toJS());
    expect(parsed.entity.principal.id?.number).toBe(ZHANG_ID);
    expect(parsed.websites[0]!.admin).toMatchObject({ name: '李四' });
    expect(parsed.websites[0]!.remarks).toBe('The domain names direct to the same website');
    expect(readdirSync(dir).sort()).toEqual(['answers.json', 'manifest.yaml']);
  });

  it('writes comments in Chinese with --lang zh', async () => {
    const dir = workdir(enterpriseAnswers());
    const d = io();
    const code = await runInit(join(dir, 'm.yaml'), { answers: join(dir, 'answers.json'), lang: 'zh' }, d);
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'm.yaml'), 'utf8');
    expect(text).toMatch(/# 备案省份：主体证件的签发地/);
    expect(text).not.toMatch(/Filing province/);
    expect(d.out.text).toMatch(/已写入/);
  });

  it('exits 2 naming each problem, and writes nothing', async () => {
    const a = enterpriseAnswers();
    a.entity.principal.email = 'not an email';
    const dir = workdir(a);
    const d = io();
    const code = await runInit(join(dir, 'manifest.yaml'), { answers: join(dir, 'answers.json'), lang: 'en' }, d);
    expect(code).toBe(2);
    expect(d.err.text).toMatch(/answers\.json: entity\.principal\.email: expected an email address/);
    expect(existsSync(join(dir, 'manifest.yaml'))).toBe(false);
  });

  it("refuses a wrong credit code, ID number and mobile in check's own words, in both languages", async () => {
    const a = enterpriseAnswers();
    a.entity.certificate.number = ACME_USCC_WRONG;
    a.entity.principal.id.number = ZHANG_ID_WRONG;
    a.entity.principal.mobile = '12345';
    for (const lang of ['en', 'zh'] as const) {
      const dir = workdir(a);
      const d = io();
      expect(await runInit(join(dir, 'manifest.yaml'), { answers: join(dir, 'answers.json'), lang }, d)).toBe(2);
      const lines = d.err.text.trim().split('\n');
      if (lang === 'en') {
        expect(lines).toContainEqual(expect.stringMatching(/answers\.json: entity\.certificate\.number: Credit code \w+: the check character does not match the other 17\./));
        expect(lines).toContainEqual(expect.stringMatching(/answers\.json: entity\.principal\.id\.number: 张三: \w+ has a wrong check character/));
        expect(lines).toContainEqual(expect.stringMatching(/answers\.json: entity\.principal\.mobile: 张三: "12345" is not a mainland mobile number\./));
      } else {
        expect(lines).toContainEqual(expect.stringMatching(/answers\.json: entity\.principal\.mobile: 张三：“12345”不是大陆手机号码。/));
      }
      expect(readdirSync(dir)).toEqual(['answers.json']);
    }
  });

  it('exits 2 on a file that is not JSON', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'answers.json'), '{ province: guangdong');
    const d = io();
    expect(await runInit(join(dir, 'manifest.yaml'), { answers: join(dir, 'answers.json'), lang: 'en' }, d)).toBe(2);
    expect(d.err.text.trim().split('\n')).toHaveLength(1);
  });

  it('refuses to overwrite without --force when it cannot ask, and overwrites with it', async () => {
    const dir = workdir(enterpriseAnswers());
    const file = join(dir, 'manifest.yaml');
    const old = Buffer.from('# my own manifest\nversion: 1\n');
    writeFileSync(file, old);
    const d = io();
    expect(await runInit(file, { answers: join(dir, 'answers.json'), lang: 'en' }, d)).toBe(2);
    expect(d.err.text).toMatch(/already exists; use --force/);
    expect(readFileSync(file).equals(old)).toBe(true);

    const d2 = io();
    expect(await runInit(file, { answers: join(dir, 'answers.json'), lang: 'en', force: true }, d2)).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/深圳市示例科技有限公司/);
    expect(readdirSync(dir).sort()).toEqual(['answers.json', 'manifest.yaml']);
  });

  it('without a terminal and without --answers, exits 2 pointing at --answers', async () => {
    const dir = workdir();
    const d = io();
    expect(await runInit(join(dir, 'manifest.yaml'), { lang: 'en' }, d)).toBe(2);
    expect(d.err.text).toMatch(/--answers/);
    expect(d.err.text.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('runs the check when asked with --check, and returns its exit code', async () => {
    const dir = workdir(enterpriseAnswers());
    const d = io();
    const seen: string[][] = [];
    const file = join(dir, 'manifest.yaml');
    const code = await runInit(
      file,
      { answers: join(dir, 'answers.json'), lang: 'en', check: true },
      {
        ...d,
        runCheck: async (argv) => {
          seen.push(argv);
          // The manifest is in place when the check starts.
          return existsSync(argv[0]!) ? 1 : 99;
        },
      },
    );
    expect(seen).toEqual([[file]]);
    expect(code).toBe(1);
  });
});

describe('language from the locale', () => {
  it('is Chinese for zh_* and English otherwise; LC_ALL wins over LANG', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'zh_TW' })).toBe('zh');
    expect(langFromEnv({ LANG: 'C' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });
});
