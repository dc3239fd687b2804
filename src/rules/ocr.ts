// `--ocr`: what the ID cards and the entity certificate say, against what the manifest declares.
// A number is compared only when the one read passes its check character; a name that is not found
// is "not confirmed", never "different"; so a misread photo can leave a check open but never fail it.
import type { NamedArg, RawFinding } from '../model.js';
import type { Person } from '../manifest/schema.js';
import type { Manifest } from '../manifest/schema.js';
import { imageReferences, type ImageReference } from '../facts/images.js';
import { checkUscc } from '../facts/identity.js';
import { creditCodes, hasAnchor, idNumbers, idSide, idValidity, namePrinted, type OcrReading } from '../facts/ocr/read.js';
import { defineRule, type CheckContext, type CodeRule } from './types.js';

const UPLOADS = 'materials: Requirements for material uploading';
const BASIC = 'materials: Enterprise or organizational ICP filing entity';
const BASIC_QUOTE =
  'Basic materials: You must prepare the original certificates of the organization, and the original identity documents of the major principal of the organization and the website administrator. You must take and upload photos of these certificates and identity documents by using Alibaba Cloud App.';
/** Certificates that carry a unified social credit code. */
const CODE_CERTIFICATES = new Set(['business-license', 'uscc-certificate', 'public-institution-certificate', 'social-organization-certificate']);

interface Read {
  ref: ImageReference;
  reading: OcrReading;
}

/** Every image OCR read, with its reference. */
function readings(ctx: CheckContext): Read[] {
  const ocr = ctx.facts.ocr;
  if (!ocr) return [];
  return imageReferences(ctx.filing.manifest).flatMap((ref) => {
    const reading = ocr.get(ref.path);
    return reading ? [{ ref, reading }] : [];
  });
}

/** Text was read upright or turned: something a card or licence prints was found. */
const legible = (r: Read) => !r.reading.error && hasAnchor(r.reading.lines);

/** The person a manifest path such as `websites[0].admin.id.front` belongs to. */
function personAt(manifest: Manifest, personPath: string): Person | undefined {
  if (personPath === 'entity.principal') return manifest.entity.principal;
  if (personPath === 'entity.legalRepresentative') return manifest.entity.legalRepresentative;
  const m = /^websites\[(\d+)\]\.admin$/.exec(personPath);
  const admin = m ? manifest.websites[Number(m[1])]?.admin : undefined;
  return admin && typeof admin === 'object' ? admin : undefined;
}

interface CardPerson {
  path: string;
  person: Person & { id: NonNullable<Person['id']> };
  /** Legible readings of the person's two card images. */
  sides: Read[];
}

/** People with a mainland ID card whose images were read. */
function cardPeople(ctx: CheckContext): CardPerson[] {
  const byPerson = new Map<string, Read[]>();
  for (const r of readings(ctx)) {
    if (r.ref.role !== 'id-front' && r.ref.role !== 'id-back') continue;
    const p = r.ref.path.replace(/\.id\.(front|back)$/, '');
    byPerson.set(p, [...(byPerson.get(p) ?? []), r]);
  }
  return [...byPerson].flatMap(([p, sides]) => {
    const person = personAt(ctx.filing.manifest, p);
    if (person?.id?.type !== 'id-card') return [];
    return [{ path: p, person: person as CardPerson['person'], sides: sides.filter(legible) }];
  });
}

/** Lines that show the given side: by what they print, or by the image's role when they print neither. */
function sideLines(c: CardPerson, side: 'front' | 'back'): string[] {
  return c.sides.filter((r) => (idSide(r.reading.lines) ?? r.ref.role.slice(3)) === side).flatMap((r) => r.reading.lines);
}

/** The image that shows the given side: by what it prints, else the one given as that side. */
function sideImage(c: CardPerson, side: 'front' | 'back'): Read | undefined {
  return c.sides.find((r) => idSide(r.reading.lines) === side) ?? c.sides.find((r) => r.ref.role === `id-${side}`);
}

const fileArgs = (r: Read) => ({ file: r.ref.written, role: r.ref.role });

