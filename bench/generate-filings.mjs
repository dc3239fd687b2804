#!/usr/bin/env node
// Writes N realistic filings for the benchmark: one folder per client with its manifest and real
// JPEG scans of realistic sizes (licence ~330 KB, ID sides ~145 KB, statements ~200 KB), across
// provinces, enterprises and individuals, several websites and domains, and a share with problems.
//
//   node bench/generate-filings.mjs <N> [out-dir]     (default out-dir: bench/work/<N>)
//
// Needs `npm run build` first: the check characters come from the built identity module. Dates are
// quoted so that YAML 1.1 loaders (the ajv-cli baseline uses js-yaml) read them as strings too.
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { idCheckDigit, usccCheckCharacter } = await import(path.join(repo, 'dist/facts/identity.js'));
const { makeJpeg, prng } = await import(path.join(repo, 'scripts/make-images.mjs'));

const PROVINCES = [
  { slug: 'guangdong', division: '440305', city: '深圳市南山区', region: 'cn-shenzhen', mobile: 'guangdong' },
  { slug: 'beijing', division: '110105', city: '北京市朝阳区', region: 'cn-beijing', mobile: 'beijing' },
  { slug: 'shanghai', division: '310115', city: '上海市浦东新区', region: 'cn-shanghai', mobile: 'shanghai' },
  { slug: 'zhejiang', division: '330106', city: '浙江省杭州市西湖区', region: 'cn-hangzhou', mobile: 'zhejiang' },
  { slug: 'jiangsu', division: '320102', city: '江苏省南京市玄武区', region: 'cn-shanghai', mobile: 'jiangsu' },
  { slug: 'sichuan', division: '510107', city: '四川省成都市武侯区', region: 'cn-chengdu', mobile: 'sichuan' },
  { slug: 'hubei', division: '420106', city: '湖北省武汉市武昌区', region: 'cn-wuhan-lr', mobile: 'hubei' },
  { slug: 'shandong', division: '370102', city: '山东省济南市历下区', region: 'cn-qingdao', mobile: 'shandong' },
];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明'];
const TRADES = ['科技', '信息技术', '网络科技', '软件', '电子商务', '文化传播', '教育咨询', '设计'];
const SUFFIXES = ['cn', 'com', 'com.cn', 'net', 'top', 'cn'];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const POOL_SETS = 20;

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) {
  process.stderr.write('usage: node bench/generate-filings.mjs <N> [out-dir]\n');
  process.exit(2);
}
const out = path.resolve(process.argv[3] ?? path.join(repo, 'bench/work', String(n)));
const poolDir = path.join(repo, 'bench/work/pool');
const rnd = prng(20261126 + n);
const pick = (list) => list[Math.floor(rnd() * list.length)];
const digits = (k) => Array.from({ length: k }, () => Math.floor(rnd() * 10)).join('');

/** A pool of distinct scans; filings get hard links (copies where links fail) so disk use stays small. */
function imagePool() {
  mkdirSync(poolDir, { recursive: true });
  const sets = [];
  for (let s = 0; s < POOL_SETS; s++) {
    const files = {
      license: [{ width: 1000, height: 700, quality: 80, amplitude: 120 }, 'license'],
      front: [{ width: 856, height: 540, quality: 80, amplitude: 50 }, 'id-front'],
      back: [{ width: 856, height: 540, quality: 80, amplitude: 50 }, 'id-back'],
      statement: [{ width: 794, height: 1123, quality: 75, amplitude: 40 }, 'statement'],
    };
    const set = {};
    for (const [key, [opts, name]] of Object.entries(files)) {
      const file = path.join(poolDir, `${name}-${s}.jpg`);
      if (!existsSync(file)) writeFileSync(file, makeJpeg({ ...opts, seed: 1000 + s * 10 + name.length }));
      set[key] = file;
    }
    sets.push(set);
  }
  return sets;
}

