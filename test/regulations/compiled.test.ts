// The regulations validated at build time (dist/regulations.json) are the very rules loading the
// YAML gives, and are used only for the package's own, unchanged regulations/ folder.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { compiledRegulations, parseDataFile } from '../../src/regulations/compiled.js';
import { imageSpecsFile, IMAGES_FILE } from '../../src/regulations/image-specs.js';
import { instanceEligibilityFile, INSTANCES_FILE } from '../../src/regulations/instance-eligibility.js';
import { REUSE_FILE, reuseDataFile } from '../../src/regulations/reuse.js';
import { REGISTRARS_FILE, registrarFile, TLDS_FILE, tldFile } from '../../src/rules/domain-data.js';
import { BUNDLED_DIR, loadRegulationsFrom } from '../../src/regulations/loader.js';

describe('regulations compiled at build time', () => {
  it('equal the rules, provinces and groups that loading and validating the YAML gives', () => {
    const compiled = compiledRegulations(BUNDLED_DIR);
    expect(compiled, 'run `npm run build` first').toBeDefined();
    expect(compiled).toStrictEqual(loadRegulationsFrom(BUNDLED_DIR));
  });

  it('give the other data files as their schemas output them, and a changed file is validated again', () => {
    for (const [file, schema] of [
      [TLDS_FILE, tldFile],
      [REGISTRARS_FILE, registrarFile],
      [INSTANCES_FILE, instanceEligibilityFile],
      [IMAGES_FILE, imageSpecsFile],
      [REUSE_FILE, reuseDataFile],
    ] as const) {
      const source = readFileSync(file, 'utf8');
      expect(parseDataFile(schema, source, file), file).toStrictEqual(schema.parse(YAML.parse(source)));
      expect(() => parseDataFile(schema, `${source}\nunexpectedKey: 1\n`, file), file).toThrow(/unexpectedKey|Unrecognized/i);
    }
  });

  it('are not used for another folder, even a copy of the same files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-regs-'));
    try {
      cpSync(BUNDLED_DIR, dir, { recursive: true });
      expect(compiledRegulations(dir)).toBeUndefined();
      expect(loadRegulationsFrom(dir).rules.length).toBe(compiledRegulations(BUNDLED_DIR)?.rules.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