export const ocrRead = defineRule({
  id: 'image/ocr-read',
  source: UPLOADS,
  quote: 'To make sure that your ICP filing application can be approved, you must upload clear, complete, and valid images.',
  title: { en: 'The text of ID cards and the entity certificate can be read (--ocr)', zh: '身份证和主体证件上的文字可以识别（--ocr）' },
  explain: {
    en: 'With --ocr, icp-check reads the ID card images (人像面 and 国徽面) of the principal, the legal representative and the website administrators, and the entity certificate, offline on this machine. An image whose text cannot be read at all is likely blurred, cut off or too dark for the reviewer too. A photo read only after turning it is uploaded turned: the reviewer sees it that way.',
    zh: '使用 --ocr 时，icp-check 在本机离线识别主体负责人、法定代表人和网站负责人的身份证人像面和国徽面图片，以及主体证件图片。完全无法识别文字的图片，审核人员很可能也看不清（模糊、不完整或过暗）。需要旋转后才能识别的照片，上传后审核人员看到的也是旋转的。',
  },
  messages: {
    pass: { message: { en: 'The text of {file} ({role}) was read.', zh: '已识别 {file}（{role}）上的文字。' } },
    unreadable: {
      message: { en: '{file} ({role}) could not be read for OCR: {error}.', zh: '{file}（{role}）无法读取以进行文字识别：{error}。' },
      fix: { en: 'Save the photo again as a JPG or PNG image.', zh: '请将照片重新保存为 JPG 或 PNG 图片。' },
    },
    'no-text': {
      message: { en: 'No card or certificate text could be read on {file} ({role}).', zh: '未能在 {file}（{role}）上识别出证件文字。' },
      fix: {
        en: 'Check that the photo is sharp, complete, well lit and shows the right document; retake it if not.',
        zh: '请确认照片清晰、完整、光线充足，且拍摄的是正确的证件；否则请重新拍摄。',
      },
    },
    turned: {
      message: { en: '{file} ({role}) is read only when turned by {rotation}°: it is stored turned.', zh: '{file}（{role}）需旋转 {rotation}° 才能识别：图片方向不正。' },
      fix: { en: 'Rotate the image upright and save it again before uploading.', zh: '请将图片旋转为正向并重新保存后再上传。' },
    },
  },
  check(ctx) {
    return readings(ctx).map(({ ref, reading }): RawFinding => {
      const a = { file: ref.written, role: ref.role };
      if (reading.error) return { rule: 'image/ocr-read', status: 'unknown', path: ref.path, key: 'unreadable', args: { ...a, error: reading.error } };
      if (!hasAnchor(reading.lines)) return { rule: 'image/ocr-read', status: 'unknown', path: ref.path, key: 'no-text', args: a };
      if (reading.rotation !== 0) return { rule: 'image/ocr-read', status: 'warn', path: ref.path, key: 'turned', args: { ...a, rotation: reading.rotation } };
      return { rule: 'image/ocr-read', status: 'pass', path: ref.path, args: a };
    });
  },
});

export const ocrIdSide = defineRule({
  id: 'image/ocr-id-side',
  source: UPLOADS,
  quote: "The ratio between the photos for the front and back of the entity leader's identity document must be 1:1.",
  title: { en: 'Each ID card image shows the side it is declared as (--ocr)', zh: '身份证图片与声明的面一致（--ocr）' },
  explain: {
    en: 'The 人像面 (photo side) prints 公民身份号码; the 国徽面 (emblem side) prints 签发机关 and 有效期限. An image declared as `id.front` that shows the emblem side, or the reverse, is a swapped upload and is rejected.',
    zh: '身份证人像面印有“公民身份号码”，国徽面印有“签发机关”和“有效期限”。声明为 `id.front` 的图片却是国徽面（或相反）属于上传颠倒，会被驳回。',
  },
  messages: {
    pass: { message: { en: '{file} shows the {side} side, as declared.', zh: '{file} 是声明的身份证{side}。' } },
    swapped: {
      message: { en: '{file} is declared as the {expected} side but shows the {side} side.', zh: '{file} 声明为身份证{expected}，实际是{side}。' },
      fix: { en: 'Swap the `id.front` and `id.back` images (or photograph the missing side).', zh: '请交换 `id.front` 与 `id.back` 的图片（或补拍缺少的一面）。' },
    },
    unknown: {
      message: { en: 'Which side {file} shows could not be told from its text.', zh: '无法根据文字判断 {file} 是身份证的哪一面。' },
    },
  },
  check(ctx) {
    const sideName = (side: 'front' | 'back'): NamedArg => ({ name: 'idSide', value: side });
    return cardPeople(ctx).flatMap((c) =>
      c.sides.map((r): RawFinding => {
        const expected = r.ref.role === 'id-front' ? 'front' : 'back';
        const side = idSide(r.reading.lines);
        const a = { ...fileArgs(r), expected: sideName(expected) };
        if (!side) return { rule: 'image/ocr-id-side', status: 'unknown', path: r.ref.path, args: a };
        const status = side === expected ? 'pass' : 'fail';
        return { rule: 'image/ocr-id-side', status, path: r.ref.path, key: status === 'fail' ? 'swapped' : undefined, args: { ...a, side: sideName(side) } };
      }),
    );
  },
});

