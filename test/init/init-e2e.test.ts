// The real command in a pseudo-terminal: keys typed as a user types them, then the written
// manifest checked by the real `icp-check` bin. Cancelling and declining leave files untouched.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACME_USCC, ZHANG_ID } from './samples.js';

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

type Step = { expect: string } | { send: string } | { hangup: true } | { write: [string, string] };
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

type Lang = 'en' | 'zh';
const T = (lang: Lang, en: string, zh: string) => (lang === 'en' ? en : zh);
const ESC = '\u001b';

/** The example enterprise of examples/guangdong-enterprise, answered as a user types it. */
const USCC = '91440300MA5F00001A';
const ID = '44030519900101123X';
const ID_WRONG = '440305199001011231';

/** Everything up to the first website: a wrong ID number refused in check's words, and Esc back from the mobile's province. */
function entity(lang: Lang): Step[] {
  return [
    ...q(T(lang, 'Filing province', '备案省份'), 'guang'),
    ...q(T(lang, 'Guangdong', '广东省'), ENTER),
    ...q(T(lang, 'kind of filing', '备案类型'), ENTER),
    ...q(T(lang, 'Who is filing', '备案主体性质'), ENTER),
    ...q(T(lang, 'Entity name', '主体名称'), `深圳市云帆示例科技有限公司${ENTER}`),
    ...q(T(lang, 'credit code', '统一社会信用代码'), `${USCC}${ENTER}`),
    ...q(T(lang, 'valid until', '有效期至'), `long-term${ENTER}`),
    ...q(T(lang, 'Legal representative', '法定代表人姓名'), `张三${ENTER}`),
    ...q(T(lang, 'Contact address', '主体通信地址'), `广东省深圳市南山区科技园路1号${ENTER}`),
    ...q(T(lang, 'Principal .*: name', '主体负责人：姓名'), ENTER),
    ...q(T(lang, 'identity document', '证件类型'), ENTER),
    ...q(T(lang, 'identity card number', '居民身份证号码'), `${ID_WRONG}${ENTER}`),
    ...q(T(lang, `张三: ${ID_WRONG} has a wrong check character`, `张三：${ID_WRONG} 的校验码有误`), `${CLEAR_LINE}${ID}${ENTER}`),
    ...q(T(lang, 'document valid until', '证件有效期至'), `2036-05-01${ENTER}`),
    ...q(T(lang, 'Principal .*: mobile number', '主体负责人：手机号码'), `13800138000${ENTER}`),
    // Back one question: the mobile number is asked again, its answer offered as the default.
    ...q(T(lang, 'where the mobile number is registered', '手机号码归属地'), ESC),
    ...q(T(lang, 'Principal .*: mobile number \\(13800138000\\)', '主体负责人：手机号码 \\(13800138000\\)'), ENTER),
    ...q(T(lang, 'where the mobile number is registered', '手机号码归属地'), ENTER),
    ...q(T(lang, 'email', '电子邮箱'), `zhangsan@yunfan-example.cn${ENTER}`),
  ];
}

