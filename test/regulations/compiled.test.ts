// The regulations validated at build time (dist/regulations.json) are the very rules loading the
// YAML gives, and are used only for the package's own, unchanged regulations/ folder.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledRegulations } from '../../src/regulations/compiled.js';
import { BUNDLED_DIR, loadRegulationsFrom } from '../../src/regulations/loader.js';

describe('regulations compiled at build time', () => {
  it('equal the rules, provinces and groups that loading and validating the YAML gives', () => {
    const compiled = compiledRegulations(BUNDLED_DIR);
    expect(compiled, 'run `npm run build` first').toBeDefined();
    expect(compiled).toStrictEqual(loadRegulationsFrom(BUNDLED_DIR));
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
