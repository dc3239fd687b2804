// The real command in a pseudo-terminal: keys typed as a user types them, then the written
// manifest checked by the real `icp-check` bin. Cancelling and declining leave files untouched.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACME_USCC, ZHANG_ID, ZHANG_ID_WRONG } from './samples.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'icp-check.js');
const PTY = join(ROOT, 'test', 'init', 'pty-session.py');
const ENV = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LC_MESSAGES: '' };

/** How to start `icp-check init`: the real bin once the CLI registers the command, else a small program around initCommand(). */
let initArgv: string[];

beforeAll(() => {
  // `npm test` builds first (pretest); the bin runs the compiled CLI.
  if (!existsSync(join(ROOT, 'dist', 'commands', 'init.js'))) throw new Error('dist/commands/init.js is missing: run npm run build');
  const help = spawnSync(process.execPath, [BIN, 'init', '--help'], { cwd: ROOT, env: ENV, encoding: 'utf8' });
  if (help.status !== 0 || !help.stdout.includes('--answers')) throw new Error(`icp-check init --help failed:\n${help.stdout}${help.stderr}`);
  initArgv = [process.execPath, BIN, 'init'];
}, 60_000);

type Step = { expect: string } | { send: string } | { hangup: true };
interface Session {
  exit: number | null;
  signal: number | null;
  output: string;
  error: string | null;
}

function session(cwd: string, args: string[], steps: Step[]): Session {
  const script = join(cwd, '..', `${Math.random().toString(36).slice(2)}.steps.json`);
  writeFileSync(script, JSON.stringify(steps));
  const r = spawnSync('python3', [PTY, script, '--', ...initArgv, ...args], { cwd, env: ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pty session failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Session;
}

/** A question and the keys that answer it. */
const q = (question: string, keys: string): Step[] => [{ expect: question }, { send: keys }];
const ENTER = '\r';
const DOWN = '\u001b[B';
const CLEAR_LINE = '\u0015';

function workdir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'icp-init-e2e-'));
  const dir = join(parent, 'filing');
  mkdirSync(dir);
  return dir;
}

/** Everything up to the first website, for an enterprise in Guangdong. */
const ENTERPRISE: Step[] = [
  ...q('Filing province', 'guang'),
  ...q('Guangdong', ENTER),
  ...q('kind of filing', ENTER),
  ...q('Who is filing', ENTER),
  ...q('Entity name', `深圳市示例科技有限公司${ENTER}`),
  ...q('credit code', `${ACME_USCC}${ENTER}`),
  ...q('valid until', `long-term${ENTER}`),
  ...q('Legal representative', `张三${ENTER}`),
  ...q('Principal .*: name', ENTER),
  ...q('identity document', ENTER),
  // A wrong check digit first: the prompt says why and asks again.
  ...q('card \\(居民身份证\\) number', `${ZHANG_ID_WRONG}${ENTER}`),
  ...q('check digit is wrong', `${CLEAR_LINE}${ZHANG_ID}${ENTER}`),
  ...q('document valid until', `2031-05-01${ENTER}`),
  ...q('mobile number', `13800138000${ENTER}`),
  ...q('email', `zhangsan@example.com${ENTER}`),
];

const WEBSITE_AND_INSTANCE: Step[] = [
  ...q('Website 1: name', `示例科技官网${ENTER}`),
  ...q('Website 1: domain names', `example.com, example.cn${ENTER}`),
  ...q('what the site offers', ENTER),
  // The second choice, "Another person", would ask for a full person; the first is the principal.
  ...q('website administrator', ENTER),
  ...q('Add another website', ENTER),
  ...q('instance ID', `i-wz9exampleecs01${ENTER}`),
  ...q('Instance 1: product', ENTER),
  ...q('Instance 1: region', `${DOWN}${DOWN}${DOWN}${ENTER}`),
  ...q('Instance 1: billing', ENTER),
  ...q('subscription ends on', `2027-09-30${ENTER}`),
  ...q('public bandwidth', `5${ENTER}`),
  ...q('service numbers', ENTER),
  ...q('Add another instance', ENTER),
  ...q('document images', ENTER),
];

