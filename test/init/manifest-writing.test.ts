// The written file: comments in both languages, the schema modeline, numbers kept as text, and
// the atomic write that validates before the file takes its name.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { buildManifest } from '../../src/init/build-manifest.js';
import { manifestYaml, schemaReference, SCHEMA_FILE } from '../../src/init/manifest-yaml.js';
import { ManifestWriteError, validateManifestText, writeManifestAtomically } from '../../src/init/write-manifest.js';
import { manifestSchema } from '../../src/manifest/schema.js';
import type { InitAnswers } from '../../src/init/answers.js';
import { ACME_USCC, LI_ID, WANG_ID } from './samples.js';

function answers(): InitAnswers {
  return {
    province: 'zhejiang',
    filing: 'new',
    entity: {
      type: 'enterprise',
      name: '杭州示例网络有限公司',
      certificate: { type: 'business-license', number: ACME_USCC },
      legalRepresentative: { name: '王五' },
      principal: { name: '王五', id: { type: 'id-card', number: WANG_ID }, mobile: '13700137000', email: 'wangwu@example.com' },
    },
    websites: [
      {
        name: '示例网络官网',
        domains: ['example.com'],
        content: ['ecommerce'],
        admin: { name: 'John Smith', id: { type: 'passport', number: 'E12345678' }, mobile: '13900139000', email: 'john@example.com' },
        instances: ['i-1'],
      },
      { name: '示例网络社区', domains: ['例子.中国'], content: [], admin: 'principal', instances: ['i-1'] },
    ],
    instances: [{ id: 'i-1', product: 'ecs', region: 'cn-hangzhou', billing: 'subscription', expires: '2027-01-31', publicBandwidthMbps: 1, serviceNumbersUsed: 2 }],
  };
}

const write = (lang: 'en' | 'zh', a = answers()) =>
  manifestYaml(buildManifest(a), { lang, schemaRef: './node_modules/icp-check/schema/icp-manifest.schema.json', fileLabel: 'manifest.yaml' });

describe('manifest YAML', () => {
  it('starts with the schema modeline and parses back to what was answered', () => {
    const text = write('en');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/icp-check/schema/icp-manifest.schema.json');
    const m = manifestSchema.parse(parseDocument(text).toJS());
    expect(m.province).toBe('zhejiang');
    expect(m.entity.principal.id?.number).toBe(WANG_ID);
    expect(m.entity.principal.mobile).toBe('13700137000');
    expect(m.websites[1]!.domains).toEqual(['例子.中国']);
    expect(m.instances[0]).toMatchObject({ serviceNumbersUsed: 2, publicBandwidthMbps: 1 });
  });

  it('quotes numbers that must stay text, so an 18-digit ID keeps every digit', () => {
    const a = answers();
    a.entity.principal.id.number = LI_ID;
    const text = write('en', a);
    expect(/^\d{18}$/.test(LI_ID)).toBe(true);
    expect(text).toContain(`number: "${LI_ID}"`);
    expect(text).toContain('mobile: "13700137000"');
  });

  it('explains each section in English or in Chinese', () => {
    const en = write('en');
    const zh = write('zh');
    for (const [text, words] of [
      [en, ['# Filing province', '# The entity filing', '# Legal representative', '# Principal', '# Websites:', '# Alibaba Cloud instances', 'documents:']],
      [zh, ['# 备案省份', '# 备案主体', '# 法定代表人', '# 主体负责人', '# 网站：', '# 托管网站的阿里云', 'documents:']],
    ] as const) {
      for (const w of words) expect(text).toContain(w);
    }
    expect(zh).not.toContain('# Filing province');
    expect(en).toContain('Also accepted: 浙江, 浙江省, 33, ZJ');
  });

  it('reminds a passport holder to add a nationality', () => {
    expect(write('en')).toMatch(/type: passport # add `nationality:`/);
  });

  it('writes lists of names inline and lists of instances as blocks', () => {
    const text = write('en');
    expect(text).toContain('domains: [example.com]');
    expect(text).toContain('content: [ecommerce]');
    expect(text).toMatch(/\ninstances:\n {2}- id: i-1\n/);
  });

  it('points the modeline at the package schema relative to the manifest folder', () => {
    expect(SCHEMA_FILE).toMatch(/schema[\\/]icp-manifest\.schema\.json$/);
    expect(schemaReference('/home/u/site', '/home/u/site/node_modules/icp-check/schema/icp-manifest.schema.json')).toBe('./node_modules/icp-check/schema/icp-manifest.schema.json');
    expect(schemaReference('/home/u/site/filings', '/home/u/site/node_modules/icp-check/schema/x.json')).toBe('../node_modules/icp-check/schema/x.json');
  });
});

describe('atomic write', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'icp-init-write-'));

  it('writes a new file and leaves no temporary file', () => {
    const d = dir();
    writeManifestAtomically(join(d, 'manifest.yaml'), write('en'), false);
    expect(readdirSync(d)).toEqual(['manifest.yaml']);
    expect(readFileSync(join(d, 'manifest.yaml'), 'utf8')).toBe(write('en'));
  });

  it('refuses to replace an existing file unless told to', () => {
    const d = dir();
    const file = join(d, 'manifest.yaml');
    writeFileSync(file, 'mine\n');
    expect(() => writeManifestAtomically(file, write('en'), false)).toThrow(ManifestWriteError);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(readdirSync(d)).toEqual(['manifest.yaml']);
    writeManifestAtomically(file, write('en'), true);
    expect(readFileSync(file, 'utf8')).toBe(write('en'));
  });

  it('writes nothing when the text would not validate with the checker', () => {
    const d = dir();
    const bad = write('en').replace('product: ecs', 'product: mainframe');
    expect(validateManifestText(bad)).toEqual([expect.stringMatching(/^instances\[0\]/)]);
    expect(() => writeManifestAtomically(join(d, 'manifest.yaml'), bad, false)).toThrow(/would not validate/);
    expect(readdirSync(d)).toEqual([]);
  });
});
