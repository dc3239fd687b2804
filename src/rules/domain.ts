// Domain checks (`before` §1 and §3, province settings of §5, EXTRA-RULES.md): syntax, registrable
// domain, suffix approval, and what WHOIS/RDAP said (registered, expiry, holds, registrar, holder,
// privacy), compared with the facts declared in `domains:`. Rules are pure: lookups arrive in
// `ctx.facts.domains`, keyed by registrable ASCII domain; every finding says what the server said.
import { domainToUnicode } from 'node:url';
import type { ArgValue, Args, NamedArg, PhraseArg, RawFinding } from '../model.js';
import type { FilingWebsite } from '../manifest/filing.js';
import type { DeclaredDomain } from '../manifest/schema.js';
import type { DomainLookup, WhoisRecord } from '../facts/types.js';
import { parseDomain, type DomainName } from '../facts/domain-name.js';
import { addDays, daysBetween, todayInChina } from '../facts/dates.js';
import { privacyMarkerOf } from '../facts/domains/parse-whois.js';
import { regulationFigure, settingsFor } from '../regulations/index.js';
import type { ProvinceSettings } from '../regulations/schema.js';
import { asciiSuffix, findRegistrar, loadRegistrarList, loadTldList, normaliseName, type RegistrarList, type TldList, withRegistrars } from './domain-data.js';
import { defineRule, type CheckContext, type CodeRule } from './types.js';
import { formatPath } from '../manifest/paths.js';
import { PROVINCES } from '../manifest/provinces.js';
import { nameOf } from '../report/catalogue/names.js';
import { memoise } from '../memo.js';

/** Days real-name data takes to reach the MIIT database (`before` §3). */
/** Days real-name data takes to reach MIIT: the figure of process/real-name-sync (regulations/process.yaml). */
export const realNameSyncDays = (): number => regulationFigure('process/real-name-sync', 'days');
/** Statuses under which a domain does not resolve or is being deleted. */
const HOLDS = ['clienthold', 'serverhold', 'pendingdelete', 'redemptionperiod'];

interface Entry {
  path: string;
  website: FilingWebsite;
  input: string;
  name?: DomainName;
}

interface Registered {
  name: DomainName;
  /** Where it first appears. */
  path: string;
  websites: FilingWebsite[];
}

function entries(ctx: CheckContext): Entry[] {
  return ctx.filing.websites.flatMap((w) =>
    w.domains.map((d, j): Entry => {
      const p = parseDomain(d);
      return p.ok ? { path: `${w.path}.domains[${j}]`, website: w, input: d, name: p.domain } : { path: `${w.path}.domains[${j}]`, website: w, input: d };
    }),
  );
}

const registrablesByFiling = new WeakMap<CheckContext['filing'], Registered[]>();

/** The filing's registrable domains, worked out once per filing: most domain rules ask, on every day the filing is evaluated at. */
function registrables(ctx: CheckContext): Registered[] {
  let list = registrablesByFiling.get(ctx.filing);
  if (!list) registrablesByFiling.set(ctx.filing, (list = registrablesOf(ctx)));
  return list;
}

function registrablesOf(ctx: CheckContext): Registered[] {
  const map = new Map<string, Registered>();
  for (const e of entries(ctx)) {
    if (!e.name) continue;
    const r = map.get(e.name.registrable);
    if (r) {
      if (!r.websites.includes(e.website)) r.websites.push(e.website);
    } else map.set(e.name.registrable, { name: e.name, path: e.path, websites: [e.website] });
  }
  return [...map.values()];
}

const declaredKeys = new WeakMap<CheckContext['filing'], Map<string, string | undefined>>();

/** The `domains:` key declaring a registrable domain, whatever form it was written in. */
function declaredKey(ctx: CheckContext, registrable: string): string | undefined {
  let keys = declaredKeys.get(ctx.filing);
  if (!keys) declaredKeys.set(ctx.filing, (keys = new Map()));
  if (keys.has(registrable)) return keys.get(registrable);
  const key = declaredKeyOf(ctx, registrable);
  keys.set(registrable, key);
  return key;
}

function declaredKeyOf(ctx: CheckContext, registrable: string): string | undefined {
  for (const key of Object.keys(ctx.filing.manifest.domains ?? {})) {
    const p = parseDomain(key);
    if (p.ok && (p.domain.registrable === registrable || p.domain.ascii === registrable)) return key;
  }
  return undefined;
}

/** Declared facts for a registrable domain. */
function declared(ctx: CheckContext, registrable: string): DeclaredDomain | undefined {
  const key = declaredKey(ctx, registrable);
  return key === undefined ? undefined : ctx.filing.manifest.domains[key];
}

const declaredPaths = new WeakMap<CheckContext['filing'], Map<string, string>>();

/** The manifest path of a declared fact, e.g. `domains["example.com"].expires` (written once per filing). */
function declaredPath(ctx: CheckContext, registrable: string, field: string): string {
  let paths = declaredPaths.get(ctx.filing);
  if (!paths) declaredPaths.set(ctx.filing, (paths = new Map()));
  const key = `${registrable}\u0000${field}`;
  let path = paths.get(key);
  if (path === undefined) paths.set(key, (path = formatPath(['domains', declaredKey(ctx, registrable) ?? registrable, field])));
  return path;
}

const provinceName = (slug: string): NamedArg => ({ name: 'province', value: slug });

/** A public suffix for display (`中国`), once per suffix: every domain of every filing asks. */
const suffixUnicode = memoise((ascii) => domainToUnicode(ascii));

const cstDate = (iso: string) => todayInChina(new Date(iso));

const NO_LOOKUP: { said: PhraseArg } = { said: { phrase: 'lookup.none' } };
const saidOf = new WeakMap<DomainLookup, { said: PhraseArg }>();

/** What the server said, as a catalogue phrase, for every domain finding (worked out once per lookup: findings only read it). */
function said(l: DomainLookup | undefined): { said: PhraseArg } {
  if (!l) return NO_LOOKUP;
  let out = saidOf.get(l);
  if (!out) saidOf.set(l, (out = saidUncached(l)));
  return out;
}

function saidUncached(l: DomainLookup): { said: PhraseArg } {
  if (!l) return { said: { phrase: 'lookup.none' } };
  if (l.status === 'offline') return { said: { phrase: 'lookup.offline' } };
  if (l.status === 'error') return { said: { phrase: 'lookup.error', args: { error: l.error ?? { phrase: 'lookup.unknown-error' } } } };
  const via = l.record?.source === 'rdap' ? 'RDAP' : 'WHOIS';
  const server = l.record?.server ?? l.server ?? '?';
  const cached: ArgValue = l.fromCache && l.fetchedAt ? { phrase: 'lookup.cached', args: { at: l.fetchedAt.slice(0, 16).replace('T', ' ') } } : '';
  if (l.status === 'not-found') return { said: { phrase: 'lookup.not-found', args: { via, server, cached } } };
  const r = l.record!;
  const fields: ArgValue[] = [];
  if (r.registrar) fields.push({ phrase: 'lookup.registrar', args: { registrar: r.registrar } });
  const holder = [r.registrantName, r.registrantOrganization].filter(Boolean).join(' / ');
  if (holder) fields.push({ phrase: 'lookup.holder', args: { holder } });
  if (r.expires) fields.push({ phrase: 'lookup.expires', args: { expires: cstDate(r.expires) } });
  if (r.statuses.length) fields.push({ phrase: 'lookup.statuses', args: { statuses: r.statuses.join(' ') } });
  // A referral, redirect or related link the network policy did not follow, so the user sees why a field is missing.
  if (r.notFollowed) fields.push({ phrase: 'lookup.not-followed', args: { reason: r.notFollowed } });
  return { said: { phrase: 'lookup.record', args: { via, server, cached, fields: fields.length ? fields : { phrase: 'lookup.no-fields' } } } };
}