/** The website (its name refused first in check's words), the instance, the domains' facts and the documents. */
function rest(lang: Lang): Step[] {
  const domainFacts = (d: string): Step[] => [
    ...q(T(lang, `${d}: registered holder`, `${d}：域名持有者`), ENTER),
    ...q(T(lang, `${d}: registrar`, `${d}：域名注册商`), `阿里云计算有限公司（万网）${ENTER}`),
    ...q(T(lang, `${d}: registration expires`, `${d}：域名到期日期`), `2030-10-19${ENTER}`),
    ...q(T(lang, `${d}: is the domain real-name verified`, `${d}：域名是否已完成实名认证`), ENTER),
    ...q(T(lang, `${d}: verified on`, `${d}：实名认证日期`), `2026-10-20${ENTER}`),
    ...q(T(lang, `${d}: is WHOIS privacy protection on`, `${d}：是否开启了域名隐私保护`), ENTER),
  ];
  return [
    ...q(T(lang, 'Website 1: name', '网站 1：网站名称'), `haihe${ENTER}`),
    ...q(T(lang, 'Website "haihe": the name has no Chinese characters', '网站“haihe”：名称中没有汉字'), `${CLEAR_LINE}云帆示例科技官网${ENTER}`),
    ...q(T(lang, 'Website 1: domain names', '网站 1：域名'), `yunfan-example.cn, yunfan-example.com.cn${ENTER}`),
    ...q(T(lang, 'what the site offers', '网站内容'), ENTER),
    // Guangdong demands the remark for several domains; its words are offered.
    ...q(T(lang, 'Website 1: remarks', '网站 1：备注'), ENTER),
    ...q(T(lang, 'website administrator', '网站负责人'), ENTER),
    ...q(T(lang, 'Add another website', '继续添加网站'), ENTER),
    ...q(T(lang, 'instance ID', '实例 ID'), `i-wz9yunfanexample01${ENTER}`),
    ...q(T(lang, 'Instance 1: product', '实例 1：产品'), ENTER),
    ...q(T(lang, 'Instance 1: region', '实例 1：地域'), `${DOWN}${DOWN}${DOWN}${ENTER}`),
    ...q(T(lang, 'Instance 1: billing', '实例 1：付费方式'), ENTER),
    ...q(T(lang, 'subscription ends on', '到期日期'), `2030-12-31${ENTER}`),
    ...q(T(lang, 'public bandwidth', '公网带宽'), `5${ENTER}`),
    ...q(T(lang, 'ICP service numbers \\(备案服务号\\)', '备案服务号数量'), ENTER),
    ...q(T(lang, 'Add another instance', '继续添加实例'), ENTER),
    ...domainFacts('yunfan-example\\.cn'),
    ...domainFacts('yunfan-example\\.com\\.cn'),
    ...q(T(lang, 'documents to prepare now', '现在填写需准备的材料文件'), ENTER),
    ...q(T(lang, 'Authenticity statement', '网站备案信息真实性核验单'), `docs/authenticity-statement.jpg${ENTER}`),
    ...q(T(lang, 'issued on', '签发日期'), `2026-11-20${ENTER}`),
    ...q(T(lang, 'Entity certificate', '主体证件'), `docs/business-license.jpg${ENTER}`),
    ...q(T(lang, 'national emblem side \\(张三\\)', '身份证国徽面（张三）'), `docs/zhangsan-id-back.jpg${ENTER}`),
    ...q(T(lang, 'photo side \\(张三\\)', '身份证人像面（张三）'), `docs/zhangsan-id-front.jpg${ENTER}`),
  ];
}

/** The review: the check's verdict, then the contact address changed (the ninth entry) and the manifest written. */
function review(lang: Lang): Step[] {
  return [
    { expect: T(lang, 'manifest\\.yaml {2}Guangdong {2}READY', 'manifest\\.yaml {2}广东省 {2}可以提交') },
    ...q(T(lang, 'Review: write the manifest, or choose an answer to change', '核对：写入备案资料文件，或选择要修改的答案'), DOWN.repeat(8) + ENTER),
    ...q(
      T(lang, 'Contact address of the entity .*\\(广东省深圳市南山区科技园路1号\\)', '主体通信地址.*\\(广东省深圳市南山区科技园路1号\\)'),
      `广东省深圳市福田区深南大道2号${ENTER}`,
    ),
    { expect: T(lang, 'READY', '可以提交') },
    ...q(T(lang, 'Review: write the manifest', '核对：写入备案资料文件'), ENTER),
  ];
}