export const ocrIdNumber = defineRule({
  id: 'image/ocr-id-number',
  source: BASIC,
  quote: BASIC_QUOTE,
  title: { en: 'The ID card photographed carries the ID number declared (--ocr)', zh: '身份证图片上的号码与填写的一致（--ocr）' },
  explain: {
    en: "The 公民身份号码 read from the 人像面 is compared with `id.number`. A number is taken only when it passes its GB 11643 check digit, so a misread digit leaves the check open rather than failing it. A different number means another person's card, or a mistyped number in the manifest. Neither number is printed.",
    zh: '从身份证人像面识别出的“公民身份号码”与 `id.number` 比对。只有通过 GB 11643 校验位的号码才会采用，因此个别数字识别错误只会使本项待确认，而不会判为不一致。号码不一致说明上传的是他人的身份证，或备案资料文件中的号码填写有误。报告不显示任何号码。',
  },
  messages: {
    pass: { message: { en: 'The ID number on the card of {person} matches `id.number`.', zh: '{person} 身份证上的号码与 `id.number` 一致。' } },
    different: {
      message: {
        en: "The ID number on the card of {person} ({file}) differs from `id.number`: another person's card, or a mistyped number.",
        zh: '{person} 身份证（{file}）上的号码与 `id.number` 不一致：可能是他人的身份证，或号码填写有误。',
      },
      fix: { en: "Check the number typed in the manifest against the card, and upload this person's own card.", zh: '请对照身份证核对备案资料文件中的号码，并上传本人的身份证。' },
    },
    unknown: {
      message: { en: 'The ID number on the card of {person} could not be read with a valid check digit.', zh: '未能从 {person} 的身份证上识别出校验位正确的号码。' },
    },
  },
  check(ctx) {
    return cardPeople(ctx).flatMap((c): RawFinding[] => {
      const front = sideImage(c, 'front');
      if (!front) return [];
      const path = `${c.path}.id.number`;
      const a = { person: c.person.name, file: front.ref.written };
      const read = idNumbers(sideLines(c, 'front')).valid;
      const declared = c.person.id.number.replace(/\s+/g, '').toUpperCase();
      if (read.includes(declared)) return [{ rule: 'image/ocr-id-number', status: 'pass', path, args: a }];
      if (read.length > 0) return [{ rule: 'image/ocr-id-number', status: 'fail', path, key: 'different', args: a }];
      return [{ rule: 'image/ocr-id-number', status: 'unknown', path, args: a }];
    });
  },
});