/** Where a fact came from when the record does not show it: the manifest's `domains:` declaration. */
const DECLARED: PhraseArg = { phrase: 'lookup.declared' };
const CONFIRM_TLDS: NamedArg = { name: 'confirmAt', value: 'tlds' };
const CONFIRM_REGISTRARS: NamedArg = { name: 'confirmAt', value: 'registrars' };

/** Holder names the record shows in the clear. */
function visibleHolders(r: WhoisRecord | undefined): string[] {
  if (!r) return [];
  return [r.registrantName, r.registrantOrganization].filter((n): n is string => !!n && privacyMarkerOf(n) === undefined);
}

/** The names a holder may carry in this province, with who they are. */
function acceptedHolders(ctx: CheckContext, reg: Registered, s: ProvinceSettings): { name: string; role: string }[] {
  const m = ctx.filing.manifest.entity;
  const out: { name: string; role: string }[] = [];
  for (const role of s.domainHolderMayBe) {
    if (role === 'entity') out.push({ name: m.name, role });
    if (role === 'legalRepresentative' && m.legalRepresentative) out.push({ name: m.legalRepresentative.name, role });
    if (role === 'principal') out.push({ name: m.principal.name, role });
    if (role === 'admin') for (const w of reg.websites) out.push({ name: w.admin.name, role });
  }
  return out;
}

function roleList(roles: string[]): NamedArg[] {
  return [...new Set(roles)].map((value) => ({ name: 'role', value }));
}

export interface DomainRuleData {
  settings: (province: string) => ProvinceSettings;
  tlds: () => TldList;
  registrars: () => RegistrarList;
}

/** The domain rules over a source of province settings and lists (tests pass their own). */
/** The provinces whose settings satisfy `test`, named in both languages. */
function provincesWhere(settings: (province: string) => ProvinceSettings, test: (s: ProvinceSettings) => boolean): { en: string; zh: string } {
  const found = PROVINCES.filter((p) => test(settings(p.slug)));
  return { en: found.map((p) => p.en).join(', '), zh: found.map((p) => p.short).join('、') };
}

/** Where a province's expiry threshold comes from: its cited source, or icp-check's own default. */
function thresholdSourceOf(s: ProvinceSettings): ArgValue {
  return s.domainExpirySource
    ? ({ name: 'source', value: s.domainExpirySource } satisfies NamedArg)
    : ({ phrase: 'source.default', args: { tool: 'icp-check' } } satisfies PhraseArg);
}

/** "90 days by default, 45 days in Shandong (source) ..." from the province settings. */
function expiryThresholds(settings: (province: string) => ProvinceSettings): { en: string; zh: string } {
  const fallback = settings('').domainExpiryWarnDays;
  const own = PROVINCES.map((p) => ({ p, s: settings(p.slug) })).filter(({ s }) => s.domainExpirySource !== undefined || s.domainExpiryWarnDays !== fallback);
  return {
    en: [`${fallback} days by default`, ...own.map(({ p, s }) => `${s.domainExpiryWarnDays} days in ${p.en}${s.domainExpirySource ? ` (${s.domainExpirySource})` : ''}`)].join(
      ', ',
    ),
    zh: [
      `默认 ${fallback} 天`,
      ...own.map(({ p, s }) => `${p.short} ${s.domainExpiryWarnDays} 天${s.domainExpirySource ? `（${nameOf('source', s.domainExpirySource, 'zh')}）` : ''}`),
    ].join('，'),
  };
}