function place(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function idNumber(division, year, sexOdd) {
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
  const seq = `${digits(2)}${sexOdd ? pick([1, 3, 5, 7, 9]) : pick([0, 2, 4, 6, 8])}`;
  const first17 = `${division}${year}${month}${day}${seq}`;
  return first17 + idCheckDigit(first17);
}

function uscc(division) {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_CHARS[Math.floor(rnd() * USCC_CHARS.length)];
  const first17 = `91${division}${org}`;
  return first17 + usccCheckCharacter(first17);
}

const q = (s) => JSON.stringify(s);

function personYaml(indent, p, docs) {
  const pad = ' '.repeat(indent);
  return [
    `${pad}name: ${p.name}`,
    `${pad}id:`,
    `${pad}  type: id-card`,
    `${pad}  number: ${q(p.id)}`,
    `${pad}  expires: "${2028 + Math.floor(rnd() * 10)}-0${1 + Math.floor(rnd() * 9)}-15"`,
    `${pad}  front: ${docs}-front.jpg`,
    `${pad}  back: ${docs}-back.jpg`,
    `${pad}mobile: ${q(p.mobile)}`,
    `${pad}mobileProvince: ${p.mobileProvince}`,
    `${pad}email: ${p.email}`,
  ];
}

function filing(i, pool) {
  const prov = PROVINCES[i % PROVINCES.length];
  const individual = rnd() < 0.3;
  // About one filing in eight has a problem an agency would catch: a bad mobile or a missing scan.
  const problem = rnd() < 0.125 ? pick(['mobile', 'missing-scan']) : undefined;
  const tag = `c${String(i + 1).padStart(4, '0')}`;
  const name = pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : '');
  const mobile = problem === 'mobile' ? `1380013${digits(3)}` : `13${pick(['8', '9', '6'])}${digits(8)}`;
  const principal = {
    name,
    id: idNumber(prov.division, String(1965 + Math.floor(rnd() * 35)), rnd() < 0.5),
    mobile,
    mobileProvince: prov.mobile,
    email: `${tag}@example-${tag}.cn`,
  };
  const entityName = individual
    ? name
    : `${prov.city.replace(/^.*省/, '').replace(/区$/, '')}${pick(['云', '星', '联', '创'])}${pick(['帆', '图', '达', '智'])}${pick(TRADES)}有限公司`;
  const websites = [];
  const domains = [];
  const siteCount = individual ? 1 : 1 + Math.floor(rnd() * 3);
  for (let w = 0; w < siteCount; w++) {
    const base = `${tag}${w ? `-${w}` : ''}-example`;
    const list = [];
    for (let d = 0; d < 1 + Math.floor(rnd() * 2); d++) list.push(`${base}.${pick(SUFFIXES)}`);
    const unique = [...new Set(list)];
    domains.push(...unique);
    websites.push({ name: individual ? `${name}的个人博客` : `${entityName.slice(0, 6)}${['官网', '商城', '帮助中心'][w]}`, domains: unique });
  }
  const set = pool[i % pool.length];
  const files = [];
  const lines = [
    `# Client ${tag}: generated for the benchmark (names and numbers are made up, check characters are real).`,
    'version: 1',
    `province: ${prov.slug}`,
    'filing: new',
    '',
    'entity:',
    `  type: ${individual ? 'individual' : 'enterprise'}`,
    `  name: ${entityName}`,
  ];
  if (!individual) {
    lines.push('  certificate:', '    type: business-license', `    number: ${uscc(prov.division)}`, '    expires: long-term', '    image: docs/business-license.jpg');
    files.push([set.license, 'docs/business-license.jpg']);
  }
  lines.push(`  address: ${prov.city}科技园路${1 + Math.floor(rnd() * 200)}号`);
  if (!individual) lines.push('  legalRepresentative:', `    name: ${name}`);
  lines.push('  principal:', ...personYaml(4, principal, 'docs/principal-id'));
  if (problem !== 'missing-scan') files.push([set.front, 'docs/principal-id-front.jpg']);
  files.push([set.back, 'docs/principal-id-back.jpg']);
  lines.push('', 'websites:');
  websites.forEach((w, k) => {
    lines.push(
      `  - name: ${w.name}`,
      `    domains: [${w.domains.join(', ')}]`,
      `    content: [${individual ? 'personal-blog' : 'general'}]`,
      `    remarks: ${individual ? '本网站为个人博客' : '企业介绍与产品展示'}`,
      `    instances: [i-${tag}]`,
      '    admin: principal',
    );
    void k;
  });
  lines.push(
    '',
    'instances:',
    `  - id: i-${tag}`,
    `    product: ${individual ? 'simple-application-server' : 'ecs'}`,
    `    region: ${prov.region}`,
    '    billing: subscription',
    '    expires: "2030-06-30"',
    ...(individual ? [] : ['    publicBandwidthMbps: 5']),
    '    serviceNumbersUsed: 0',
    '',
    'domains:',
  );
  for (const d of domains) {
    lines.push(
      `  ${d}:`,
      `    holder: ${entityName}`,
      '    registrar: 阿里云计算有限公司（万网）',
      '    realNameVerified: true',
      '    realNameVerifiedOn: "2026-09-01"',
      '    privacyProtection: false',
      '    expires: "2031-08-31"',
    );
  }
  lines.push('', 'documents:', '  - kind: authenticity-statement', '    file: docs/authenticity-statement.jpg', '    issued: "2026-11-20"', '');
  files.push([set.statement, 'docs/authenticity-statement.jpg']);
  return { folder: tag, text: lines.join('\n'), files };
}

const pool = imagePool();
rmSync(out, { recursive: true, force: true });
for (let i = 0; i < n; i++) {
  const f = filing(i, pool);
  const dir = path.join(out, f.folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.yaml'), f.text);
  for (const [from, rel] of f.files) place(from, path.join(dir, rel));
}
process.stdout.write(`${out}\n`);