export const ocrName = defineRule({
  id: 'image/ocr-name',
  source: BASIC,
  quote: BASIC_QUOTE,
  title: { en: 'The name on the ID card is the name declared (--ocr)', zh: '身份证上的姓名与填写的一致（--ocr）' },
  explain: {
    en: 'The name declared for the person is looked for in the text of the 人像面, allowing one misread character in six for longer names. A name that is not found is left to confirm, because OCR misreads names more often than numbers.',
    zh: '在身份证人像面的文字中查找该人员填写的姓名；较长的姓名每六个字允许一个字识别错误。未找到姓名时本项待确认，因为姓名比号码更容易识别错误。',
  },
  messages: {
    pass: { message: { en: 'The name {person} is printed on {file}.', zh: '{file} 上印有姓名 {person}。' } },
    unknown: {
      message: { en: 'The name {person} was not found on {file}.', zh: '未在 {file} 上找到姓名 {person}。' },
    },
  },
  check(ctx) {
    return cardPeople(ctx).flatMap((c): RawFinding[] => {
      const front = sideImage(c, 'front');
      if (!front) return [];
      const a = { person: c.person.name, file: front.ref.written };
      const status = namePrinted(c.person.name, sideLines(c, 'front'), '姓名') ? 'pass' : 'unknown';
      return [{ rule: 'image/ocr-name', status, path: `${c.path}.name`, args: a }];
    });
  },
});

export const ocrIdValidity = defineRule({
  id: 'image/ocr-id-validity',
  source: UPLOADS,
  quote: 'Make sure that the uploaded certificates are valid.',
  title: { en: 'The validity printed on the ID card is the one declared (--ocr)', zh: '身份证上的有效期限与填写的一致（--ocr）' },
  explain: {
    en: 'The 有效期限 printed on the 国徽面 is compared with `id.expires`. It is taken only when it is a period a card can have (5, 10 or 20 years to the day, or 长期), so a misread digit leaves the check open. A different date usually means an old card was photographed, or the date was typed wrong.',
    zh: '将身份证国徽面上印的“有效期限”与 `id.expires` 比对。只有符合身份证有效期规则（到同一天的 5 年、10 年、20 年或长期）的读数才会采用，因此个别数字识别错误只会使本项待确认。日期不一致通常说明拍的是旧证件，或日期填写有误。',
  },
  messages: {
    pass: { message: { en: 'The card of {person} is valid until {printed}, as declared.', zh: '{person} 的身份证有效期至 {printed}，与填写的一致。' } },
    different: {
      message: {
        en: 'The card of {person} ({file}) is valid until {printed}, but `id.expires` says {declared}.',
        zh: '{person} 的身份证（{file}）有效期至 {printed}，但 `id.expires` 填写为 {declared}。',
      },
      fix: { en: 'Correct `id.expires`, or photograph the current card.', zh: '请更正 `id.expires`，或拍摄现行有效的身份证。' },
    },
    'not-declared': {
      message: {
        en: 'The card of {person} ({file}) is valid until {printed}; `id.expires` is not given.',
        zh: '{person} 的身份证（{file}）有效期至 {printed}；未填写 `id.expires`。',
      },
      fix: { en: 'Add `id.expires: {printed}` so the validity is checked.', zh: '请填写 `id.expires: {printed}`，以便检查有效期。' },
    },
    unknown: {
      message: { en: 'The validity on the card of {person} could not be read.', zh: '未能识别 {person} 身份证上的有效期限。' },
    },
  },
  check(ctx) {
    return cardPeople(ctx).flatMap((c): RawFinding[] => {
      const back = sideImage(c, 'back');
      if (!back) return [];
      const path = `${c.path}.id.expires`;
      const v = idValidity(sideLines(c, 'back'));
      const a = { person: c.person.name, file: back.ref.written };
      if (!v) return [{ rule: 'image/ocr-id-validity', status: 'unknown', path, args: a }];
      const declared = c.person.id.expires;
      const b = { ...a, printed: v.to, declared: declared ?? '' };
      if (declared === undefined) return [{ rule: 'image/ocr-id-validity', status: 'warn', path, key: 'not-declared', args: b }];
      if (declared === v.to) return [{ rule: 'image/ocr-id-validity', status: 'pass', path, args: b }];
      return [{ rule: 'image/ocr-id-validity', status: 'fail', path, key: 'different', args: b }];
    });
  },
});

/** The entity certificate's reading, when it carries a credit code and was read. */
function licence(ctx: CheckContext): { read: Read; certificate: NonNullable<Manifest['entity']['certificate']> } | undefined {
  const certificate = ctx.filing.manifest.entity.certificate;
  if (!certificate) return undefined;
  const read = readings(ctx).find((r) => r.ref.role === 'entity-certificate');
  if (!read || !legible(read)) return undefined;
  return { read, certificate };
}