export function createDomainRules(data: Partial<DomainRuleData> = {}): CodeRule[] {
  const settings = data.settings ?? settingsFor;
  const tlds = data.tlds ?? loadTldList;
  const registrars = data.registrars ?? loadRegistrarList;
  const lookupOf = (ctx: CheckContext, d: string) => ctx.facts.domains.get(d);

  /** The declared real-name verifications of the filing's domains and the day each reaches MIIT, once per filing. */
  type Verification = { domain: string; on: string; ready: string; path: string };
  const verificationMemo = new WeakMap<CheckContext['filing'], { syncDays: number; list: Verification[] }>();
  const verifications = (ctx: CheckContext, syncDays: number): Verification[] => {
    const memo = verificationMemo.get(ctx.filing);
    if (memo && memo.syncDays === syncDays) return memo.list;
    const list = registrables(ctx).flatMap((r): Verification[] => {
      const d = declared(ctx, r.name.registrable);
      if (!d?.realNameVerifiedOn || d.realNameVerified === false) return [];
      const on = d.realNameVerifiedOn;
      return [{ domain: r.name.registrableUnicode, on, ready: addDays(on, syncDays), path: declaredPath(ctx, r.name.registrable, 'realNameVerifiedOn') }];
    });
    verificationMemo.set(ctx.filing, { syncDays, list });
    return list;
  };

  /**
   * What whois/expiry knows of each registrable domain apart from the day: the expiry date and
   * where it comes from, or the finding when there is none. Worked out once per filing and its
   * lookups, as the validity search asks on many days.
   */
  type Expiry = { finding: RawFinding } | { expires: string; base: Args; from: PhraseArg; path: string };
  const expiryMemo = new WeakMap<CheckContext['facts'], { filing: CheckContext['filing']; settings: ProvinceSettings; list: Expiry[] }>();
  const expiries = (ctx: CheckContext, s: ProvinceSettings): Expiry[] => {
    const memo = expiryMemo.get(ctx.facts);
    if (memo && memo.filing === ctx.filing && memo.settings === s) return memo.list;
    const list = registrables(ctx).flatMap((r): Expiry[] => {
      const l = lookupOf(ctx, r.name.registrable);
      if (l?.status === 'not-found') return [];
      const d = declared(ctx, r.name.registrable);
      const sd = said(l);
      const fromRecord = l?.record?.expires;
      const expires = fromRecord ? cstDate(fromRecord) : d?.expires;
      const base = { domain: r.name.registrableUnicode, ...sd };
      if (!expires) return [{ finding: { rule: 'whois/expiry', status: 'unknown', path: r.path, args: base } }];
      return [{ expires, base, from: fromRecord ? sd.said : DECLARED, path: fromRecord ? r.path : declaredPath(ctx, r.name.registrable, 'expires') }];
    });
    expiryMemo.set(ctx.facts, { filing: ctx.filing, settings: s, list });
    return list;
  };

  const syntax = defineRule({
    id: 'domain/syntax',
    source: 'before §1 (Prepare and check the domain name)',
    title: { en: 'Domain names are written as bare host names', zh: '域名以纯主机名填写' },
    explain: {
      en: 'A website lists domain names such as example.com or 例子.中国: no scheme (https://), no path, no port, not an IP address. Names are lower-cased, a trailing dot is dropped, and internationalised names are checked in their punycode form.',
      zh: '网站的域名应写成 example.com 或 例子.中国 这样的形式：不带协议（https://）、路径或端口，也不能是 IP 地址。域名统一转为小写、去掉末尾的点，中文域名按 punycode 形式检查。',
    },
    messages: {
      pass: { message: { en: '{domain} is a valid domain name.', zh: '{domain} 是有效的域名。' } },
      url: {
        message: { en: '"{input}" is a URL, not a domain name.', zh: '“{input}”是网址而不是域名。' },
        fix: {
          en: 'Write only the host name, e.g. example.com instead of https://www.example.com/path.',
          zh: '只填写主机名，例如 example.com，而不是 https://www.example.com/path。',
        },
      },
      ip: {
        message: { en: '"{input}" is an IP address: ICP filings are for domain names.', zh: '“{input}”是 IP 地址：ICP 备案针对的是域名。' },
        fix: { en: 'List the domain names that point to the website.', zh: '请填写指向该网站的域名。' },
      },
      syntax: {
        message: { en: '"{input}" is not a valid domain name.', zh: '“{input}”不是有效的域名。' },
        fix: {
          en: 'Use letters, digits and hyphens (or Chinese characters) in dot-separated labels, e.g. example.com.',
          zh: '域名由以点分隔的字母、数字、连字符（或汉字）组成，例如 example.com。',
        },
      },
      'no-registrable-domain': {
        message: { en: '"{input}" is a public suffix, not a domain someone can register.', zh: '“{input}”是公共后缀，不是可注册的域名。' },
        fix: { en: 'Write the registered domain, e.g. example.com.cn rather than com.cn.', zh: '请填写已注册的域名，例如 example.com.cn 而不是 com.cn。' },
      },
    },
    check(ctx) {
      return entries(ctx).map((e): RawFinding => {
        if (e.name) return { rule: this.id, status: 'pass', path: e.path, args: { domain: e.name.unicode } };
        const p = parseDomain(e.input);
        const key = p.ok ? 'syntax' : p.error;
        return { rule: this.id, status: 'fail', path: e.path, key, args: { input: e.input } };
      });
    },
  });

  const subdomain = defineRule({
    id: 'domain/subdomain',
    source: 'before §3 (Check item 2: Confirm whether your domain name is a second-level domain name)',
    quote:
      'After the top-level domain of your domain name obtains an ICP filing, the second-level domains and subdomains using this top-level domain become accessible. You do not need to apply for an ICP filing for these domain names.',
    title: { en: 'Subdomains are covered by their registrable domain', zh: '子域名由其主域名的备案覆盖' },
    explain: {
      en: 'What is filed is the registrable domain (example.com); its subdomains (www.example.com) are covered once it is filed. icp-check checks the registrable domain.',
      zh: '备案的对象是主域名（example.com）；主域名备案后，其子域名（www.example.com）即可使用。icp-check 按主域名检查。',
    },
    messages: {
      info: {
        message: {
          en: '{domain} is a subdomain: the filing covers it through {registrable}, which is what gets filed and checked.',
          zh: '{domain} 是子域名：备案的是 {registrable}，子域名随之覆盖；检查也按 {registrable} 进行。',
        },
        fix: { en: 'List {registrable} as the website domain.', zh: '请将 {registrable} 填为网站域名。' },
      },
    },
    check(ctx) {
      return entries(ctx)
        .filter((e) => e.name?.isSubdomain)
        .map((e): RawFinding => ({ rule: this.id, status: 'info', path: e.path, args: { domain: e.name!.unicode, registrable: e.name!.registrableUnicode } }));
    },
  });

  const duplicate = defineRule({
    id: 'domain/duplicate',
    source: 'before §3 (Check item 2); before §5 (one website per domain)',
    title: { en: 'Each domain belongs to one website', zh: '每个域名只属于一个网站' },
    explain: {
      en: 'A registrable domain can be filed for one website only. The same domain (or a subdomain of it) under two websites of the filing is rejected.',
      zh: '一个主域名只能备案在一个网站下。同一备案中两个网站填写了同一个域名（或其子域名）会被驳回。',
    },
    messages: {
      fail: {
        message: { en: '{domain} appears under website "{website}" and again under "{other}" ({first}).', zh: '{domain} 同时出现在网站“{website}”和“{other}”（{first}）下。' },
        fix: { en: 'Keep the domain under one website only.', zh: '请只在一个网站下保留该域名。' },
      },
      'same-website': {
        message: { en: '{domain} is listed twice under website "{website}" (first at {first}).', zh: '{domain} 在网站“{website}”下重复填写（首次出现于 {first}）。' },
        fix: { en: 'Remove the repeated entry.', zh: '请删除重复的条目。' },
      },
    },
    check(ctx) {
      const seen = new Map<string, Entry>();
      const out: RawFinding[] = [];
      for (const e of entries(ctx)) {
        if (!e.name) continue;
        const first = seen.get(e.name.registrable);
        if (!first) {
          seen.set(e.name.registrable, e);
          continue;
        }
        const same = first.website === e.website;
        if (same && first.name!.ascii !== e.name.ascii) continue; // www.example.com beside example.com in one site is fine
        out.push({
          rule: this.id,
          status: same ? 'warn' : 'fail',
          ...(same ? { key: 'same-website' } : {}),
          path: e.path,
          args: { domain: e.name.registrableUnicode, website: e.website.name, other: first.website.name, first: first.path },
        });
      }
      return out;
    },
  });

  const suffix = defineRule({
    id: 'domain/suffix-approved',
    source: 'before §1; before §3 (Check whether your domain name is qualified for an ICP filing); MIIT domain site (域名注册管理机构审批情况)',
    quote: 'Top-level domains that are not approved by MIIT cannot obtain an ICP filing.',
    title: { en: 'The domain suffix is approved by MIIT', zh: '域名后缀已获工信部批准' },
    explain: {
      en: 'Only suffixes approved by MIIT can be filed. icp-check ships a dated list (regulations/tlds.yaml) with approved and known-unapproved suffixes: approved passes, unapproved fails, and a suffix on neither list warns, naming the list date and where to confirm. Add suffixes with --tld-list <file> or settings.approvedSuffixes in the manifest.',
      zh: '只有工信部批准的域名后缀才能备案。icp-check 自带一份注明日期的列表（regulations/tlds.yaml），含已批准和已知未批准的后缀：已批准为通过，未批准为不通过，两者都不在的给出警告，并说明列表日期和确认途径。可用 --tld-list <文件> 或备案资料文件中的 settings.approvedSuffixes 追加后缀。',
    },
    messages: {
      pass: { message: { en: '{domain}: {suffix} is an approved suffix ({how}).', zh: '{domain}：{suffix} 是已批准的后缀（{how}）。' } },
      fail: {
        message: { en: '{domain}: the suffix {suffix} is not approved by MIIT, so this domain cannot be filed.', zh: '{domain}：后缀 {suffix} 未获工信部批准，该域名无法备案。' },
        fix: { en: 'Use a domain under an approved suffix such as .cn, .com or .net.', zh: '请改用已批准后缀下的域名，如 .cn、.com、.net。' },
      },
      warn: {
        message: {
          en: '{domain}: the suffix {suffix} is not on the bundled list of approved suffixes (dated {date}); it may or may not be approved.',
          zh: '{domain}：后缀 {suffix} 不在内置的已批准后缀列表（{date}）中，无法确定是否已获批准。',
        },
        fix: {
          en: 'Confirm on {confirmAt}; if it is approved, add it with --tld-list or settings.approvedSuffixes.',
          zh: '请在{confirmAt}确认；如已批准，可用 --tld-list 或 settings.approvedSuffixes 追加。',
        },
      },
    },
    check(ctx) {
      const list = tlds();
      const extra = new Set(ctx.options.approvedSuffixes.map(asciiSuffix));
      return registrables(ctx).map((r): RawFinding => {
        const candidates = [r.name.suffix, r.name.suffix.split('.').pop()!];
        const args: Args = { domain: r.name.registrableUnicode, suffix: `.${r.name.suffixUnicode}`, date: list.date, confirmAt: CONFIRM_TLDS };
        const hitExtra = candidates.find((c) => extra.has(c));
        const hit = candidates.find((c) => list.approved.has(c));
        if (hit || hitExtra) {
          const s = `.${suffixUnicode(hit ?? hitExtra!)}`;
          const how = { how: hit ? { phrase: 'tld.bundled-list', args: { date: list.date } } : { phrase: 'tld.added-by-settings' } };
          return { rule: this.id, status: 'pass', path: r.path, args: Object.assign({}, args, { suffix: s }, how) };
        }
        if (candidates.some((c) => list.notApproved.has(c))) return { rule: this.id, status: 'fail', path: r.path, args };
        return { rule: this.id, status: 'warn', path: r.path, args };
      });
    },
  });

  const publicInstitution = defineRule({
    id: 'domain/public-institution-suffix',
    source: 'Huawei Cloud ICP rule knowledge base (filing-rules)',
    quote: 'Public institutions (事业单位) should file domains under .cn or .公益.',
    title: { en: 'Public institutions file .cn or .公益 domains', zh: '事业单位使用 .cn 或 .公益 域名' },
    explain: {
      en: 'Public institutions (事业单位) are expected to file domains under .cn (including .gov.cn, .org.cn ...) or .公益. Another suffix is not refused outright everywhere, but it is a common reason for questions.',
      zh: '事业单位应使用 .cn（含 .gov.cn、.org.cn 等）或 .公益 域名备案。其他后缀并非各地都直接驳回，但常被要求说明。',
    },
    messages: {
      warn: {
        message: {
          en: '{domain} is not under .cn or .公益, which public institutions are expected to use.',
          zh: '{domain} 不是 .cn 或 .公益 域名，而事业单位通常应使用这两类后缀。',
        },
        fix: { en: 'Consider filing a .cn or .公益 domain, or confirm with the provincial administration.', zh: '建议改用 .cn 或 .公益 域名备案，或向当地通信管理局确认。' },
      },
    },
    check(ctx) {
      if (ctx.filing.manifest.entity.type !== 'public-institution') return [];
      const gongyi = asciiSuffix('公益');
      return registrables(ctx)
        .filter((r) => !(r.name.suffix === 'cn' || r.name.suffix.endsWith('.cn') || r.name.suffix === gongyi))
        .map((r): RawFinding => ({ rule: this.id, status: 'warn', path: r.path, args: { domain: r.name.registrableUnicode } }));
    },
  });

  const registered = defineRule({
    id: 'whois/registered',
    source: 'before §1 (The domain name is valid)',
    title: { en: 'The domain is registered', zh: '域名已注册' },
    explain: {
      en: 'The domain must be registered (and valid) before it can be filed. icp-check asks the registry over RDAP where the IANA bootstrap names a server, and over port-43 WHOIS otherwise (CNNIC for .cn and .中国). Offline or when the lookup fails, it says what to confirm by hand.',
      zh: '域名必须已注册且有效才能备案。icp-check 在 IANA 引导文件列出 RDAP 服务器时通过 RDAP 查询注册局，否则通过 43 端口 WHOIS 查询（.cn 和 .中国 查询 CNNIC）。离线或查询失败时，会说明需要人工确认的内容。',
    },
    messages: {
      pass: { message: { en: '{domain} is registered. {said}.', zh: '{domain} 已注册。{said}。' } },
      declared: {
        message: {
          en: '{domain} is registered according to your declaration under domains: ({said}); a run with lookups compares it with WHOIS.',
          zh: '根据备案资料文件 domains: 中的声明，{domain} 已注册（{said}）；联网运行时会与 WHOIS 比对。',
        },
      },
      fail: {
        message: { en: '{domain} is not registered: {said}.', zh: '{domain} 未注册：{said}。' },
        fix: {
          en: 'Register the domain with an MIIT-approved registrar (for example on aliyun.com) before filing, or correct the name.',
          zh: '请先在工信部批准的注册商（如阿里云中国站）注册该域名，或更正域名。',
        },
      },
      offline: {
        message: { en: '{domain} could not be checked: {said}.', zh: '{domain} 无法检查：{said}。' },
        fix: {
          en: "Run without --offline, or confirm by hand on your registrar's WHOIS page that the domain is registered, not expired and not on hold; declare what you know under domains: in the manifest.",
          zh: '请去掉 --offline 重新运行，或在注册商的 WHOIS 页面人工确认域名已注册、未过期、未被暂停解析；可在备案资料文件的 domains: 中声明已知信息。',
        },
      },
      error: {
        message: { en: '{domain} could not be checked: {said}.', zh: '{domain} 无法检查：{said}。' },
        fix: {
          en: "Try again later (or with a longer --whois-timeout), or confirm by hand on your registrar's WHOIS page that the domain is registered, not expired and not on hold.",
          zh: '请稍后重试（或加大 --whois-timeout），或在注册商的 WHOIS 页面人工确认域名已注册、未过期、未被暂停解析。',
        },
      },
    },
    check(ctx) {
      return registrables(ctx).map((r): RawFinding => {
        const l = lookupOf(ctx, r.name.registrable);
        const args = { domain: r.name.registrableUnicode, ...said(l) };
        if (!l || l.status === 'offline') {
          // Offline, the manifest's own declarations stand in for the lookup (CONTRACT.md: --offline).
          if (declared(ctx, r.name.registrable)) return { rule: this.id, status: 'pass', key: 'declared', path: r.path, args };
          return { rule: this.id, status: 'unknown', key: 'offline', path: r.path, args };
        }
        if (l.status === 'error') return { rule: this.id, status: 'unknown', key: 'error', path: r.path, args };
        return { rule: this.id, status: l.status === 'found' ? 'pass' : 'fail', path: r.path, args };
      });
    },
  });

  const expiry = defineRule({
    id: 'whois/expiry',
    source:
      'before §1 (The domain name is valid); before §3 (Renew the domain name); Alibaba Cloud FAQ 50260 (Hubei); Alibaba Cloud FAQ 50253 (Shandong); QingCloud docs (Shanghai)',
    quote: 'If your domain name has expired, you must renew the domain name before you apply for an ICP filing.',
    title: { en: 'The domain is not expired or about to expire', zh: '域名未过期且不会很快到期' },
    // The thresholds are quoted from the province data (regulations/provinces/*.yaml), read on first use.
    get explain() {
      const t = expiryThresholds(settings);
      return {
        en: `An expired domain fails. A domain that expires within the province's threshold warns: ${t.en} (province data). The date comes from WHOIS/RDAP (China Standard Time), or from domains.<name>.expires when the lookup gave none.`,
        zh: `域名已过期则不通过；在省份规定的期限内到期则警告：${t.zh}（来自省份数据）。到期日取自 WHOIS/RDAP（按北京时间），查询无结果时取自备案资料文件的 domains.<域名>.expires。`,
      };
    },
    messages: {
      pass: {
        message: {
          en: '{domain} expires on {expires}, {days} {days|day|days} after {date} (from {from}).',
          zh: '{domain} 于 {expires} 到期，距 {date} 还有 {days} 天（来源：{from}）。',
        },
      },
      fail: {
        message: { en: '{domain} expired on {expires} (from {from}): it cannot be filed.', zh: '{domain} 已于 {expires} 过期（来源：{from}），无法备案。' },
        fix: { en: 'Renew the domain, then check again.', zh: '请续费域名后重新检查。' },
      },
      warn: {
        message: {
          en: '{domain} expires on {expires}, only {days} {days|day|days} after {date}; {province} asks for more than {threshold} {threshold|day|days} ({thresholdSource}). From {from}.',
          zh: '{domain} 于 {expires} 到期，距 {date} 仅剩 {days} 天；{province}要求剩余有效期超过 {threshold} 天（{thresholdSource}）。来源：{from}。',
        },
        fix: { en: 'Renew the domain for at least a year before filing.', zh: '请在备案前将域名续费至少一年。' },
      },
      unknown: {
        message: { en: '{domain}: the expiry date is not known ({said}).', zh: '{domain}：无法得知到期日（{said}）。' },
        fix: {
          en: "Check the expiry date on your registrar's console, or declare it as domains.{domain}.expires.",
          zh: '请在注册商控制台查看到期日，或在备案资料文件中声明 domains.{domain}.expires。',
        },
      },
    },
    check(ctx) {
      const s = settings(ctx.filing.province);
      return expiries(ctx, s).flatMap((e): RawFinding[] => {
        if ('finding' in e) return [e.finding];
        const days = daysBetween(ctx.options.date, e.expires);
        const args = Object.assign({}, e.base, {
          expires: e.expires,
          days,
          date: ctx.options.date,
          from: e.from,
          threshold: s.domainExpiryWarnDays,
          thresholdSource: thresholdSourceOf(s),
          province: provinceName(ctx.filing.province),
        });
        const status = days < 0 ? 'fail' : days <= s.domainExpiryWarnDays ? 'warn' : 'pass';
        return [{ rule: 'whois/expiry', status, path: e.path, args }];
      });
    },
  });

  const hold = defineRule({
    id: 'whois/hold',
    source: 'before §1 (The domain name is valid)',
    title: { en: 'The domain is not on hold or being deleted', zh: '域名未被暂停解析或进入删除流程' },
    explain: {
      en: 'A domain with status clientHold or serverHold does not resolve (often because real-name verification is missing or the domain is under dispute); pendingDelete and redemptionPeriod mean it is being deleted. None of these can be filed.',
      zh: '状态为 clientHold 或 serverHold 的域名无法解析（常因未完成实名认证或存在争议）；pendingDelete 和 redemptionPeriod 表示域名正在删除。这些域名均无法备案。',
    },
    messages: {
      pass: { message: { en: '{domain} has no hold status. {said}.', zh: '{domain} 无暂停状态。{said}。' } },
      fail: {
        message: { en: '{domain} has status {statuses}: it does not resolve or is being deleted. {said}.', zh: '{domain} 的状态为 {statuses}：域名无法解析或正在删除。{said}。' },
        fix: {
          en: 'Ask your registrar why (often: real-name verification not done, or the domain expired) and have the hold lifted before filing.',
          zh: '请向注册商了解原因（常见原因：未完成实名认证或域名已过期），解除暂停状态后再备案。',
        },
      },
    },
    check(ctx) {
      return registrables(ctx).flatMap((r): RawFinding[] => {
        const rec = lookupOf(ctx, r.name.registrable)?.record;
        if (!rec) return [];
        const bad = rec.statuses.filter((st) => HOLDS.includes(st.toLowerCase()));
        const args = { domain: r.name.registrableUnicode, statuses: bad.join(', '), ...said(lookupOf(ctx, r.name.registrable)) };
        return [{ rule: this.id, status: bad.length ? 'fail' : 'pass', path: r.path, args }];
      });
    },
  });

  /** The registrar name from the record, else the declaration. */
  const registrarName = (ctx: CheckContext, r: Registered) => {
    const rec = lookupOf(ctx, r.name.registrable)?.record;
    if (rec?.registrar) return { name: rec.registrar, fromRecord: true };
    const d = declared(ctx, r.name.registrable)?.registrar;
    return d ? { name: d, fromRecord: false } : undefined;
  };

  const registrar = defineRule({
    id: 'whois/registrar-approved',
    source: 'before §1; before §3 (Confirm whether your domain name registrar has been approved by MIIT); guide: prerequisites',
    quote: 'If your domain name registrar has not been approved by MIIT, you must transfer the domain name to an approved registrar before you apply for an ICP filing.',
    title: { en: 'The registrar is approved by MIIT', zh: '域名注册商已获工信部批准' },
    // The Chinese text names the cited source by its Chinese title (regulations/sources.yaml).
    get explain() {
      return {
        en: 'The domain must be registered with a registrar approved by MIIT, in China. icp-check compares the registrar WHOIS/RDAP names with a small dated list (regulations/registrars.yaml, Chinese and English names and the aliases WHOIS prints): a listed approved registrar passes; a listed registrar that is not approved fails in every province (before §3: transfer the domain before you apply; the guide asks for a Chinese provider); a registrar not on the list is unknown: confirm it on the MIIT site.',
        zh: `域名须在工信部批准的国内注册商处注册。icp-check 将 WHOIS/RDAP 显示的注册商与一份注明日期的小型列表（regulations/registrars.yaml，含中英文名称及 WHOIS 中的别名）比对：列表中已批准的注册商为通过；列表中未获批准的注册商在所有省份均不通过（${nameOf('source', 'before §3', 'zh')}：须先转出域名再申请备案；${nameOf('source', 'guide', 'zh')}要求使用国内服务商）；不在列表中的注册商为“未知”，请在工信部网站确认。`,
      };
    },
    messages: {
      pass: {
        message: { en: '{domain}: registrar {registrar} is on the list of approved registrars ({date}).', zh: '{domain}：注册商 {registrar} 在已批准注册商列表（{date}）中。' },
      },
      foreign: {
        message: {
          en: '{domain}: registrar "{registrar}" is outside China and not an MIIT-approved registrar ({from}).',
          zh: '{domain}：注册商“{registrar}”位于境外，不是工信部批准的注册商（来源：{from}）。',
        },
        fix: {
          en: 'Transfer the domain to an approved registrar in China (for example Alibaba Cloud China site, aliyun.com) and complete real-name verification there.',
          zh: '请将域名转入国内已批准的注册商（如阿里云中国站 aliyun.com），并在该处完成实名认证。',
        },
      },
      unknown: {
        message: {
          en: '{domain}: registrar "{registrar}" is not on icp-check\'s list ({date}); whether MIIT approved it is not known ({from}).',
          zh: '{domain}：注册商“{registrar}”不在 icp-check 的列表（{date}）中，无法确定是否已获工信部批准（来源：{from}）。',
        },
        fix: { en: 'Confirm on {confirmAt}.', zh: '请在{confirmAt}确认。' },
      },
      none: {
        message: { en: '{domain}: the registrar is not known ({said}).', zh: '{domain}：无法得知注册商（{said}）。' },
        fix: {
          en: 'Look the registrar up on its WHOIS page and confirm it on {confirmAt}, or declare it as domains.{domain}.registrar.',
          zh: '请查看 WHOIS 中的注册商并在{confirmAt}确认，或在备案资料文件中声明 domains.{domain}.registrar。',
        },
      },
    },
    check(ctx) {
      const list = withRegistrars(registrars(), ctx.options.registrars);
      return registrables(ctx).flatMap((r): RawFinding[] => {
        const l = lookupOf(ctx, r.name.registrable);
        if (l?.status === 'not-found') return [];
        const sd = said(l);
        const n = registrarName(ctx, r);
        const base = { domain: r.name.registrableUnicode, date: list.date, confirmAt: CONFIRM_REGISTRARS, ...sd };
        if (!n) return l?.status === 'found' ? [{ rule: this.id, status: 'unknown', key: 'none', path: r.path, args: base }] : [];
        const known = findRegistrar(n.name, list);
        const args = Object.assign({}, base, { registrar: n.name, from: n.fromRecord ? sd.said : DECLARED });
        if (known?.alibabaInternational) return []; // whois/alibaba-international says it, as a failure
        if (!known) return [{ rule: this.id, status: 'unknown', path: r.path, args }];
        if (known.approved) return [{ rule: this.id, status: 'pass', path: r.path, args: { ...args, registrar: { name: 'registrar', value: known.id } } }];
        return [{ rule: this.id, status: 'fail', key: 'foreign', path: r.path, args }];
      });
    },
  });

  const alibabaIntl = defineRule({
    id: 'whois/alibaba-international',
    source: 'before §1 (Note); before §3 (Note)',
    quote: 'if domain names are registered on the Alibaba Cloud International Site, you cannot apply for an ICP filing.',
    title: { en: "The domain is not registered on Alibaba Cloud's international site", zh: '域名不是在阿里云国际站注册的' },
    explain: {
      en: 'Domains registered on the Alibaba Cloud International Site (alibabacloud.com; WHOIS registrar "Alibaba Cloud Computing (Singapore)" or "Alibaba.com Singapore E-Commerce") cannot be filed. Register or transfer the domain on the China site (aliyun.com).',
      zh: '在阿里云国际站（alibabacloud.com；WHOIS 注册商为“Alibaba Cloud Computing (Singapore)”或“Alibaba.com Singapore E-Commerce”）注册的域名无法备案。请在阿里云中国站（aliyun.com）注册或转入域名。',
    },
    messages: {
      fail: {
        message: {
          en: '{domain} is registered through Alibaba Cloud\'s international site ("{registrar}"), which cannot be used for an ICP filing. {said}.',
          zh: '{domain} 是通过阿里云国际站（“{registrar}”）注册的，无法用于 ICP 备案。{said}。',
        },
        fix: {
          en: 'Transfer the domain to the Alibaba Cloud China site (aliyun.com) and complete real-name verification there.',
          zh: '请将域名转入阿里云中国站（aliyun.com），并完成实名认证。',
        },
      },
    },
    check(ctx) {
      const list = withRegistrars(registrars(), ctx.options.registrars);
      return registrables(ctx).flatMap((r): RawFinding[] => {
        const n = registrarName(ctx, r);
        if (!n || !findRegistrar(n.name, list)?.alibabaInternational) return [];
        return [{ rule: this.id, status: 'fail', path: r.path, args: { domain: r.name.registrableUnicode, registrar: n.name, ...said(lookupOf(ctx, r.name.registrable)) } }];
      });
    },
  });

  const foreignRegistrar = defineRule({
    id: 'whois/foreign-registrar',
    source: 'before §5.3.1 (Beijing); before §5.3.3 (Inner Mongolia); before §5.2.2 (Jilin); before §5 (Hunan)',
    quote: 'Domain names registered outside China cannot be used for ICP Filing.',
    title: { en: 'The domain is registered in China (provinces that refuse others)', zh: '域名在境内注册（不接受境外注册域名的省份）' },
    get explain() {
      const p = provincesWhere(settings, (s) => s.refusesForeignRegistrars);
      return {
        en: `Some provinces (${p.en}: province data) refuse domains registered with a registrar outside China. icp-check knows a registrar's country from regulations/registrars.yaml; a registrar it does not know is unknown.`,
        zh: `部分省份（${p.zh}，来自省份数据）不接受在境外注册商注册的域名。icp-check 依据 regulations/registrars.yaml 判断注册商所在地；不认识的注册商为“未知”。`,
      };
    },
    messages: {
      pass: { message: { en: '{domain}: registrar {registrar} is in China.', zh: '{domain}：注册商 {registrar} 位于境内。' } },
      fail: {
        message: {
          en: '{domain} is registered outside China ("{registrar}"), which {province} does not accept. {said}.',
          zh: '{domain} 在境外注册商（“{registrar}”）处注册，{province}不接受此类域名。{said}。',
        },
        fix: {
          en: 'Transfer the domain to an approved registrar in China (for example aliyun.com) before filing.',
          zh: '请在备案前将域名转入国内已批准的注册商（如阿里云中国站）。',
        },
      },
      unknown: {
        message: {
          en: '{domain}: {province} refuses domains registered outside China, and whether "{registrar}" is in China is not known. {said}.',
          zh: '{domain}：{province}不接受境外注册的域名，而无法确定注册商“{registrar}”是否位于境内。{said}。',
        },
        fix: { en: 'Confirm that the registrar is a company in mainland China.', zh: '请确认该注册商是中国内地的公司。' },
      },
    },
    check(ctx) {
      if (!settings(ctx.filing.province).refusesForeignRegistrars) return [];
      const list = withRegistrars(registrars(), ctx.options.registrars);
      return registrables(ctx).flatMap((r): RawFinding[] => {
        const n = registrarName(ctx, r);
        if (!n) return [];
        const known = findRegistrar(n.name, list);
        const args = {
          domain: r.name.registrableUnicode,
          registrar: n.name,
          province: provinceName(ctx.filing.province),
          ...said(lookupOf(ctx, r.name.registrable)),
        };
        if (!known) return [{ rule: this.id, status: 'unknown', path: r.path, args }];
        return [{ rule: this.id, status: known.foreign ? 'fail' : 'pass', path: r.path, args }];
      });
    },
  });

  const holder = defineRule({
    id: 'whois/holder',
    source: 'before §1; before §3 (Real-name verification information); before §5 (per-province holder rules); guide: prerequisites',
    quote:
      'The information about the entity that you specify in the registration information must be consistent with the information about the domain holder that you specify in the real-name verification information.',
    title: { en: 'The domain holder is the filing subject (or whom the province accepts)', zh: '域名持有者为备案主体（或省份认可的人员）' },
    get explain() {
      const representative = provincesWhere(settings, (s) => s.domainHolderMayBe.includes('legalRepresentative'));
      const people = provincesWhere(settings, (s) => s.domainHolderMayBe.includes('principal') || s.domainHolderMayBe.includes('admin'));
      return {
        en: `The domain holder must match the filing subject. Some provinces also accept the legal representative (${representative.en}), and ${people.en} also the principal and the website administrator: that is province data. Names are compared after normalising full-width brackets, spaces and case. The holder comes from WHOIS/RDAP, or from domains.<name>.holder when WHOIS hides it.`,
        zh: `域名持有者须与备案主体一致。部分省份也接受法定代表人（${representative.zh}），${people.zh}还接受主体负责人和网站负责人：这些来自省份数据。比对前统一全角括号、空格和大小写。持有者取自 WHOIS/RDAP；WHOIS 隐藏时取自 domains.<域名>.holder。`,
      };
    },
    messages: {
      pass: { message: { en: '{domain}: holder "{holder}" is {role} (from {from}).', zh: '{domain}：持有者“{holder}”是{role}（来源：{from}）。' } },
      fail: {
        message: {
          en: '{domain}: the holder "{holder}" is none of the names {province} accepts ({accepted}: {names}). From {from}.',
          zh: '{domain}：持有者“{holder}”不是{province}认可的任何名称（{accepted}：{names}）。来源：{from}。',
        },
        fix: {
          en: 'Transfer the domain to the filing subject (or an accepted person), or correct the names in the manifest.',
          zh: '请将域名过户到备案主体（或认可的人员）名下，或更正备案资料文件中的名称。',
        },
      },
      unknown: {
        message: { en: '{domain}: the holder cannot be seen ({said}).', zh: '{domain}：无法看到域名持有者（{said}）。' },
        fix: {
          en: "Check the holder in your registrar's console (real-name information); it must be {accepted}. Declare it as domains.{domain}.holder.",
          zh: '请在注册商控制台查看实名信息中的持有者，须为{accepted}。可在备案资料文件中声明 domains.{domain}.holder。',
        },
      },
    },
    check(ctx) {
      const s = settings(ctx.filing.province);
      return registrables(ctx).flatMap((r): RawFinding[] => {
        const l = lookupOf(ctx, r.name.registrable);
        if (l?.status === 'not-found') return [];
        const sd = said(l);
        const accepted = acceptedHolders(ctx, r, s);
        const roles = accepted.map((a) => a.role);
        const base = {
          domain: r.name.registrableUnicode,
          ...sd,
          province: provinceName(ctx.filing.province),
          accepted: roleList(roles),
          names: [...new Set(accepted.map((a) => a.name))],
        };
        const visible = visibleHolders(l?.record);
        const decl = declared(ctx, r.name.registrable)?.holder;
        const candidates = visible.length ? visible : decl ? [decl] : [];
        if (candidates.length === 0) return [{ rule: this.id, status: 'unknown', path: r.path, args: base }];
        const from = visible.length ? sd.said : DECLARED;
        for (const c of candidates) {
          const match = accepted.find((a) => normaliseName(a.name) === normaliseName(c));
          if (match) {
            return [{ rule: this.id, status: 'pass', path: r.path, args: Object.assign({}, base, { holder: c, role: { name: 'role' as const, value: match.role }, from }) }];
          }
        }
        return [{ rule: this.id, status: 'fail', path: r.path, args: Object.assign({}, base, { holder: candidates.join(' / '), from }) }];
      });
    },
  });

  const privacy = defineRule({
    id: 'whois/privacy',
    source: 'before §5.3.5 (Tianjin); before §5.4.5 (Shanghai); before §5 (Sichuan)',
    quote: 'If privacy protection is set for the domain name, it must be disabled during the ICP Filing process.',
    title: { en: 'Privacy protection is off', zh: '域名隐私保护已关闭' },
    get explain() {
      const p = provincesWhere(settings, (s) => s.refusesPrivacyProtection);
      return {
        en: `${p.en} (province data) require privacy protection to be disabled during filing: a WHOIS record hidden by a privacy service or redaction fails there. Elsewhere a hidden holder is unknown, since the holder cannot be compared. The flag comes from WHOIS/RDAP (REDACTED FOR PRIVACY, Domains By Proxy, Withheld for Privacy ...) or domains.<name>.privacyProtection.`,
        zh: `${p.zh}（来自省份数据）要求备案期间关闭域名隐私保护：WHOIS 被隐私服务隐藏或脱敏的，在这些省份不通过。其他省份持有者被隐藏时为“未知”，因为无法比对持有者。依据取自 WHOIS/RDAP（“REDACTED FOR PRIVACY”“Domains By Proxy”“Withheld for Privacy”等标记）或 domains.<域名>.privacyProtection。`,
      };
    },
    messages: {
      pass: { message: { en: '{domain}: privacy protection is off ({from}).', zh: '{domain}：隐私保护未开启（来源：{from}）。' } },
      fail: {
        message: {
          en: '{domain}: privacy protection is on ("{marker}"), which {province} does not accept during filing. From {from}.',
          zh: '{domain}：已开启隐私保护（“{marker}”），{province}要求备案期间关闭。来源：{from}。',
        },
        fix: { en: "Turn privacy protection off in your registrar's console until the filing is approved.", zh: '请在注册商控制台关闭隐私保护，直至备案通过。' },
      },
      unknown: {
        message: {
          en: '{domain}: privacy protection hides the holder ("{marker}"), so it cannot be compared with the filing. From {from}.',
          zh: '{domain}：隐私保护隐藏了持有者（“{marker}”），无法与备案信息比对。来源：{from}。',
        },
        fix: {
          en: "Confirm the holder in your registrar's console, declare it as domains.{domain}.holder, and consider turning privacy protection off while filing.",
          zh: '请在注册商控制台确认持有者，并在备案资料文件中声明 domains.{domain}.holder；备案期间建议关闭隐私保护。',
        },
      },
    },
    check(ctx) {
      const s = settings(ctx.filing.province);
      return registrables(ctx).flatMap((r): RawFinding[] => {
        const l = lookupOf(ctx, r.name.registrable);
        const rec = l?.record;
        const d = declared(ctx, r.name.registrable);
        const sd = said(l);
        const on = rec ? rec.redacted : d?.privacyProtection;
        if (on === undefined) return [];
        const from = rec ? sd.said : DECLARED;
        const args = {
          domain: r.name.registrableUnicode,
          marker: rec?.privacyMarker ?? 'privacyProtection: true',
          province: provinceName(ctx.filing.province),
          from,
        };
        if (!on) return s.refusesPrivacyProtection ? [{ rule: this.id, status: 'pass', path: r.path, args }] : [];
        return [{ rule: this.id, status: s.refusesPrivacyProtection ? 'fail' : 'unknown', path: r.path, args }];
      });
    },
  });

  const mismatch = defineRule({
    id: 'whois/declared-mismatch',
    source: 'icp-check README (domains: declared facts); before §3',
    title: { en: 'Declared domain facts agree with WHOIS', zh: '声明的域名信息与 WHOIS 一致' },
    explain: {
      en: 'Facts declared under domains: in the manifest (holder, registrar, privacyProtection, expires) are compared with what WHOIS/RDAP says; a contradiction fails and shows both, since one of them is wrong and the filing will be checked against the registry.',
      zh: '备案资料文件 domains: 中声明的信息（持有者、注册商、隐私保护、到期日）会与 WHOIS/RDAP 的结果比对；二者矛盾即不通过并同时显示两者，因为其中必有一方有误，而备案以注册局数据为准。',
    },
    messages: {
      fail: {
        message: { en: '{domain}: you declared {field} "{declared}", but {said} ({whois}).', zh: '{domain}：您声明的{field}为“{declared}”，但 {said}（{whois}）。' },
        fix: { en: 'Correct domains.{domain}.{field} in the manifest, or fix the registration.', zh: '请更正备案资料文件中的 domains.{domain}.{field}，或更正域名注册信息。' },
      },
    },
    check(ctx) {
      const list = withRegistrars(registrars(), ctx.options.registrars);
      const out: RawFinding[] = [];
      for (const r of registrables(ctx)) {
        const l = lookupOf(ctx, r.name.registrable);
        const rec = l?.record;
        const d = declared(ctx, r.name.registrable);
        if (!rec || !d) continue;
        const sd = said(l);
        const push = (field: 'holder' | 'registrar' | 'privacyProtection' | 'expires', declaredValue: ArgValue, whois: ArgValue) =>
          out.push({
            rule: this.id,
            status: 'fail',
            path: declaredPath(ctx, r.name.registrable, field),
            args: { domain: r.name.registrableUnicode, field: { name: 'field', value: field }, declared: declaredValue, whois, ...sd },
          });
        const visible = visibleHolders(rec);
        if (d.holder && visible.length && !visible.some((v) => normaliseName(v) === normaliseName(d.holder!))) push('holder', d.holder, visible.join(' / '));
        if (d.registrar && rec.registrar) {
          const a = findRegistrar(d.registrar, list);
          const b = findRegistrar(rec.registrar, list);
          const same = a && b ? a.id === b.id : normaliseName(d.registrar) === normaliseName(rec.registrar);
          if (!same) push('registrar', d.registrar, rec.registrar);
        }
        if (d.privacyProtection !== undefined && d.privacyProtection !== rec.redacted) {
          push(
            'privacyProtection',
            { phrase: d.privacyProtection ? 'privacy.on' : 'privacy.off' },
            rec.redacted ? { phrase: 'privacy.hidden', args: { marker: rec.privacyMarker ?? 'redacted' } } : { phrase: 'privacy.shown' },
          );
        }
        if (d.expires && rec.expires && cstDate(rec.expires) !== d.expires) push('expires', d.expires, cstDate(rec.expires));
      }
      return out;
    },
  });

  const realName = defineRule({
    id: 'domain/real-name-verified',
    source: 'before §1; before §3 (Check item 1: Real-name verification information)',
    quote: 'Domain names that have not completed the real-name verification process cannot obtain an ICP filing.',
    title: { en: 'The domain has passed real-name verification', zh: '域名已完成实名认证' },
    explain: {
      en: 'Real-name verification of the domain is not visible in WHOIS, so icp-check takes it from domains.<name>.realNameVerified in the manifest; when that is missing the check is unknown and says where to look.',
      zh: '域名实名认证状态无法从 WHOIS 看到，因此 icp-check 取自备案资料文件的 domains.<域名>.realNameVerified；未声明时为“未知”，并说明查看方法。',
    },
    messages: {
      pass: { message: { en: '{domain}: real-name verification is declared as done.', zh: '{domain}：已声明完成实名认证。' } },
      fail: {
        message: { en: '{domain}: real-name verification is declared as not done; the domain cannot be filed yet.', zh: '{domain}：声明未完成实名认证，暂时无法备案。' },
        fix: {
          en: "Complete real-name verification at your registrar with the filing subject's documents, wait 3 days, then file.",
          zh: '请在注册商处使用备案主体的证件完成实名认证，等待 3 天后再备案。',
        },
      },
      unknown: {
        message: { en: '{domain}: whether real-name verification is done is not declared.', zh: '{domain}：未声明是否已完成实名认证。' },
        fix: {
          en: "Check it in your registrar's console (Alibaba Cloud: Domains → Manage → Basic Information), then declare domains.{domain}.realNameVerified and realNameVerifiedOn.",
          zh: '请在注册商控制台查看（阿里云：域名列表 → 管理 → 基本信息），然后在备案资料文件中声明 domains.{domain}.realNameVerified 和 realNameVerifiedOn。',
        },
      },
    },
    check(ctx) {
      return registrables(ctx).map((r): RawFinding => {
        const v = declared(ctx, r.name.registrable)?.realNameVerified;
        const args = { domain: r.name.registrableUnicode };
        if (v === undefined) return { rule: this.id, status: 'unknown', path: r.path, args };
        return { rule: this.id, status: v ? 'pass' : 'fail', path: declaredPath(ctx, r.name.registrable, 'realNameVerified'), args };
      });
    },
  });

  const realNameRecent = defineRule({
    id: 'domain/real-name-sync',
    source: 'before §3 (Real-name verification, Note)',
    quote:
      'After you complete the real-name verification process, it takes up to three days to synchronize the information to the MIIT database. We recommend that you wait three days and then apply for an ICP after the real-name verification process is completed.',
    get title() {
      const n = realNameSyncDays();
      return { en: `Real-name verification has had ${n} days to reach MIIT`, zh: `实名认证已满 ${n} 天同步至工信部` };
    },
    get explain() {
      const n = realNameSyncDays();
      return {
        en: `Real-name data takes up to ${n} days to reach the MIIT database; filing earlier may fail. icp-check warns when domains.<name>.realNameVerifiedOn is less than ${n} days before the check date (--date).`,
        zh: `实名信息同步到工信部数据库最多需要 ${n} 天，过早提交可能失败。当 domains.<域名>.realNameVerifiedOn 距检查日期（--date）不足 ${n} 天时，icp-check 给出警告。`,
      };
    },
    messages: {
      pass: { message: { en: '{domain}: verified on {on}, {days} {days|day|days} before {date}.', zh: '{domain}：于 {on} 完成认证，距 {date} 已 {days} 天。' } },
      warn: {
        message: {
          en: '{domain}: real-name verification was done on {on}, {days} {days|day|days} before {date}; it may not have reached MIIT yet.',
          zh: '{domain}：实名认证于 {on} 完成，距 {date} 仅 {days} 天，可能尚未同步到工信部。',
        },
        fix: { en: 'Submit on or after {ready}.', zh: '请于 {ready} 或之后提交。' },
      },
    },
    check(ctx) {
      const syncDays = realNameSyncDays();
      return verifications(ctx, syncDays).map((v): RawFinding => {
        const days = daysBetween(v.on, ctx.options.date);
        const args = { domain: v.domain, on: v.on, days, date: ctx.options.date, ready: v.ready };
        return { rule: 'domain/real-name-sync', status: days < syncDays ? 'warn' : 'pass', path: v.path, args };
      });
    },
  });

  return [
    syntax,
    subdomain,
    duplicate,
    suffix,
    publicInstitution,
    registered,
    expiry,
    hold,
    registrar,
    alibabaIntl,
    foreignRegistrar,
    holder,
    privacy,
    mismatch,
    realName,
    realNameRecent,
  ];
}

export const domainRules: CodeRule[] = createDomainRules();
