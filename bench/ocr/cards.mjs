// Synthetic ID cards (人像面, 国徽面) and business licences for the OCR benchmark and test fixtures:
// obviously fake names and addresses, numbers with valid check characters, drawn with a CJK font
// (WenQuanYi Zen Hei or Noto Sans CJK, from the system's fonts) through sharp, which the OCR engine
// brings. No real person's or company's data.
import { createRequire } from 'node:module';

/** sharp, from the OCR engine's install (it is not one of icp-check's own dependencies). */
export function loadSharp() {
  const require = createRequire(import.meta.resolve('@gutenye/ocr-node'));
  return require('sharp');
}

const FONT = "'WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

// ---- numbers (GB 11643, GB 32100), the same algorithms as src/facts/identity.ts ----
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idNumber(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return first17 + '10X98765432'[sum % 11];
}
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function creditCode(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** A deterministic generator (the fixtures' own), so the same seed gives the same cards. */
export { prng as random } from '../../scripts/make-images.mjs';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['样本', '测试', '示例', '演示', '虚构', '假名', '样例', '测例', '范例', '模拟'];
const REGIONS = ['110101', '310104', '440305', '330106', '510107', '420111'];

/** A fake person: a name built from 样本/测试/示例 ..., an ID number with a valid check digit, a card validity. */
export function fakePerson(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const y = 1965 + Math.floor(rand() * 38);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  const p2 = (n) => String(n).padStart(2, '0');
  const seq = String(Math.floor(rand() * 1000)).padStart(3, '0');
  const number = idNumber(`${pick(REGIONS)}${y}${p2(m)}${p2(d)}${seq}`);
  const issued = 2012 + Math.floor(rand() * 12);
  const im = 1 + Math.floor(rand() * 12);
  const id = 1 + Math.floor(rand() * 28);
  const years = y < 1975 ? 0 : y < 1990 ? 20 : 10;
  const from = `${issued}-${p2(im)}-${p2(id)}`;
  const to = years === 0 ? 'long-term' : `${issued + years}-${p2(im)}-${p2(id)}`;
  return {
    name: pick(SURNAMES) + pick(GIVEN),
    sex: Number(number[16]) % 2 === 1 ? '男' : '女',
    birth: `${y}年${m}月${d}日`,
    number,
    address: `示例省测试市样本区演示路${1 + Math.floor(rand() * 200)}号`,
    issuer: '测试市公安局样本分局',
    from,
    to,
  };
}

const COMPANY_WORDS = ['样本', '测试', '示例', '演示', '虚构', '模拟'];
const TRADES = ['科技', '网络', '信息技术', '文化传媒', '软件'];
/** A fake company: a 示例/测试 name, a credit code with a valid check character. */
export function fakeCompany(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  let body = '';
  for (let i = 0; i < 14; i++) body += String(Math.floor(rand() * 10));
  const code = creditCode(`91${pick(REGIONS)}${body.slice(0, 9)}`.slice(0, 17));
  return { name: `测试市${pick(COMPANY_WORDS)}${pick(TRADES)}有限公司`, code, representative: fakePerson(rand).name };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const text = (x, y, size, s, extra = '') => `<text x="${x}" y="${y}" font-size="${size}" ${extra}>${esc(s)}</text>`;
const dotted = (iso) => (iso === 'long-term' ? '长期' : iso.replaceAll('-', '.'));

export function frontSvg(p) {
  const label = 'fill="#3b5a78"';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540"><rect width="856" height="540" rx="32" fill="#eef3f1"/>
<rect x="600" y="70" width="200" height="250" fill="#d5dde2"/>${text(640, 210, 26, '样本照片', 'fill="#9aa"')}
<g font-family="${FONT}" fill="#1d1d1d">
${text(60, 100, 28, '姓名', label)}${text(150, 100, 36, p.name)}
${text(60, 170, 28, '性别', label)}${text(150, 170, 30, p.sex)}${text(260, 170, 28, '民族', label)}${text(350, 170, 30, '汉')}
${text(60, 240, 28, '出生', label)}${text(150, 240, 30, p.birth)}
${text(60, 310, 28, '住址', label)}${text(150, 310, 28, p.address)}
${text(60, 470, 28, '公民身份号码', label)}${text(270, 470, 38, p.number, 'letter-spacing="4"')}
</g></svg>`;
}

export function backSvg(p) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540"><rect width="856" height="540" rx="32" fill="#eef1ee"/>
<circle cx="130" cy="130" r="70" fill="#d9b24a"/>
<g font-family="${FONT}" fill="#1d1d1d">
${text(260, 120, 44, '中华人民共和国', 'letter-spacing="6"')}
${text(280, 200, 50, '居民身份证', 'letter-spacing="10"')}
${text(150, 400, 28, '签发机关', 'fill="#333"')}${text(290, 400, 30, p.issuer)}
${text(150, 460, 28, '有效期限', 'fill="#333"')}${text(290, 460, 30, `${dotted(p.from)}-${dotted(p.to)}`)}
</g></svg>`;
}

export function licenceSvg(c) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="700"><rect width="1000" height="700" fill="#fbf8ef"/>
<rect x="20" y="20" width="960" height="660" fill="none" stroke="#b23" stroke-width="6"/>
<g font-family="${FONT}" fill="#1d1d1d">
${text(380, 120, 56, '营业执照', 'letter-spacing="12"')}
${text(80, 200, 24, '统一社会信用代码')}${text(300, 200, 28, c.code, 'letter-spacing="2"')}
${text(80, 290, 26, '名　　称')}${text(240, 290, 28, c.name)}
${text(80, 350, 26, '类　　型')}${text(240, 350, 28, '有限责任公司（样本）')}
${text(80, 410, 26, '法定代表人')}${text(240, 410, 28, c.representative)}
${text(80, 470, 26, '住　　所')}${text(240, 470, 28, '示例省测试市样本区演示路8号')}
${text(80, 530, 26, '成立日期')}${text(240, 530, 28, '2019年05月20日')}
${text(560, 630, 24, '登记机关（样本，非真实证照）', 'fill="#844"')}
</g></svg>`;
}

/**
 * Renders an SVG and degrades it like a phone photo: `tilt` degrees, `blur` sigma, `noise` (0..1 of
 * ±40 levels), `quality` of the JPEG, `rotate` a multiple of 90 (a photo stored turned), `scale`,
 * `canvas` ({ width, height }: the card placed on a larger photo).
 */
export async function render(sharp, svg, { tilt = 0, blur = 0, noise = 0, quality = 80, rotate = 0, scale = 1, seed = 1, canvas } = {}) {
  let img = sharp(Buffer.from(svg));
  if (scale !== 1) {
    const meta = await sharp(Buffer.from(svg)).metadata();
    img = img.resize(Math.round(meta.width * scale));
  }
  let buf = await img.flatten({ background: '#ffffff' }).png().toBuffer();
  if (tilt) buf = await sharp(buf).rotate(tilt, { background: '#8a8f94' }).png().toBuffer();
  if (canvas) {
    // The card somewhere on a desk in a larger photo.
    const meta = await sharp(buf).metadata();
    const left = Math.floor((canvas.width - meta.width) * 0.3);
    const top = Math.floor((canvas.height - meta.height) * 0.6);
    buf = await sharp({ create: { width: canvas.width, height: canvas.height, channels: 3, background: '#7d6f5f' } })
      .composite([{ input: buf, left, top }])
      .png()
      .toBuffer();
  }
  if (blur) buf = await sharp(buf).blur(blur).png().toBuffer();
  if (noise) {
    const { data, info } = await sharp(buf).raw().toBuffer({ resolveWithObject: true });
    const rand = random(seed);
    for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] + Math.round((rand() - 0.5) * 80 * noise)));
    buf = await sharp(data, { raw: info }).png().toBuffer();
  }
  if (rotate) buf = await sharp(buf).rotate(rotate).png().toBuffer();
  return sharp(buf).jpeg({ quality, mozjpeg: false }).toBuffer();
}