function checkWithBin(cwd: string, file: string): { status: number | null; verdict: string; text: string } {
  const r = spawnSync(process.execPath, [BIN, file, '--offline', '--format', 'json', '--date', DATE], { cwd, env: ENV, encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { filings: { verdict: string; findings: { rule: string; message: string }[] }[] };
  const filing = report.filings[0]!;
  if (filing.verdict === 'invalid') throw new Error(`icp-check found the manifest invalid: ${JSON.stringify(filing.findings)}`);
  return { status: r.status, verdict: filing.verdict, text: readFileSync(join(cwd, file), 'utf8') };
}

const DATE = '2026-11-30';
const EXAMPLE_DOCS = join(ROOT, 'examples', 'guangdong-enterprise', 'docs');

function exampleDir(): string {
  const dir = workdir();
  cpSync(EXAMPLE_DOCS, join(dir, 'docs'), { recursive: true });
  return dir;
}

describe.each(['en', 'zh'] as const)('icp-check init in a terminal (%s)', { timeout: 240_000 }, (lang) => {
  it("refuses answers in check's words, goes back with Esc, reviews and changes an answer, and writes a READY manifest", () => {
    const dir = exampleDir();
    const steps: Step[] = [...entity(lang), ...rest(lang), ...review(lang)];
    if (lang === 'en') {
      // Meanwhile another program creates the target: it is kept, and another name is offered.
      steps.push({ expect: 'Look the domains up' }, { write: ['manifest.yaml', 'kept: true\n'] }, { send: ENTER });
      steps.push(...q('was created while you answered; it is kept\\. Write the manifest as \\(manifest-2\\.yaml\\)', ENTER), { expect: 'Wrote manifest-2\\.yaml' });
    } else {
      steps.push(...q('写入后用 icp-check 检查', ENTER), { expect: '已写入 manifest\\.yaml' });
    }
    const s = session(dir, ['manifest.yaml', '--lang', lang, '--date', DATE], steps);
    expect(s.error).toBeNull();
    expect(s.exit).toBe(0);
    const written = lang === 'en' ? 'manifest-2.yaml' : 'manifest.yaml';
    if (lang === 'en') expect(readFileSync(join(dir, 'manifest.yaml'), 'utf8')).toBe('kept: true\n');
    const check = checkWithBin(dir, written);
    expect(check.verdict).toBe('ready');
    expect(check.status).toBe(0);
    expect(check.text).toContain('address: 广东省深圳市福田区深南大道2号');
    expect(check.text).toContain(`number: ${ID}`);
    expect(check.text).toContain('mobileProvince: guangdong');
    expect(readdirSync(dir).sort()).toEqual(lang === 'en' ? ['docs', 'manifest-2.yaml', 'manifest.yaml'] : ['docs', 'manifest.yaml']);
  });
});

describe('icp-check init in a terminal', { timeout: 180_000 }, () => {
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

  it('cuts a paste of 5,000 characters at the longest answer and says so, without drawing each character again', () => {
    const dir = workdir();
    const s = session(
      dir,
      ['manifest.yaml', '--lang', 'en'],
      [
        ...q('Filing province', 'guang'),
        ...q('Guangdong', ENTER),
        ...q('kind of filing', ENTER),
        ...q('Who is filing', ENTER),
        ...q('Entity name', '示'.repeat(5000)),
        ...q('at most 500 characters: the rest was cut', ENTER),
        { expect: 'Unified social credit code' },
        { send: '\u0003' },
        { expect: 'cancelled' },
      ],
    );
    expect(s.error).toBeNull();
    expect(s.exit).toBe(130);
    // The answer kept is the first 500 characters (the terminal wraps the line it shows).
    const done = s.output.slice(s.output.lastIndexOf('✔ Entity name, exactly as on the business licence '));
    const kept = done.slice(done.indexOf('示'), done.indexOf('? Unified social credit code')).replace(/\s/g, '');
    expect(kept).toBe('示'.repeat(500));
    // Once cut, further characters of the paste are not drawn again: the question is on screen a bounded number of times.
    expect(s.output.split('? Entity name').length).toBeLessThan(600);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('Esc on a list question goes back to the question before, whose answer can then change', () => {
    const dir = workdir();
    const s = session(
      dir,
      ['manifest.yaml', '--lang', 'en'],
      [
        ...q('Filing province', 'guang'),
        ...q('Guangdong', ENTER),
        ...q('kind of filing', ESC),
        // The province is asked again; another one is chosen.
        ...q('Filing province', 'tianjin'),
        ...q('Tianjin', ENTER),
        ...q('kind of filing', ENTER),
        ...q('Who is filing', ESC),
        ...q('kind of filing', '\u0003'),
        { expect: 'cancelled' },
      ],
    );
    expect(s.error).toBeNull();
    expect(s.exit).toBe(130);
    expect(s.output).toMatch(/✔ Filing province.* Guangdong[\s\S]*✔ Filing province.* Tianjin/);
    expect(s.output.match(/\? What kind of filing is this\?/g)!.length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('closing input (Ctrl-D) mid-way exits 130 with one line and writes nothing', () => {
    const dir = workdir();
    const s = session(dir, ['manifest.yaml', '--lang', 'en'], [...entity('en'), ...q('Website 1: name', '\u0004'), { expect: 'cancelled' }]);
    expect(s.error).toBeNull();
    expect(s.exit).toBe(130);
    const after = s.output.slice(s.output.lastIndexOf('Website 1: name'));
    expect(after.split(/\r?\n/).filter((l) => /cancelled/.test(l))).toEqual(['init: cancelled; nothing written']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('Ctrl-C at the review exits 130 and writes nothing', () => {
    const dir = exampleDir();
    const s = session(
      dir,
      ['manifest.yaml', '--lang', 'en', '--date', DATE],
      [...entity('en'), ...rest('en'), ...q('Review: write the manifest', '\u0003'), { expect: 'cancelled' }],
    );
    expect(s.exit).toBe(130);
    expect(readdirSync(dir)).toEqual(['docs']);
  });

  it('a terminal closed mid-way leaves no file and no temporary file', () => {
    const dir = workdir();
    const s = session(dir, ['manifest.yaml', '--lang', 'en'], [...entity('en'), { expect: 'Website 1: name' }, { hangup: true }]);
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

  it("writes from the README's example answers, with the example's images, a manifest the checker finds READY", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /<!-- init-answers -->\s*```json\n([\s\S]*?)```/.exec(readme);
    if (!m) throw new Error('README.md has no example answers after <!-- init-answers -->');
    const dir = exampleDir();
    writeFileSync(join(dir, 'answers.json'), m[1]!);
    const r = spawnSync(initArgv[0]!, [...initArgv.slice(1), 'manifest.yaml', '--answers', 'answers.json', '--lang', 'en', '--date', DATE], {
      cwd: dir,
      env: ENV,
      encoding: 'utf8',
      input: '',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/manifest\.yaml {2}Guangdong {2}READY/);
    const check = checkWithBin(dir, 'manifest.yaml');
    expect(check.verdict).toBe('ready');
  });
});

describe('init --answers reads only a bounded regular file', { timeout: 120_000 }, () => {
  const run = (dir: string, answers: string) =>
    spawnSync(initArgv[0]!, [...initArgv.slice(1), 'manifest.yaml', '--answers', answers, '--lang', 'en'], { cwd: dir, env: ENV, encoding: 'utf8', input: '', timeout: 60_000 });

  it('refuses /dev/zero at once instead of reading it without end', () => {
    const dir = workdir();
    const r = run(dir, '/dev/zero');
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('init: /dev/zero: not a regular file (a pipe, device or folder is not read)\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const dir = workdir();
    execFileSync('mkfifo', [join(dir, 'answers.json')]);
    const r = run(dir, 'answers.json');
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/answers\.json: not a regular file/);
    expect(readdirSync(dir)).toEqual(['answers.json']);
  });

  it('refuses a file larger than 1 MiB without reading it whole', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'answers.json'), `{"province": "${'x'.repeat(2 * 1024 * 1024)}"}`);
    const r = run(dir, 'answers.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/answers\.json: larger than 1 MiB/);
  });

  it('refuses a name of a megabyte, which would make a manifest the checker refuses', () => {
    const dir = workdir();
    const name = '张'.repeat(300_000);
    writeFileSync(
      join(dir, 'answers.json'),
      JSON.stringify({
        province: 'GD',
        entity: {
          type: 'enterprise',
          name,
          certificate: { number: ACME_USCC },
          legalRepresentative: { name: '张三' },
          principal: { name: '张三', id: { type: 'id-card', number: ZHANG_ID }, mobile: '13800138000', email: 'zhangsan@example.com' },
        },
        websites: [{ name: '示例科技官网', domains: ['example.com'] }],
        instances: [{ id: 'i-1', product: 'ecs', region: 'cn-shenzhen' }],
      }),
    );
    const r = run(dir, 'answers.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/answers\.json: entity\.name: at most 500 characters/);
    expect(readdirSync(dir)).toEqual(['answers.json']);
  });
});
