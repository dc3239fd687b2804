// The questionnaire: asks what a filing needs, in order, and only what applies. Each answer goes
// into a draft manifest at its path and is judged there by the checker's own rules (draft.ts):
// a failure re-asks with the checker's words, a warning is shown and kept with a second Enter.
// What the province's rules would leave "to confirm" is asked: the contact address, where each
// mobile number is registered, remarks in the form the province demands, pre-approvals where the
// province still needs them, facts about each domain, and the files of the documents to prepare.
import type { Args, Lang, NameKind, Text } from '../model.js';
import { ID_TYPES, PRODUCTS, FILING_KINDS, ENTITY_TYPES, CONTENT_CATEGORIES, PRE_APPROVAL_TYPES } from '../manifest/schema.js';
import { message, type MessageKey } from '../report/catalogue/index.js';
import { nameOf } from '../report/catalogue/names.js';
import { parseDomain } from '../facts/domain-name.js';
import { documentKindName } from '../report/document-kinds.js';
import type { Ask, Choice, Verdict } from './ask.js';
import type { DocumentAnswers, DomainAnswers, InitAnswers, InstanceAnswers, PersonAnswers, PreApprovalAnswers, WebsiteAnswers, IdType } from './answers.js';
import { BANDWIDTH_PRODUCTS, CERTIFICATE_FOR, MAINLAND_REGIONS, ORDER_PRODUCTS, USCC_CERTIFICATES, searchProvinces } from './choices.js';
import {
  checkAmount,
  checkCreditCode,
  checkDate,
  checkDomainList,
  checkEmail,
  checkExpiry,
  checkIdentityNumber,
  checkInstanceId,
  checkMobile,
  checkPersonName,
  checkProvince,
  checkRegion,
  checkRequired,
  checkWholeNumber,
  type Checked,
} from './validators.js';
import { Draft, dataRulesRequiring, draftCheck, findingLine, judgeAnswer, type Token } from './draft.js';
import { stripControl } from './terminal-text.js';
import type { Condition } from '../regulations/schema.js';

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface QuestionnaireOptions {
  lang: Lang;
  /** YYYY-MM-DD, China Standard Time: the check date. */
  today: string;
  /** Folder of the manifest being written: file paths are relative to it. */
  manifestDir: string;
  /** Prints a line under the questions (a note, not a question). */
  warn: (line: string) => void;
  /** Told the heading of the questions that follow (the review screen groups answers by it). */
  section?: (heading: string) => void;
}

const OTHER = '__other__';

/** Content categories a pre-approval may be needed for. */
const PRE_APPROVAL_CONTENT = new Set<string>(PRE_APPROVAL_TYPES);

