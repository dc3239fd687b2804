#!/usr/bin/env node
// Generates the OCR benchmark's synthetic cards and licences in bench/work/ocr/ (git-ignored), with
// cases.json saying what each image shows and what the manifest declares for it:
//
//   node bench/ocr/generate.mjs [persons=8] [companies=4]
//
// Every image is degraded differently (tilt up to 8°, noise, blur, JPEG quality 55–90); the cases are
// matching cards, swapped sides, another person's card, mistyped digits (ID number, validity, credit
// code), another entity's licence, photos stored turned 90°/180°, camera-sized photos (≈ 10 MP) and a
// card on a 12-megapixel photo.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backSvg, creditCode, fakeCompany, fakePerson, frontSvg, idNumber, licenceSvg, loadSharp, random, render } from './cards.mjs';

const OUT = fileURLToPath(new URL('../work/ocr/', import.meta.url));
const [persons = 8, companies = 4] = process.argv.slice(2).map(Number);
const sharp = loadSharp();
const rand = random(20261130);

/** The k-th degradation: every image a different mix. */
function degrade(k) {
  const r = random(1000 + k);
  return {
    tilt: Math.round((r() * 16 - 8) * 10) / 10,
    noise: [0, 0.3, 0.6][k % 3],
    blur: [0, 0.5, 1.0, 0.3][k % 4],
    quality: 55 + Math.floor(r() * 36),
    seed: k,
  };
}

/** One digit of the sequence changed (the check digit left as is, or recomputed: both are typos). */
function mistypedId(n, k) {
  const d = `${n.slice(0, 14)}${(Number(n[14]) + 1 + (k % 8)) % 10}${n.slice(15, 17)}`;
  return k % 2 === 0 ? idNumber(d) : `${d}${n[17]}`;
}
function mistypedCode(c, k) {
  const body = `${c.slice(0, 12)}${(Number(c[12]) + 1 + (k % 8)) % 10}${c.slice(13, 17)}`;
  return k % 2 === 0 ? creditCode(body) : `${body}${c[17]}`;
}
function otherExpiry(p) {
  if (p.to === 'long-term') return `${Number(p.from.slice(0, 4)) + 20}${p.from.slice(4)}`;
  return `${Number(p.to.slice(0, 4)) - 10}${p.to.slice(4)}`;
}

const cases = [];
let k = 0;
async function add(name, svg, opts, c) {
  const file = `${String(cases.length + 1).padStart(3, '0')}-${name}.jpg`;
  await writeFile(path.join(OUT, file), await render(sharp, svg, opts));
  cases.push({ file, ...c, degrade: opts });
}

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });

const people = Array.from({ length: persons }, () => fakePerson(rand));
/** A front side declared as the front of its own person: every field should match. */
const frontOf = (p) => ({
  shows: 'front',
  declaredAs: 'front',
  person: { name: p.name, number: p.number, expires: p.to },
  truth: { number: p.number, name: p.name },
  expect: { side: 'match', number: 'match', name: 'match' },
});
for (const [i, p] of people.entries()) {
  const q = people[(i + 1) % people.length];
  const person = (over = {}) => ({ name: p.name, number: p.number, expires: p.to, ...over });
  await add('front', frontSvg(p), degrade(k++), frontOf(p));
  await add('back', backSvg(p), degrade(k++), { shows: 'back', declaredAs: 'back', person: person(), truth: { expires: p.to }, expect: { side: 'match', validity: 'match' } });
  await add('other-person', frontSvg(q), degrade(k++), {
    shows: 'front',
    declaredAs: 'front',
    person: person(),
    truth: { number: q.number, name: q.name },
    expect: { side: 'match', number: 'mismatch' },
  });
  await add('mistyped-number', frontSvg(p), degrade(k++), {
    shows: 'front',
    declaredAs: 'front',
    person: person({ number: mistypedId(p.number, i) }),
    truth: { number: p.number, name: p.name },
    expect: { side: 'match', number: 'mismatch', name: 'match' },
  });
  await add('other-expiry', backSvg(p), degrade(k++), {
    shows: 'back',
    declaredAs: 'back',
    person: person({ expires: otherExpiry(p) }),
    truth: { expires: p.to },
    expect: { side: 'match', validity: 'mismatch' },
  });
  await add('swapped', i % 2 ? backSvg(p) : frontSvg(p), degrade(k++), {
    shows: i % 2 ? 'back' : 'front',
    declaredAs: i % 2 ? 'front' : 'back',
    person: person(),
    truth: {},
    expect: { side: 'mismatch' },
  });
}
// Photos stored turned, and camera-sized photos.
for (const [j, rotate] of [90, 180, 270, 180].entries()) {
  const p = people[j];
  await add(`turned-${rotate}`, frontSvg(p), { ...degrade(k++), rotate }, frontOf(p));
}
for (let j = 0; j < 2; j++) {
  const p = people[j + 4];
  await add('camera-10mp', frontSvg(p), { ...degrade(k++), scale: 4.7 }, frontOf(p));
}

// A card filling half the width of a 12-megapixel photo.
for (let j = 0; j < 2; j++) {
  const p = people[j + 6];
  await add('in-12mp-photo', frontSvg(p), { ...degrade(k++), scale: 2.2, canvas: { width: 4000, height: 3000 } }, frontOf(p));
}

const firms = Array.from({ length: companies }, () => fakeCompany(rand));
for (const [i, c] of firms.entries()) {
  const o = firms[(i + 1) % firms.length];
  const entity = (over = {}) => ({ name: c.name, code: c.code, ...over });
  await add('licence', licenceSvg(c), degrade(k++), {
    shows: 'licence',
    declaredAs: 'licence',
    entity: entity(),
    truth: { code: c.code, name: c.name },
    expect: { code: 'match', entityName: 'match' },
  });
  await add('other-licence', licenceSvg(o), degrade(k++), {
    shows: 'licence',
    declaredAs: 'licence',
    entity: entity(),
    truth: { code: o.code, name: o.name },
    expect: { code: 'mismatch' },
  });
  await add('mistyped-code', licenceSvg(c), degrade(k++), {
    shows: 'licence',
    declaredAs: 'licence',
    entity: entity({ code: mistypedCode(c.code, i) }),
    truth: { code: c.code, name: c.name },
    expect: { code: 'mismatch', entityName: 'match' },
  });
}

await writeFile(path.join(OUT, 'cases.json'), `${JSON.stringify(cases, null, 2)}\n`);
console.log(`wrote ${cases.length} images and cases.json to ${OUT}`);
