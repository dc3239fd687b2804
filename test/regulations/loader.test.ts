import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRegulationsFrom, RegulationsError } from '../../src/regulations/loader.js';
import { settingsFor } from '../../src/regulations/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));

function loadError(name: string): RegulationsError {
  try {
    loadRegulationsFrom(fixture(name));
  } catch (e) {
    expect(e).toBeInstanceOf(RegulationsError);
    return e as RegulationsError;
  }
  throw new Error(`${name} loaded without an error`);
}

describe('loadRegulationsFrom', () => {
  it('loads a folder with no rule files', () => {
    const r = loadRegulationsFrom(fixture('empty'));
    expect(r.rules).toEqual([]);
    expect(r.provinces.size).toBe(0);
  });

  it('loads general and province files, general rules first', () => {
    const r = loadRegulationsFrom(fixture('valid'));
    expect(r.rules.map((x) => x.id)).toEqual(['document/always', 'province/guangdong/adult']);
    expect(r.byId.get('province/guangdong/adult')?.province).toBe('guangdong');
    expect(r.byId.get('province/guangdong/adult')?.file).toBe('provinces/guangdong.yaml');
    expect(r.byId.get('document/always')?.province).toBeUndefined();
    expect(r.byId.get('document/always')?.for).toBe('filing');
    const settings = r.provinces.get('guangdong')!.settings;
    expect(settings.domainExpiryWarnDays).toBe(45);
    expect(settings.refusesPrivacyProtection).toBe(true);
    expect(settings.domainHolderMayBe).toEqual(['entity']);
  });

  it('names the file, the rule and the zod path of a malformed rule', () => {
    const e = loadError('malformed-rule');
    expect(e.file).toBe('provinces/guangdong.yaml');
    expect(e.rule).toBe('province/guangdong/broken (rules[1])');
    expect(e.message).toContain('provinces/guangdong.yaml');
    expect(e.message).toContain('province/guangdong/broken');
    expect(e.message).toContain('rules.1.status');
  });

  it('rejects a province rule without its province prefix', () => {
    const e = loadError('bad-prefix');
    expect(e.file).toBe('provinces/henan.yaml');
    expect(e.rule).toContain('province/hubei/misplaced');
    expect(e.message).toContain('province/henan/');
  });

  it('rejects an id used twice across files', () => {
    const e = loadError('duplicate-id');
    expect(e.file).toBe('process.yaml');
    expect(e.rule).toContain('document/twice');
    expect(e.message).toContain('duplicate id, also in materials.yaml');
  });

  it('rejects an unknown value inside a nested condition', () => {
    const e = loadError('unknown-value');
    expect(e.rule).toContain('process/typo');
    expect(e.message).toContain('"enterprize"');
    expect(e.message).toContain('rules.0.when.any.0.entityType');
  });

  it('rejects an invalid regular expression', () => {
    const e = loadError('bad-regex');
    expect(e.rule).toContain('province/jiangsu/title');
    expect(e.message).toContain('rules.0.require.nameMatches');
  });

  it('reports YAML syntax errors with their line', () => {
    const e = loadError('yaml-syntax');
    expect(e.file).toBe('pre-approvals.yaml');
    expect(e.rule).toBeUndefined();
    expect(e.message).toMatch(/YAML syntax error at line \d+/);
  });

  it('rejects a province file named for no province', () => {
    expect(loadError('bad-slug').message).toContain('"canton" is not a province slug');
  });

  it('rejects a province file whose province differs from its name', () => {
    expect(loadError('wrong-province').message).toContain('province is "hunan" but the file is named for hubei');
  });

  it('keeps province rules out of the general files', () => {
    const e = loadError('general-area');
    expect(e.file).toBe('materials.yaml');
    expect(e.message).toContain('provinces/<slug>.yaml');
  });
});

describe('templates, figures and groups', () => {
  it('fills a rule from its template: conditions, figures, province names, the explain ending, the file section', () => {
    const r = loadRegulationsFrom(fixture('templated'));
    const adult = r.byId.get('province/guangdong/adult')!;
    expect(adult).toMatchObject({ for: 'person', status: 'fail', source: 'before §5.5.1', require: { age: { gte: 18 } }, template: 'adult', figures: { minAge: 18 } });
    expect(adult.when!.entityType).toEqual(['enterprise', 'individual-business', 'public-institution', 'government', 'social-organization', 'other']);
    expect(adult.title).toEqual({ en: 'Under 18 in Guangdong', zh: '广东：未满18周岁' });
    expect(adult.explain).toEqual({ en: 'Checks the age against 18. The Guangdong office requires it.', zh: '检查是否年满18周岁。这是广东省的要求。' });
    expect(adult.message.en).toBe('{person} is under 18');
  });

  it("lets a rule override its template's fields and figures", () => {
    const older = loadRegulationsFrom(fixture('templated')).byId.get('province/guangdong/older')!;
    expect(older).toMatchObject({ status: 'warn', require: { age: { gte: 20 } } });
    expect(older.message.zh).toBe('{person}未满20周岁');
  });

  it('names a template that does not exist, and the ones that do', () => {
    const e = loadError('bad-template');
    expect(e.rule).toContain('province/guangdong/adult');
    expect(e.message).toContain('template "grown-up" is not in templates.yaml; expected one of adult');
  });

  it('names a bound that names no figure', () => {
    const e = loadError('bad-figure');
    expect(e.rule).toContain('province/guangdong/adult');
    expect(e.message).toContain('names "minimumAge", which is not a number among the rule\'s figures');
  });
});

describe('settingsFor', () => {
  it('gives defaults for any spelling of a province without settings of its own', () => {
    const s = settingsFor('not-a-province');
    expect(s.domainExpiryWarnDays).toBe(90);
    expect(s.domainHolderMayBe).toEqual(['entity']);
  });
});
