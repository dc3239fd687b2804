// Writes the manifest as YAML with comments that explain each section, in English or Chinese,
// and a first line that points editors at the JSON Schema for completion and checking.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Lang } from '../model.js';
import { provinceBySlug } from '../manifest/provinces.js';
import type { ManifestObject } from './build-manifest.js';

/** `schema/icp-manifest.schema.json` in this package (two folders up from src/init or dist/init). */
export const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'icp-manifest.schema.json');

/** The schema as a path relative to the manifest's folder, with forward slashes as editors expect. */
export function schemaReference(manifestDir: string, schemaFile: string = SCHEMA_FILE): string {
  const rel = relative(manifestDir, schemaFile).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

const C = {
  header: {
    en: (file: string) => [
      ` An ICP filing manifest for icp-check (version 1), written by \`icp-check init\`.`,
      ` Check it before submitting:   icp-check ${file}`,
      ` Every field is described in the JSON Schema named on the first line (\`icp-check schema\` prints it);`,
      ` paths to images are relative to this file's folder.`,
    ],
    zh: (file: string) => [
      ` icp-check 备案资料文件（第 1 版），由 \`icp-check init\` 生成。`,
      ` 提交备案前请检查：   icp-check ${file}`,
      ` 各字段的说明见第一行指向的 JSON Schema（\`icp-check schema\` 可打印）；`,
      ` 图片路径相对于本文件所在目录。`,
    ],
  },
  province: {
    en: (also: string) => ` Filing province: where the entity's certificate was issued. Also accepted: ${also}.`,
    zh: (also: string) => ` 备案省份：主体证件的签发地。也可写作：${also}。`,
  },
  filing: {
    en: ' new | new-website | new-provider | change | transfer | refile-after-cancellation',
    zh: ' 备案类型：new（首次备案）| new-website（新增网站）| new-provider（新增接入）| change（变更）| transfer | refile-after-cancellation',
  },
  entity: {
    en: [' The entity filing (备案主体), exactly as on its certificate.'],
    zh: [' 备案主体，与主体证件上的信息完全一致。'],
  },
  certificate: {
    en: ' The certificate: a unified social credit code is checked with its check character. Add `image:` (a photo or scan).',
    zh: ' 主体证件：统一社会信用代码会校验其校验码。可添加 `image:`（证件照片或扫描件）。',
  },
  certificateIndividual: {
    en: " An individual files with the principal's identity document.",
    zh: ' 个人主体以备案人本人的证件备案。',
  },
  legalRepresentative: { en: ' Legal representative (法定代表人), as on the certificate.', zh: ' 法定代表人，与证件一致。' },
  principal: {
    en: ' Principal (主体负责人): answers for the filing. ID numbers are checked (GB 11643); add `front:`/`back:` image paths under `id:`.',
    zh: ' 主体负责人：对备案负责。身份证号码会校验（GB 11643）；可在 `id:` 下添加 `front:`/`back:` 证件图片路径。',
  },
  websites: {
    en: [
      ' Websites: a name, its domains, what it offers (`content`; news, finance ... need a',
      ' pre-approval: add `preApprovals:`), the instances hosting it, and its administrator',
      ' (网站负责人): `principal`, or a person.',
    ],
    zh: [
      ' 网站：名称、域名、内容类型（`content`；新闻、金融等需要前置审批，请添加 `preApprovals:`），',
      ' 托管网站的实例，以及网站负责人：`principal`（即主体负责人）或另一个人。',
    ],
  },
  instances: {
    en: [' Alibaba Cloud instances in mainland China that host the websites; an ICP service number (备案服务号) is applied for on each.'],
    zh: [' 托管网站的阿里云中国大陆实例；每个网站需在实例上申请备案服务号。'],
  },
  domains: {
    en: [' Facts about each domain that a lookup may not show: the holder, the real-name verification.'],
    zh: [' WHOIS 可能查不到的域名信息：持有者、实名认证。'],
  },
  documents: {
    en: [' Documents to prepare, as files: kind, file, for (whose document), issued.'],
    zh: [' 需准备的材料文件：kind（种类）、file（文件）、for（所属）、issued（签发日期）。'],
  },
  trailer: {
    en: [' Documents not given yet: `icp-check` lists them under "Documents to prepare"; add them under `documents:`.'],
    zh: [' 尚未提供的材料：`icp-check` 会在“需准备的材料”中列出；请添加到 `documents:` 下。'],
  },
  passport: { en: ' add `nationality:` (e.g. US): a passport alone does not say it', zh: ' 请添加 `nationality:`（如 US）：护照本身不说明国籍' },
};

function pairOf(map: unknown, key: string): Pair<Node, Node> | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap<Node, Node>).items.find((p) => isScalar(p.key) && p.key.value === key);
}