export const ocrCreditCode = defineRule({
  id: 'image/ocr-credit-code',
  source: BASIC,
  quote: BASIC_QUOTE,
  title: { en: 'The certificate photographed carries the credit code declared (--ocr)', zh: '证件图片上的统一社会信用代码与填写的一致（--ocr）' },
  explain: {
    en: 'The 统一社会信用代码 read from the entity certificate is compared with `entity.certificate.number`. A code is taken only when it passes its GB 32100 check character. A different code means the certificate of another entity, or a mistyped code.',
    zh: '从主体证件上识别出的“统一社会信用代码”与 `entity.certificate.number` 比对。只有通过 GB 32100 校验码的代码才会采用。代码不一致说明上传的是其他单位的证件，或代码填写有误。',
  },
  messages: {
    pass: { message: { en: 'The credit code on {file} matches `entity.certificate.number`.', zh: '{file} 上的统一社会信用代码与 `entity.certificate.number` 一致。' } },
    different: {
      message: {
        en: '{file} carries the credit code {read}, but `entity.certificate.number` is {declared}.',
        zh: '{file} 上的统一社会信用代码为 {read}，但 `entity.certificate.number` 填写为 {declared}。',
      },
      fix: {
        en: "Check the code typed in the manifest against the certificate, and upload this entity's current certificate.",
        zh: '请对照证件核对备案资料文件中的代码，并上传本单位现行有效的证件。',
      },
    },
    unknown: {
      message: { en: 'No credit code with a valid check character could be read on {file}.', zh: '未能在 {file} 上识别出校验码正确的统一社会信用代码。' },
    },
  },
  check(ctx) {
    const l = licence(ctx);
    if (!l) return [];
    const declared = l.certificate.number.replace(/\s+/g, '').toUpperCase();
    if (!CODE_CERTIFICATES.has(l.certificate.type) && !checkUscc(declared).ok) return [];
    const path = 'entity.certificate.number';
    const a = { file: l.read.ref.written };
    const read = creditCodes(l.read.reading.lines).valid;
    if (read.includes(declared)) return [{ rule: 'image/ocr-credit-code', status: 'pass', path, args: a }];
    if (read.length > 0) return [{ rule: 'image/ocr-credit-code', status: 'fail', path, key: 'different', args: { ...a, read: read[0]!, declared } }];
    return [{ rule: 'image/ocr-credit-code', status: 'unknown', path, args: a }];
  },
});

export const ocrEntityName = defineRule({
  id: 'image/ocr-entity-name',
  source: BASIC,
  quote: BASIC_QUOTE,
  title: { en: 'The entity name on the certificate is the name declared (--ocr)', zh: '证件上的单位名称与填写的一致（--ocr）' },
  explain: {
    en: '`entity.name` is looked for in the text of the entity certificate, allowing one misread character in six. A name that is not found is left to confirm: the certificate may be an old one issued before a change of name, which needs the certificate of change.',
    zh: '在主体证件的文字中查找 `entity.name`，每六个字允许一个字识别错误。未找到名称时本项待确认：证件可能是更名前的旧证件，此时还需提供变更证明。',
  },
  messages: {
    pass: { message: { en: 'The name {name} is printed on {file}.', zh: '{file} 上印有名称 {name}。' } },
    unknown: { message: { en: 'The name {name} was not found on {file}.', zh: '未在 {file} 上找到名称 {name}。' } },
  },
  check(ctx) {
    const l = licence(ctx);
    if (!l) return [];
    const name = ctx.filing.manifest.entity.name;
    const status = namePrinted(name, l.read.reading.lines, '名称') ? 'pass' : 'unknown';
    return [{ rule: 'image/ocr-entity-name', status, path: 'entity.name', args: { name, file: l.read.ref.written } }];
  },
});

export const ocrRules: CodeRule[] = [ocrRead, ocrIdSide, ocrIdNumber, ocrName, ocrIdValidity, ocrCreditCode, ocrEntityName];