/** Asks the whole questionnaire and returns the answers, each already checked. */
export async function askAnswers(ask: Ask, o: QuestionnaireOptions): Promise<InitAnswers> {
  const { lang } = o;
  const tr = (t: Text) => t[lang];
  /** A catalogue name as the label of a choice: its first letter in capitals. */
  const choiceName = (kind: NameKind, value: string) => upperFirst(nameOf(kind, value, lang));
  const say = (key: MessageKey, args?: Args) => message(key, args, lang);
  const section = (heading: string) => o.section?.(heading);
  const draft = new Draft();
  const judgeCtx = { lang, date: o.today, dir: o.manifestDir };

  /**
   * A text answer judged by the rules at `path` (the answer goes into the draft there) and by
   * `check`, which gives the value to keep. The rules speak first: their words are the checker's.
   */
  async function valid<T>(
    key: string,
    path: string | undefined,
    message: string,
    check: (v: string) => Checked<T>,
    opts: { def?: string; optional?: boolean; toDraft?: (v: T) => unknown; raw?: (v: string) => unknown } = {},
  ): Promise<T | undefined> {
    const toDraft = opts.toDraft ?? ((v: T) => v);
    const validate = async (v: string): Promise<Verdict> => {
      if (opts.optional && v.trim() === '') return true;
      const r = check(v);
      if (path) {
        const trial = draft.clone();
        // A value the field check refuses still goes to the rules, which say why in the checker's words.
        trial.set(path, r.ok ? toDraft(r.value) : (opts.raw ?? ((x: string) => x.trim()))(v));
        const j = await judgeAnswer(trial, path, judgeCtx);
        if (j.fail.length > 0) return j.fail.join('\n');
        if (!r.ok) return r.reason[lang];
        if (j.warn.length > 0) return { warn: j.warn.join('\n') };
        return true;
      }
      return r.ok ? true : r.reason[lang];
    };
    const answer = await ask.input(key, { message: opts.optional ? `${message}${say('init.q.optional')}` : message, path, default: opts.def, validate });
    if (opts.optional && answer.trim() === '') {
      if (path) draft.set(path, undefined);
      return undefined;
    }
    const r = check(answer);
    if (!r.ok) throw new Error(`answer to ${key} failed its check after validation`);
    if (path) draft.set(path, toDraft(r.value));
    return r.value;
  }
  const required = async <T>(key: string, path: string | undefined, message: string, check: (v: string) => Checked<T>, def?: string): Promise<T> =>
    (await valid(key, path, message, check, { def }))!;
  const optional = <T>(key: string, path: string | undefined, message: string, check: (v: string) => Checked<T>) => valid(key, path, message, check, { optional: true });

  /**
   * A list question whose choices are judged beforehand by the rules at `path`: a choice the
   * checker would fail is shown disabled with the checker's reason, a warned one with its warning.
   */
  async function judgedSelect<T extends string>(key: string, path: string, message: string, choices: Choice<T>[], def?: T): Promise<T> {
    const judged = await Promise.all(
      choices.map(async (c) => {
        if (c.value === OTHER) return c;
        const trial = draft.clone();
        trial.set(path, c.value);
        const j = await judgeAnswer(trial, path, judgeCtx);
        if (j.fail.length > 0) return { ...c, disabled: j.fail.join(' ') };
        if (j.warn.length > 0) return { ...c, description: j.warn.join(' ') };
        return c;
      }),
    );
    const open = judged.find((c) => c.value === def && !c.disabled) ?? judged.find((c) => !c.disabled);
    const value = await ask.select(key, { message, choices: judged, default: open?.value, path });
    if (value !== OTHER) draft.set(path, value);
    return value;
  }

  section(say('init.section.filing'));
  const province = await ask.search('province', {
    message: say('init.q.filing-province-where-entity'),
    source: (term) => searchProvinces(term, lang),
  });
  draft.set('province', province);
  const provinceName = nameOf('province', province, lang);

  const filing = await ask.select('filing', {
    message: say('init.q.filing-kind'),
    choices: FILING_KINDS.map((k) => ({ value: k, name: say(`init.choice.filing.${k}`) })),
    default: 'new',
  });
  draft.set('filing', filing);

  const entityType = await ask.select('entity.type', {
    message: say('init.q.entity-type'),
    choices: ENTITY_TYPES.map((t) => ({ value: t, name: choiceName('entityType', t) })),
    default: 'enterprise',
  });
  draft.set('entity.type', entityType);

  // A filing already made (another website, another provider, a change or a transfer) is known by its number.
  let previousFiling: InitAnswers['previousFiling'];
  if (filing !== 'new' && filing !== 'refile-after-cancellation') {
    previousFiling = {};
    previousFiling.number = await optional('previousFiling.number', 'previousFiling.number', say('init.q.filing-number-existing-filing'), checkRequired);
    if (filing === 'change' || filing === 'transfer') {
      previousFiling.entityType = await ask.select('previousFiling.entityType', {
        message: say('init.q.who-filed-before'),
        choices: ENTITY_TYPES.map((t) => ({ value: t, name: choiceName('entityType', t) })),
        default: entityType,
      });
      draft.set('previousFiling.entityType', previousFiling.entityType);
      previousFiling.entityName = await required('previousFiling.entityName', 'previousFiling.entityName', say('init.q.entity-name-existing-filing'), checkRequired);
      previousFiling.certificateNumber = await optional(
        'previousFiling.certificateNumber',
        'previousFiling.certificateNumber',
        say('init.q.certificate-number-existing-filing'),
        checkRequired,
      );
    }
    for (const k of Object.keys(previousFiling) as (keyof typeof previousFiling)[]) if (previousFiling[k] === undefined) delete previousFiling[k];
  }

  section(say('init.section.entity'));
  let entityName = '';
  let certificate: InitAnswers['entity']['certificate'];
  let legalRepresentative: InitAnswers['entity']['legalRepresentative'];
  if (entityType !== 'individual') {
    const certType = CERTIFICATE_FOR[entityType];
    draft.set('entity.certificate.type', certType);
    const certName = nameOf('certificateType', certType, lang);
    entityName = await required('entity.name', 'entity.name', say('init.q.entity-name-exactly-cert', { cert: certName }), checkRequired);
    const isUscc = USCC_CERTIFICATES.includes(certType);
    const number = await required(
      'entity.certificate.number',
      'entity.certificate.number',
      isUscc ? say('init.q.unified-social-credit-code', { cert: certName }) : say('init.q.number-cert', { cert: certName }),
      isUscc ? checkCreditCode : checkRequired,
    );
    const expires = await optional(
      'entity.certificate.expires',
      'entity.certificate.expires',
      say('init.q.cert-valid-until-yyyy', { cert: certName, longTerm: 'long-term' }),
      checkExpiry,
    );
    certificate = { type: certType, number, ...(expires ? { expires } : {}) };
    legalRepresentative = {
      name: await required('entity.legalRepresentative.name', 'entity.legalRepresentative.name', say('init.q.legal-representative-name'), checkPersonName),
    };
  }

  const address = await required(
    'entity.address',
    'entity.address',
    entityType === 'individual' ? say('init.q.contact-address-identity-document') : say('init.q.contact-address-entity-province', { province: provinceName }),
    checkRequired,
  );

  section(say(entityType === 'individual' ? 'init.section.you' : 'init.section.principal'));
  const principal = await askPerson(
    'entity.principal',
    'entity.principal',
    entityType === 'individual' ? say('init.q.you-person-filing') : say('init.q.principal-who-answers-for'),
    legalRepresentative?.name,
  );
  if (entityType === 'individual') entityName = principal.name;

  async function askPerson(key: string, path: string, who: string, defaultName?: string): Promise<PersonAnswers> {
    const name = await required(`${key}.name`, `${path}.name`, say('init.q.who-name', { who }), checkPersonName, defaultName);
    if (path === 'entity.principal' && entityType === 'individual') draft.set('entity.name', name);
    if (path === 'entity.principal' && legalRepresentative && name === legalRepresentative.name) draft.set('entity.legalRepresentative.name', name);
    const idType = await ask.select<IdType>(`${key}.id.type`, {
      message: say('init.q.who-identity-document', { who }),
      choices: ID_TYPES.map((t) => ({ value: t, name: choiceName('idType', t) })),
      default: 'id-card',
    });
    draft.set(`${path}.id.type`, idType);
    const number = await required(`${key}.id.number`, `${path}.id.number`, say('init.q.who-document-number', { who, document: nameOf('idType', idType, lang) }), (v) =>
      checkIdentityNumber(idType, v, o.today),
    );
    if (path === 'entity.principal' && legalRepresentative && name === legalRepresentative.name) draft.set('entity.legalRepresentative.id', { type: idType, number });
    const expires = await optional(`${key}.id.expires`, `${path}.id.expires`, say('init.q.who-document-valid-until', { who, longTerm: 'long-term' }), checkExpiry);
    const mobile = await required(`${key}.mobile`, `${path}.mobile`, say('init.q.who-mobile-number', { who }), checkMobile);
    const mobileProvince = await required(`${key}.mobileProvince`, `${path}.mobileProvince`, say('init.q.who-province-where-mobile', { who }), checkProvince, provinceName);
    const email = await required(`${key}.email`, `${path}.email`, say('init.q.who-email', { who }), checkEmail);
    return { name, id: { type: idType, number, ...(expires ? { expires } : {}) }, mobile, mobileProvince, email };
  }

  /** Whether ticking `content` makes a rule of this province ask for a pre-approval (e.g. education only in some provinces). */
  const preApprovalRules = new Set(dataRulesRequiring('hasPreApproval').map((r) => r.id));
  const needsPreApproval = new Map<string, boolean>();
  for (const c of CONTENT_CATEGORIES) {
    if (!PRE_APPROVAL_CONTENT.has(c)) {
      needsPreApproval.set(c, false);
      continue;
    }
    const trial = draft.clone();
    trial.set('websites[0]', { name: '—', domains: [], content: [c] });
    const { raws } = await draftCheck(trial.manifest(), judgeCtx);
    needsPreApproval.set(
      c,
      raws.some((f) => f.status === 'fail' && preApprovalRules.has(f.rule)),
    );
  }
  const contentName = (c: (typeof CONTENT_CATEGORIES)[number]) =>
    needsPreApproval.get(c) ? `${choiceName('content', c)}${say('init.q.needs-pre-approval-province', { province: provinceName })}` : choiceName('content', c);

  const websites: WebsiteAnswers[] = [];
  const admins: { person: PersonAnswers; path: string }[] = [];
  do {
    const i = websites.length;
    const w = `websites[${i}]`;
    const site = say('init.q.website-n', { n: i + 1 });
    section(site);
    const name = await required('website.name', `${w}.name`, say('init.q.site-name-few-chinese', { site }), checkRequired);
    const domains = (await valid(
      'website.domains',
      `${w}.domains`,
      say('init.q.site-domain-names-separated', { site, example: 'example.com, example.cn' }),
      (v) =>
        checkDomainList(
          v,
          websites.flatMap((x) => x.domains),
        ),
      { raw: splitDomains },
    ))!;
    // Each kind of content is judged alone beforehand: one the province refuses (e-commerce for an
    // individual in Tianjin) is shown disabled with the checker's reason.
    const contentChoices = await Promise.all(
      CONTENT_CATEGORIES.map(async (c) => {
        const trial = draft.clone();
        trial.set(`${w}.content`, [c]);
        const j = await judgeAnswer(trial, `${w}.content`, judgeCtx);
        return { value: c, name: contentName(c), ...(j.fail.length ? { disabled: j.fail.join(' ') } : {}) };
      }),
    );
    const content = await ask.checkbox('website.content', {
      message: say('init.q.site-what-site-offers', { site }),
      choices: contentChoices,
      path: `${w}.content`,
    });
    draft.set(`${w}.content`, content);

    const preApprovals: PreApprovalAnswers[] = [];
    for (const type of content.filter((c) => needsPreApproval.get(c)) as PreApprovalAnswers['type'][]) {
      const j = preApprovals.length;
      const pa = `${w}.preApprovals[${j}]`;
      const label = documentKindName(`pre-approval:${type}`, lang);
      draft.set(`${pa}.type`, type);
      const number = await required('website.preApproval.number', `${pa}.number`, say('init.q.site-label-number', { site, label }), checkRequired);
      const image = await imagePath('website.preApproval.image', `${pa}.image`, say('init.q.site-label-image-file', { site, label }));
      preApprovals.push({ type, number, ...(image ? { image } : {}) });
    }

    // Remarks, where a rule of the province demands their words (several domains, a personal site).
    let remarks: string | undefined;
    draft.set(`${w}.name`, name);
    const { raws } = await draftCheck(draft.manifest(), judgeCtx);
    const remarkRules = new Set(dataRulesRequiring('remarksContain').map((r) => r.id));
    const demands = raws.filter((f) => remarkRules.has(f.rule) && f.status !== 'pass' && (f.path === w || f.path === ''));
    if (demands.length > 0) {
      const why = [...new Set(demands.map((f) => findingLine(f, lang, false)))].join(' ');
      remarks = await required(
        'website.remarks',
        `${w}.remarks`,
        say('init.q.site-remarks-why', { site, why: stripControl(why) }),
        checkRequired,
        suggestedRemarks(
          demands.map((f) => f.rule),
          lang,
        ),
      );
    }

    const adminChoices: Choice<string>[] = [
      { value: 'principal', name: say('init.q.principal-name', { name: principal.name }) },
      ...admins.map((a, k) => ({ value: `admin:${k}`, name: say('init.q.name-for-earlier-website', { name: a.person.name }) })),
      { value: OTHER, name: say('init.q.another-person') },
    ];
    const adminChoice = await ask.select('website.admin', {
      message: say('init.q.site-website-administrator', { site }),
      choices: adminChoices,
      default: 'principal',
    });
    let admin: WebsiteAnswers['admin'] = 'principal';
    if (adminChoice === OTHER) {
      draft.set(`${w}.admin`, {});
      admin = await askPerson('website.admin', `${w}.admin`, say('init.q.site-administrator', { site }));
      admins.push({ person: admin, path: `${w}.admin` });
    } else if (adminChoice.startsWith('admin:')) {
      const earlier = admins[Number(adminChoice.slice('admin:'.length))]!;
      admin = earlier.person;
      draft.set(`${w}.admin`, draft.get(earlier.path));
    } else {
      draft.set(`${w}.admin`, 'principal');
    }
    websites.push({ name, domains, content, ...(remarks ? { remarks } : {}), ...(preApprovals.length ? { preApprovals } : {}), admin, instances: [] });
  } while (await ask.confirm('website.more', { message: say('init.q.add-another-website'), default: false }));

  const instances: InstanceAnswers[] = [];
  do {
    const i = instances.length;
    const at = `instances[${i}]`;
    const inst = say('init.q.instance-n', { n: i + 1 });
    section(inst);
    const id = await required('instance.id', `${at}.id`, say('init.q.inst-instance-id-console', { inst, example: 'i-wz9abc123' }), (v) =>
      checkInstanceId(
        v,
        instances.map((x) => x.id),
      ),
    );
    const product = await judgedSelect(
      'instance.product',
      `${at}.product`,
      say('init.q.inst-product', { inst }),
      PRODUCTS.map((p) => ({ value: p, name: choiceName('product', p) })),
      'ecs',
    );
    const regionChoice = await judgedSelect('instance.region', `${at}.region`, say('init.q.inst-region-mainland-china', { inst }), [
      ...MAINLAND_REGIONS.map((r) => ({ value: r.id, name: `${r.id}  ${tr(r)}` })),
      { value: OTHER, name: say('init.q.another-region-type-its') },
    ]);
    const region = regionChoice === OTHER ? await required('instance.region.other', `${at}.region`, say('init.q.inst-region-id-cn', { inst }), checkRegion) : regionChoice;
    draft.set(`${at}.region`, region);
    const entry: InstanceAnswers = { id, product, region };
    if (!ORDER_PRODUCTS.includes(product)) {
      entry.billing = await judgedSelect<'subscription' | 'pay-as-you-go'>('instance.billing', `${at}.billing`, say('init.q.inst-billing', { inst }), [
        { value: 'subscription', name: say('init.q.subscription-monthly-yearly') },
        { value: 'pay-as-you-go', name: say('init.q.pay-as-you-go') },
      ]);
    }
    if (entry.billing !== 'pay-as-you-go') {
      const expires = await optional('instance.expires', `${at}.expires`, say('init.q.inst-subscription-ends-yyyy', { inst }), checkDate);
      if (expires) entry.expires = expires;
    }
    if (BANDWIDTH_PRODUCTS.includes(product)) {
      entry.publicBandwidthMbps = await required('instance.bandwidth', `${at}.publicBandwidthMbps`, say('init.q.inst-public-bandwidth-mbps', { inst, unit: 'Mbps' }), checkAmount);
    }
    if (ORDER_PRODUCTS.includes(product)) {
      entry.orderAmountCny = await required('instance.orderAmount', `${at}.orderAmountCny`, say('init.q.inst-order-amount-cny', { inst }), checkAmount);
      entry.initialSubscriptionMonths = await required(
        'instance.initialMonths',
        `${at}.initialSubscriptionMonths`,
        say('init.q.inst-initial-subscription-months', { inst }),
        checkWholeNumber,
      );
    }
    entry.serviceNumbersUsed = await required('instance.serviceNumbersUsed', `${at}.serviceNumbersUsed`, say('init.q.inst-icp-service-numbers', { inst }), checkWholeNumber, '0');
    instances.push(entry);
  } while (await ask.confirm('instance.more', { message: say('init.q.add-another-instance'), default: false }));

  for (const [k, w] of websites.entries()) {
    if (instances.length === 1) {
      w.instances = [instances[0]!.id];
    } else {
      w.instances = await ask.checkbox('website.instances', {
        message: say('init.q.which-instances-host-website', { website: w.name }),
        choices: instances.map((i) => ({ value: i.id, name: `${i.id}  ${nameOf('product', i.product, lang)}, ${i.region}` })),
        validate: (values) => (values.length > 0 ? true : say('init.q.tick-at-least-one')),
      });
    }
    draft.set(`websites[${k}].instances`, w.instances);
  }

  // What a lookup may not show about each domain: asked so the checklist need not leave it to confirm.
  section(say('init.section.domains'));
  const domainFacts: Record<string, DomainAnswers> = {};
  const registrable = [
    ...new Set(
      websites.flatMap((w) =>
        w.domains.flatMap((d) => {
          const p = parseDomain(d);
          return p.ok ? [p.domain.registrableUnicode] : [];
        }),
      ),
    ),
  ];
  for (const domain of registrable) {
    const at: Token[] = ['domains', domain];
    const facts: DomainAnswers = {};
    const holder = await required('domain.holder', undefined, say('init.q.domain-registered-holder', { domain }), checkRequired, entityName);
    facts.holder = holder;
    const registrar = await optional('domain.registrar', undefined, say('init.q.domain-registrar', { domain }), checkRequired);
    if (registrar) facts.registrar = registrar;
    const expires = await optional('domain.expires', undefined, say('init.q.domain-registration-expires-yyyy', { domain }), checkDate);
    if (expires) facts.expires = expires;
    facts.realNameVerified = await ask.confirm('domain.realNameVerified', {
      message: say('init.q.domain-real-name', { domain }),
      default: true,
    });
    if (facts.realNameVerified) {
      const on = await optional('domain.realNameVerifiedOn', undefined, say('init.q.domain-verified-yyyy-mm', { domain }), checkDate);
      if (on) facts.realNameVerifiedOn = on;
    }
    facts.privacyProtection = await ask.confirm('domain.privacyProtection', {
      message: say('init.q.domain-whois-privacy-protection', { domain }),
      default: false,
    });
    domainFacts[domain] = facts;
    draft.set(at, facts);
  }

  const answers: InitAnswers = {
    province,
    filing,
    ...(previousFiling && Object.keys(previousFiling).length ? { previousFiling } : {}),
    entity: {
      type: entityType,
      name: entityName,
      ...(certificate ? { certificate } : {}),
      address,
      ...(legalRepresentative ? { legalRepresentative } : {}),
      principal,
    },
    websites,
    instances,
    ...(registrable.length ? { domains: domainFacts } : {}),
  };

  // The documents the checker would list as to prepare, each asked as a file and checked as an image.
  section(say('init.section.documents'));
  if (
    await ask.confirm('documents', {
      message: say('init.q.give-files-documents-prepare'),
      default: true,
    })
  ) {
    await askDocuments(answers);
  }
  return answers;

  async function askDocuments(a: InitAnswers): Promise<void> {
    const { documents } = await draftCheck(draft.manifest(), judgeCtx);
    const missing = documents.filter((d) => d.required && !d.provided).sort((x, y) => x.kind.localeCompare(y.kind) || x.for.localeCompare(y.for));
    const list: DocumentAnswers[] = [];
    for (const d of missing) {
      const label = `${documentKindName(d.kind, lang)}${holderLabel(d.for)}`;
      const person = personAt(a, d.for);
      if (d.kind === 'entity-certificate' && a.entity.certificate) {
        const file = await imagePath('document.file', 'entity.certificate.image', label);
        if (file) a.entity.certificate.image = file;
      } else if ((d.kind === 'id-front' || d.kind === 'id-back') && person) {
        const side = d.kind === 'id-front' ? 'front' : 'back';
        const file = await imagePath('document.file', `${d.for}.id.${side}`, label);
        if (file) person.id[side] = file;
      } else if (d.kind.startsWith('pre-approval:')) {
        // Asked with the website's content; left to the checklist if skipped there.
      } else {
        const k = list.length;
        draft.set(`documents[${k}]`, { kind: d.kind, for: d.for });
        const file = await imagePath('document.file', `documents[${k}].file`, label);
        if (!file) {
          draft.set(`documents[${k}]`, undefined);
          continue;
        }
        const issued = await optional('document.issued', `documents[${k}].issued`, say('init.q.label-issued-yyyy-mm', { label }), checkDate);
        list.push({ kind: d.kind, for: d.for, file, ...(issued ? { issued } : {}) });
      }
    }
    if (list.length > 0) a.documents = list;
  }

  function holderLabel(holder: string): string {
    if (holder === 'entity') return '';
    const person = personAt(answers, holder);
    if (person) return say('init.q.holder', { name: person.name });
    const site = /^websites\[(\d+)\]$/.exec(holder);
    if (site) return say('init.q.holder', { name: answers.websites[Number(site[1])]?.name ?? holder });
    return say('init.q.holder', { name: stripControl(holder) });
  }

  /** A file path, relative to the manifest's folder, inspected at once by the image rules. */
  async function imagePath(key: string, path: string, message: string): Promise<string | undefined> {
    const unquote = (v: string) => v.trim().replace(/^(["'])(.*)\1$/, '$2');
    return valid(key, path, message, (v) => checkRequired(unquote(v)), { optional: true });
  }
}

/** A list of domains as typed, for the rules to judge even when the field check refused it. */
const splitDomains = (v: string): string[] => v.split(/[\s,，、;；]+/).filter((x) => x !== '');

/** Which languages are written in Chinese characters: remarks are offered in the reader's script. */
const WRITTEN_IN_CHINESE: Record<Lang, boolean> = { en: false, zh: true };

/** Words that satisfy the remarks rules: of each `remarksContain` list, the first phrase in the user's language. */
function suggestedRemarks(ruleIds: string[], lang: Lang): string | undefined {
  const cjk = /[\u3400-\u9fff]/;
  const phrases: string[] = [];
  const visit = (c: Condition | undefined) => {
    if (!c) return;
    const listed = c.remarksContain as string[] | undefined;
    if (listed) {
      const pick = listed.find((p) => cjk.test(p) === WRITTEN_IN_CHINESE[lang]) ?? listed[0];
      if (pick && !phrases.includes(pick)) phrases.push(pick);
    }
    c.all?.forEach(visit);
    c.any?.slice(0, 1).forEach(visit);
  };
  for (const r of dataRulesRequiring('remarksContain')) if (ruleIds.includes(r.id)) visit(r.require);
  return phrases.length ? phrases.join(message('init.q.remarks-separator', undefined, lang)) : undefined;
}

/** The person a holder path names: `entity.principal`, `websites[0].admin`, or the legal representative when they are the principal. */
function personAt(a: InitAnswers, holder: string): PersonAnswers | undefined {
  if (holder === 'entity.principal') return a.entity.principal;
  if (holder === 'entity.legalRepresentative' && a.entity.legalRepresentative?.name === a.entity.principal.name) return a.entity.principal;
  const m = /^websites\[(\d+)\]\.admin$/.exec(holder);
  if (m) {
    const admin = a.websites[Number(m[1])]?.admin;
    return admin && admin !== 'principal' ? admin : undefined;
  }
  return undefined;
}
