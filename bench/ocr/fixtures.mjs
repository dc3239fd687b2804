// Writes the small synthetic images and manifests of test/fixtures/ocr (run again only to change them):
// node bench/ocr/fixtures.mjs. Needs the OCR engine installed (for sharp) and a CJK font.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backSvg, creditCode, frontSvg, idNumber, licenceSvg, loadSharp, render } from './cards.mjs';

const OUT = fileURLToPath(new URL('../../test/fixtures/ocr/', import.meta.url));
const sharp = loadSharp();

export const A = {
  name: '王样本',
  sex: '男',
  birth: '1990年3月7日',
  number: idNumber('11010119900307123'),
  address: '示例省测试市样本区演示路1号',
  issuer: '测试市公安局样本分局',
  from: '2016-03-01',
  to: '2036-03-01',
};
export const B = {
  name: '李测试',
  sex: '女',
  birth: '1985年11月12日',
  number: idNumber('31010419851112456'),
  address: '示例省测试市样本区演示路2号',
  issuer: '测试市公安局样本分局',
  from: '2018-07-15',
  to: '2038-07-15',
};
export const C = { name: '测试市样本科技有限公司', code: creditCode('91110101MA0012345'), representative: A.name };

/** A's number with one digit changed: what a typo in the manifest looks like. */
const typo = (n) => `${n.slice(0, 14)}${(Number(n[14]) + 1) % 10}${n.slice(15)}`;

const images = {
  'a-front.jpg': [frontSvg(A), { tilt: 4, noise: 0.4, quality: 60, seed: 1 }],
  'a-back.jpg': [backSvg(A), { tilt: -3, blur: 0.6, quality: 60, seed: 2 }],
  'b-front.jpg': [frontSvg(B), { tilt: 2, quality: 60, seed: 3 }],
  'a-front-upside-down.jpg': [frontSvg(A), { rotate: 180, quality: 60, seed: 4 }],
  'licence.jpg': [licenceSvg(C), { tilt: 2, quality: 60, seed: 5 }],
};

function manifest({ number = A.number, expires = A.to, code = C.code, front = 'a-front.jpg', back = 'a-back.jpg' } = {}) {
  return `# Synthetic data: a fake person and company (test/fixtures/ocr, written by bench/ocr/fixtures.mjs).
version: 1
province: beijing
entity:
  type: enterprise
  name: ${C.name}
  certificate: { type: business-license, number: "${code}", image: licence.jpg }
  principal:
    name: ${A.name}
    id: { type: id-card, number: "${number}", expires: ${expires}, front: ${front}, back: ${back} }
`;
}

const manifests = {
  'matching.yaml': manifest(),
  'swapped.yaml': manifest({ front: 'a-back.jpg', back: 'a-front.jpg' }),
  'other-person.yaml': manifest({ front: 'b-front.jpg' }),
  'mistyped.yaml': manifest({ number: typo(A.number), expires: '2035-03-01', code: `${C.code.slice(0, 17)}${C.code[17] === '0' ? '1' : '0'}` }),
  'upside-down.yaml': manifest({ front: 'a-front-upside-down.jpg' }),
  // A PDF named .jpg (from the image fixtures): nothing to decode.
  'not-an-image.yaml': manifest({ front: '../images/document.pdf.jpg' }),
};

await mkdir(OUT, { recursive: true });
for (const [name, [svg, opts]] of Object.entries(images)) await writeFile(path.join(OUT, name), await render(sharp, svg, opts));
for (const [name, text] of Object.entries(manifests)) await writeFile(path.join(OUT, name), text);
console.log(`wrote ${Object.keys(images).length} images and ${Object.keys(manifests).length} manifests to ${OUT}`);
