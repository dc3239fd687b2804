import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/load.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'icp-load-'));
let n = 0;
function file(content: string | Buffer): string {
  const f = path.join(dir, `m${n++}.yaml`);
  writeFileSync(f, content);
  return f;
}

const MINIMAL = `version: 1
province: 广东
entity:
  type: individual
  name: 李雷
  principal:
    name: 李雷
    mobile: "13800138000"
`;

describe('loading a manifest', () => {
  it('accepts a minimal manifest and fills defaults', async () => {
    const r = await loadManifest(file(MINIMAL));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.manifest.filing).toBe('new');
      expect(r.manifest.provider).toBe('aliyun');
      expect(r.manifest.websites).toEqual([]);
    }
  });

  it('accepts a byte-order mark and CRLF line ends', async () => {
    const r = await loadManifest(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MINIMAL.replace(/\n/g, '\r\n'))])));
    expect(r.ok).toBe(true);
  });

  it('refuses GBK-encoded Chinese as not UTF-8', async () => {
    // 李雷 in GBK
    const gbk = Buffer.concat([Buffer.from('version: 1\nprovince: gd\nentity:\n  type: individual\n  name: '), Buffer.from([0xc0, 0xee, 0xc0, 0xd7]), Buffer.from('\n')]);
    const r = await loadManifest(file(gbk));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]!.rule).toBe('manifest/not-utf8');
  });

  it('reports duplicate keys as a YAML error with a position', async () => {
    const r = await loadManifest(file('version: 1\nversion: 1\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.findings[0]!.rule).toBe('manifest/yaml-syntax');
      expect(r.findings[0]!.line).toBe(2);
    }
  });

  it('reports tab indentation as a YAML error', async () => {
    const r = await loadManifest(file('version: 1\nentity:\n\ttype: individual\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]!.rule).toBe('manifest/yaml-syntax');
  });

  it('stops an alias bomb with the library guard', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const r = await loadManifest(file(`${levels.join('\n')}\n`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]!.rule).toBe('manifest/aliases');
  });

  it('keeps the digits of an unquoted 18-digit number', async () => {
    const r = await loadManifest(file(MINIMAL.replace('    mobile: "13800138000"\n', '    mobile: 13800138000\n    id:\n      type: id-card\n      number: 440305199202025670\n')));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.manifest.entity.principal.id?.number).toBe('440305199202025670');
      expect(r.manifest.entity.principal.mobile).toBe('13800138000');
    }
  });

  it('maps paths to positions, a missing key to its parent', async () => {
    const r = await loadManifest(file(MINIMAL));
    expect(r.positions.of('entity.principal.mobile')).toEqual({ line: 8, column: 5 });
    expect(r.positions.of('entity.principal.id.number')).toEqual({ line: 6, column: 3 });
    expect(r.positions.of('websites[3]')).toEqual({ line: 1, column: 1 });
  });

  it('answers a path asked again as the first time, whatever was asked in between', async () => {
    const r = await loadManifest(file(MINIMAL));
    const paths = ['entity.principal.mobile', 'entity.principal.id.number', 'websites[3]', 'entity', 'nowhere.at.all'];
    const first = paths.map((p) => r.positions.of(p));
    const again = [...paths]
      .reverse()
      .map((p) => r.positions.of(p))
      .reverse();
    expect(again).toEqual(first);
    expect(first[3]).toEqual({ line: 3, column: 1 });
    expect(first[4]).toEqual({ line: 1, column: 1 });
  });

  it('reports dates that are not real dates', async () => {
    const r = await loadManifest(file(MINIMAL.replace('    name: 李雷\n    mobile', '    name: 李雷\n    id: { type: id-card, number: "1", expires: 2027-02-30 }\n    mobile')));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.findings[0]!.path).toBe('entity.principal.id.expires');
      expect(r.findings[0]!.args?.expected).toBe('expected a real calendar date');
    }
  });

  it('reports a date written as a number', async () => {
    const r = await loadManifest(file(MINIMAL.replace('    name: 李雷\n    mobile', '    name: 李雷\n    id: { type: id-card, number: "1", expires: 20270101 }\n    mobile')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(String(r.findings[0]!.args?.expected)).toMatch(/expected a date as YYYY-MM-DD|expected string/);
  });
});