function commentBefore(map: unknown, key: string, text: string | string[], space = true): void {
  const pair = pairOf(map, key);
  if (!pair?.key) return;
  pair.key.commentBefore = Array.isArray(text) ? text.join('\n') : text;
  pair.key.spaceBefore = space;
}

function flowLists(node: unknown, keys: readonly string[]): void {
  if (isSeq(node)) for (const item of node.items) flowLists(item, keys);
  if (isMap(node)) {
    for (const pair of (node as YAMLMap<Node, Node>).items) {
      if (isScalar(pair.key) && keys.includes(String(pair.key.value)) && isSeq(pair.value)) pair.value.flow = true;
      else flowLists(pair.value, keys);
    }
  }
}

function commentPerson(personNode: unknown, lang: Lang): void {
  const id = pairOf(personNode, 'id')?.value;
  const type = pairOf(id, 'type');
  if (type && isScalar(type.value) && type.value.value === 'passport') type.value.comment = C.passport[lang];
}

export interface ManifestYamlOptions {
  lang: Lang;
  /** `$schema` reference for the modeline, relative to the manifest or a URL. */
  schemaRef: string;
  /** The file name as the user will type it, for the "check it" line. */
  fileLabel: string;
}

export function manifestYaml(manifest: ManifestObject, o: ManifestYamlOptions): string {
  const { lang } = o;
  const doc = new Document(manifest, { aliasDuplicateObjects: false });
  doc.commentBefore = [` yaml-language-server: $schema=${o.schemaRef}`, ...C.header[lang](o.fileLabel)].join('\n');
  const root = doc.contents;

  const p = provinceBySlug(String(manifest.province));
  if (p) commentBefore(root, 'province', C.province[lang](`${p.short}, ${p.zh}, ${p.code}, ${p.letters}`));
  commentBefore(root, 'filing', C.filing[lang], false);

  commentBefore(root, 'entity', C.entity[lang]);
  const entity = pairOf(root, 'entity')?.value;
  const individual = (manifest.entity as { type?: string }).type === 'individual';
  commentBefore(entity, 'certificate', individual ? C.certificateIndividual[lang] : C.certificate[lang], false);
  commentBefore(entity, 'legalRepresentative', C.legalRepresentative[lang], false);
  commentBefore(entity, 'principal', C.principal[lang], false);
  commentPerson(pairOf(entity, 'principal')?.value, lang);

  commentBefore(root, 'websites', C.websites[lang]);
  const websites = pairOf(root, 'websites')?.value;
  if (isSeq(websites)) for (const w of websites.items) commentPerson(pairOf(w, 'admin')?.value, lang);
  commentBefore(root, 'instances', C.instances[lang]);
  commentBefore(root, 'domains', C.domains[lang]);
  commentBefore(root, 'documents', C.documents[lang]);

  flowLists(root, ['domains', 'content', 'instances']);
  // The top-level `instances` is a list of objects and stays in block style.
  const topInstances = pairOf(root, 'instances')?.value;
  if (isSeq(topInstances)) topInstances.flow = false;

  doc.comment = C.trailer[lang].join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