function checkWithBin(cwd: string, file: string): { status: number | null; verdict: string } {
  const r = spawnSync(process.execPath, [BIN, file, '--offline', '--format', 'json', '--date', '2026-11-26'], { cwd, env: ENV, encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { filings: { verdict: string; findings: { rule: string; message: string }[] }[] };
  const filing = report.filings[0]!;
  if (filing.verdict === 'invalid') throw new Error(`icp-check found the manifest invalid: ${JSON.stringify(filing.findings)}`);
  return { status: r.status, verdict: filing.verdict };
}

describe('icp-check init in a terminal', { timeout: 180_000 }, () => {
  it('asks, re-asks a wrong ID number, and writes a manifest the checker accepts', () => {
    const dir = workdir();
    const s = session(dir, ['manifest.yaml'], [...ENTERPRISE, ...WEBSITE_AND_INSTANCE, ...q('once written', `n${ENTER}`), { expect: 'Wrote manifest.yaml' }]);
    expect(s.error).toBeNull();
    expect(s.exit).toBe(0);
    expect(s.output).toMatch(/check digit is wrong \(expected /);
    const text = readFileSync(join(dir, 'manifest.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain(`number: ${ZHANG_ID}`);
    expect(text).toContain('region: cn-shenzhen');
    const check = checkWithBin(dir, 'manifest.yaml');
    // The filing validates; whether it is ready depends on documents not yet provided.
    expect(['ready', 'ready-with-warnings', 'blocked']).toContain(check.verdict);
    expect(check.status === 0 || check.status === 1).toBe(true);
    expect(readdirSync(dir)).toEqual(['manifest.yaml']);
  });

  it('keeps an existing file byte for byte when the answer to "overwrite?" is no', () => {
    const dir = workdir();
    const old = Buffer.from('# hand-written, keep me\r\nversion: 1\nprovince: 广东\n\u00e9\n');
    writeFileSync(join(dir, 'manifest.yaml'), old);
    const s = session(dir, ['manifest.yaml'], [...q('already exists. Overwrite it\\? \\(y/N\\)', ENTER), { expect: 'nothing written' }]);
    expect(s.error).toBeNull();
    expect(s.exit).toBe(1);
    expect(readFileSync(join(dir, 'manifest.yaml')).equals(old)).toBe(true);
    expect(readdirSync(dir)).toEqual(['manifest.yaml']);
  });

  it('overwrites after a yes, with the file replaced whole', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'manifest.yaml'), 'old: true\n');
    const s = session(dir, ['manifest.yaml'], [...q('Overwrite it', `y${ENTER}`), ...ENTERPRISE, ...WEBSITE_AND_INSTANCE, ...q('once written', `n${ENTER}`), { expect: 'Wrote' }]);
    expect(s.exit).toBe(0);
    const text = readFileSync(join(dir, 'manifest.yaml'), 'utf8');
    expect(text).not.toContain('old: true');
    expect(checkWithBin(dir, 'manifest.yaml').verdict).not.toBe('invalid');
  });

  it('closing input (Ctrl-D) mid-way exits 130 with one line and writes nothing', () => {
    const dir = workdir();
    const s = session(dir, ['manifest.yaml'], [...ENTERPRISE, ...q('Website 1: name', '\u0004'), { expect: 'cancelled' }]);
    expect(s.error).toBeNull();
    expect(s.exit).toBe(130);
    const after = s.output.slice(s.output.lastIndexOf('Website 1: name'));
    expect(after.split(/\r?\n/).filter((l) => /cancelled/.test(l))).toEqual(['init: cancelled; nothing written']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('Ctrl-C at the last question exits 130 and writes nothing', () => {
    const dir = workdir();
    const s = session(dir, ['manifest.yaml'], [...ENTERPRISE, ...WEBSITE_AND_INSTANCE, ...q('once written', '\u0003'), { expect: 'cancelled' }]);
    expect(s.exit).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a terminal closed mid-way leaves no file and no temporary file', () => {
    const dir = workdir();
    const s = session(dir, ['manifest.yaml'], [...ENTERPRISE, { expect: 'Website 1: name' }, { hangup: true }]);
    expect(s.exit).not.toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('icp-check init without a terminal', { timeout: 120_000 }, () => {
  it('exits 2 pointing at --answers', () => {
    const dir = workdir();
    const r = spawnSync(initArgv[0]!, [...initArgv.slice(1), 'manifest.yaml'], { cwd: dir, env: ENV, encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--answers/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes from --answers a manifest the checker accepts', () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'answers.json'),
      JSON.stringify({
        province: 'GD',
        entity: {
          type: 'enterprise',
          name: '深圳市示例科技有限公司',
          certificate: { number: ACME_USCC },
          legalRepresentative: { name: '张三' },
          principal: { name: '张三', id: { type: 'id-card', number: ZHANG_ID, expires: '2031-05-01' }, mobile: '13800138000', email: 'zhangsan@example.com' },
        },
        websites: [{ name: '示例科技官网', domains: ['example.com'] }],
        instances: [
          { id: 'i-wz9exampleecs01', product: 'ecs', region: 'cn-shenzhen', billing: 'subscription', expires: '2027-09-30', publicBandwidthMbps: 5, serviceNumbersUsed: 0 },
        ],
      }),
    );
    const r = spawnSync(initArgv[0]!, [...initArgv.slice(1), 'm.yaml', '--answers', 'answers.json', '--lang', 'zh'], { cwd: dir, env: ENV, encoding: 'utf8', input: '' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toMatch(/# 备案主体/);
    expect(checkWithBin(dir, 'm.yaml').verdict).not.toBe('invalid');
  });
});
