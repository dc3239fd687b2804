// A WHOIS server whose registrant and registrar carry an OSC 8 hyperlink, a clear-screen sequence,
// a bidi override and markup, through the real bin in every format: nothing a terminal would obey
// reaches stdout, the words still do, and each format's own syntax survives.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/report/formats/index.js';
import { BIN } from '../cli/run-bin.js';
import { startWhoisServer, type LoopbackWhois } from '../domains/loopback-servers.js';
import { parseXml } from '../formats/xml-parse.js';
import { reportValidator } from '../fuzz/check-in-process.js';
import { individualManifest } from './individual-manifest.js';

const OSC8 = '\u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const REGISTRANT = `<b>Evil</b> & Co | ]]> ${OSC8}${CLEAR}\u202eXX\u009b31m`;
const REGISTRAR = `Evil Registrar${CLEAR}\u001b[31m`;
const ANSWER = [
  'Domain Name: evil-holder.cn',
  'Domain Status: ok',
  `Registrant: ${REGISTRANT}`,
  `Sponsoring Registrar: ${REGISTRAR}`,
  'Registration Time: 2012-08-08 10:00:00',
  'Expiration Time: 2031-08-08 10:00:00',
].join('\r\n');

const MANIFEST = individualManifest([['博客', 'evil-holder.cn']]);

// Every C0 control but tab and newline, DEL, C1, bidi overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let srv: LoopbackWhois;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'icp-terminal-'));
  writeFileSync(path.join(dir, 'manifest.yaml'), MANIFEST);
  srv = await startWhoisServer(() => ANSWER);
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The bin, spawned without blocking, since the WHOIS server runs in this process. */
function run(format: string, env: NodeJS.ProcessEnv = { NO_COLOR: '1' }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [BIN, 'manifest.yaml', '--format', format, '--whois-server', srv.address, '--whois-timeout', '5s', '--no-cache', '--date', '2026-11-26', '--lang', 'en'],
    { cwd: dir, env: { ...process.env, CI: '1', GITHUB_ACTIONS: '', FORCE_COLOR: undefined, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('a hostile WHOIS registrant in every format', () => {
  for (const format of FORMATS) {
    it(`${format}: no control sequence on stdout, the registrant's words kept`, async () => {
      const r = await run(format);
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.code);
      expect(r.stdout).not.toMatch(UNSAFE);
      // The holder finding quotes the registrant, stripped: the words of the link survive, the escapes do not.
      expect(r.stdout).toMatch(/click me/);
      expect(srv.queries.length).toBeGreaterThan(0);
      if (format === 'json') expect(reportValidator()(JSON.parse(r.stdout))).toBe(true);
      if (format === 'sarif') expect(() => JSON.parse(r.stdout)).not.toThrow();
      if (format === 'junit') {
        const root = parseXml(r.stdout);
        expect(JSON.stringify(root)).toContain('<b>Evil</b> & Co');
      }
      if (format === 'markdown') {
        const outsideCode = r.stdout.replace(/(`+)[\s\S]*?\1/g, '');
        expect(outsideCode).not.toMatch(/(?<!\\)<b>/);
      }
    });
  }

  it('pretty with colour forced: the only escapes are its own colour codes', async () => {
    const r = await run('pretty', { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(r.stdout).toMatch(/\u001b\[\d+m/);
    expect(r.stdout.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(UNSAFE);
    expect(r.stdout).toMatch(/click me/);
  });
});
