// Upload requirements of every image the filing refers to (`materials: Requirements for material
// uploading`, `reuse` scenarios 1 and 3), judged from the facts gathered from `stat` and header bytes,
// with the figures of `regulations/images.yaml`; and the dates of `documents[]`.
import path from 'node:path';
import type { RawFinding } from '../model.js';
import type { ImageFacts } from '../facts/types.js';
import { DANGLING_LINK, imageReferences, TRUNCATED, type ImageReference } from '../facts/images.js';
import { loadImageSpecs } from '../regulations/image-specs.js';
import { defineRule, type CheckContext, type CodeRule } from './types.js';

const UPLOADS = 'materials: Requirements for material uploading';
const MB = 1024 * 1024;

interface Inspected {
  ref: ImageReference;
  facts: ImageFacts;
}

/** Every reference with its facts; references fact gathering did not inspect are left out. */
function inspected(ctx: CheckContext): Inspected[] {
  return imageReferences(ctx.filing.manifest).flatMap((ref) => {
    const facts = ctx.facts.images.get(ref.path);
    return facts ? [{ ref, facts }] : [];
  });
}

/** Regular, non-empty files: the ones whose content can be judged. */
function readable(ctx: CheckContext): Inspected[] {
  return inspected(ctx).filter((i) => i.facts.entry === 'file' && (i.facts.size ?? 0) > 0);
}

const args = (i: Inspected) => ({ file: i.ref.written, role: { name: 'documentKind' as const, value: i.ref.role } });
const typeName = (t: string | undefined) => (t ? t.toUpperCase() : 'unknown');
const megabytes = (n: number) => (n / MB).toFixed(2);

export const imageReadable = defineRule({
  id: 'image/readable',
  source: UPLOADS,
  title: { en: 'Every referenced file exists and is a readable file', zh: '引用的文件均存在且可读取' },
  explain: {
    en: "Each image path in the manifest (relative to the manifest's folder) must name a regular, readable, non-empty file. Folders, pipes, sockets and devices are reported without being opened.",
    zh: '备案资料文件中的每个图片路径（相对于备案资料文件所在文件夹）都必须指向可读取的非空普通文件。文件夹、管道、套接字和设备文件不会被打开，而是直接报告。',
  },
  messages: {
    pass: { message: { en: '{file} ({role}) is a readable file.', zh: '{file}（{role}）可以读取。' } },
    missing: {
      message: { en: '{file} ({role}) does not exist.', zh: '{file}（{role}）不存在。' },
      fix: { en: "Put the file there or correct the path (relative to the manifest's folder).", zh: '请放置该文件或更正路径（相对于备案资料文件所在文件夹）。' },
    },
    'dangling-link': {
      message: { en: '{file} ({role}) is a symbolic link to a file that does not exist.', zh: '{file}（{role}）是指向不存在文件的符号链接。' },
      fix: { en: 'Point the link at the image, or name the image itself.', zh: '请让链接指向图片，或直接填写图片路径。' },
    },
    directory: {
      message: { en: '{file} ({role}) is a folder, not a file.', zh: '{file}（{role}）是文件夹，不是文件。' },
      fix: { en: 'Name the image file inside it.', zh: '请填写其中的图片文件。' },
    },
    fifo: {
      message: { en: '{file} ({role}) is a named pipe, not a file.', zh: '{file}（{role}）是命名管道，不是文件。' },
      fix: { en: 'Name a regular image file.', zh: '请填写普通图片文件。' },
    },
    socket: {
      message: { en: '{file} ({role}) is a socket, not a file.', zh: '{file}（{role}）是套接字，不是文件。' },
      fix: { en: 'Name a regular image file.', zh: '请填写普通图片文件。' },
    },
    device: {
      message: { en: '{file} ({role}) is a device, not a file.', zh: '{file}（{role}）是设备文件，不是普通文件。' },
      fix: { en: 'Name a regular image file.', zh: '请填写普通图片文件。' },
    },
    other: {
      message: { en: '{file} ({role}) is not a regular file.', zh: '{file}（{role}）不是普通文件。' },
      fix: { en: 'Name a regular image file.', zh: '请填写普通图片文件。' },
    },
    'symlink-loop': {
      message: { en: '{file} ({role}) is a loop of symbolic links.', zh: '{file}（{role}）是循环的符号链接。' },
      fix: { en: 'Point the link at the image itself.', zh: '请让链接直接指向图片文件。' },
    },
    unreadable: {
      message: { en: '{file} ({role}) cannot be read: {error}.', zh: '{file}（{role}）无法读取：{error}。' },
      fix: { en: "Check the file's permissions.", zh: '请检查文件权限。' },
    },
    empty: {
      message: { en: '{file} ({role}) is empty (0 bytes).', zh: '{file}（{role}）是空文件（0 字节）。' },
      fix: { en: 'Save the image again.', zh: '请重新保存该图片。' },
    },
  },
  check(ctx) {
    return inspected(ctx).map((i): RawFinding => {
      const { entry } = i.facts;
      if (entry !== 'file') {
        const key = entry === 'missing' && i.facts.error === DANGLING_LINK ? 'dangling-link' : entry;
        return { rule: 'image/readable', status: 'fail', path: i.ref.path, key, args: Object.assign(args(i), { error: i.facts.error ?? entry }) };
      }
      if ((i.facts.size ?? 0) === 0) return { rule: 'image/readable', status: 'fail', path: i.ref.path, key: 'empty', args: args(i) };
      return { rule: 'image/readable', status: 'pass', path: i.ref.path, args: args(i) };
    });
  },
});

export const imageFormat = defineRule({
  id: 'image/format',
  source: UPLOADS,
  quote: 'You can upload images in the JPG, JPEG, PNG, or GIF format.',
  title: { en: 'Images are JPG, PNG or GIF', zh: '图片为 JPG、PNG 或 GIF 格式' },
  explain: {
    en: "The filing system accepts JPG/JPEG, PNG and GIF images. The type is read from the file's content, not its name, so a PDF or a HEIC photo renamed .jpg is caught. Documents listed under `documents[]` are uploaded as images too.",
    zh: '备案系统接受 JPG/JPEG、PNG 和 GIF 图片。格式根据文件内容而非文件名判断，因此改名为 .jpg 的 PDF 或 HEIC 照片也会被发现。`documents[]` 中的材料同样以图片上传。',
  },
  messages: {
    pass: { message: { en: '{file} is a {actual} image.', zh: '{file} 是 {actual} 图片。' } },
    'wrong-type': {
      message: {
        en: '{file} ({role}) is really a {actual} file; only JPG, PNG and GIF images are accepted.',
        zh: '{file}（{role}）实际是 {actual} 文件；仅接受 JPG、PNG 和 GIF 图片。',
      },
      fix: { en: 'Export or photograph it as a JPG (or PNG) image.', zh: '请将其导出或拍摄为 JPG（或 PNG）图片。' },
    },
    'not-an-image': {
      message: { en: '{file} ({role}) is not an image of any known type.', zh: '{file}（{role}）不是任何已知格式的图片。' },
      fix: { en: 'Save it as a JPG (or PNG) image.', zh: '请保存为 JPG（或 PNG）图片。' },
    },
  },
  check(ctx) {
    const { uploads } = loadImageSpecs();
    return readable(ctx).map((i): RawFinding => {
      const t = i.facts.type;
      const a = Object.assign(args(i), { actual: typeName(t) });
      if (!t) return { rule: 'image/format', status: 'fail', path: i.ref.path, key: 'not-an-image', args: a };
      if (!uploads.types.includes(t)) return { rule: 'image/format', status: 'fail', path: i.ref.path, key: 'wrong-type', args: a };
      return { rule: 'image/format', status: 'pass', path: i.ref.path, args: a };
    });
  },
});

export const imageExtension = defineRule({
  id: 'image/extension-matches-content',
  source: UPLOADS,
  title: { en: "The file name's extension agrees with its content", zh: '文件扩展名与内容一致' },
  explain: {
    en: 'An extension that disagrees with the content (a PDF named .jpg, a PNG named .jpg) is rejected by upload forms or shows as a broken image to the reviewer.',
    zh: '扩展名与内容不符（如名为 .jpg 的 PDF、名为 .jpg 的 PNG）时，上传可能被拒绝，或审核人员看到的是损坏的图片。',
  },
  messages: {
    pass: { message: { en: 'The extension of {file} agrees with its {actual} content.', zh: '{file} 的扩展名与其 {actual} 内容一致。' } },
    fail: {
      message: { en: '{file} is named .{ext} but is really a {actual} file.', zh: '{file} 的扩展名为 .{ext}，但实际是 {actual} 文件。' },
      fix: { en: 'Convert it to the type its name says, or rename it to .{expected}.', zh: '请转换为文件名所示的格式，或改名为 .{expected}。' },
    },
    'no-extension': {
      message: { en: '{file} has no extension; its content is {actual}.', zh: '{file} 没有扩展名；其内容为 {actual}。' },
      fix: { en: 'Name it with the .{expected} extension so upload forms accept it.', zh: '请加上 .{expected} 扩展名，以便上传。' },
    },
  },
  check(ctx) {
    const { uploads } = loadImageSpecs();
    const imageExts = new Set(Object.values(uploads.extensions).flat());
    return readable(ctx).flatMap((i): RawFinding[] => {
      const t = i.facts.type;
      if (!t) return [];
      const ext = path.extname(i.ref.written).slice(1).toLowerCase();
      const accepted = uploads.extensions[t];
      const a = Object.assign(args(i), { ext, actual: typeName(t), expected: accepted?.[0] ?? t });
      if (ext === '') return [{ rule: 'image/extension-matches-content', status: 'warn', path: i.ref.path, key: 'no-extension', args: a }];
      const agrees = accepted ? accepted.includes(ext) : !imageExts.has(ext);
      // A non-image named as such (report.pdf) is the format rule's business alone.
      if (!accepted && agrees) return [];
      return [{ rule: 'image/extension-matches-content', status: agrees ? 'pass' : 'fail', path: i.ref.path, args: a }];
    });
  },
});

export const imageFileSize = defineRule({
  id: 'image/file-size',
  source: UPLOADS,
  quote: 'The size of each image must be smaller than 4 MB.',
  title: { en: 'Each image is smaller than 4 MB', zh: '每张图片小于 4 MB' },
  explain: {
    en: 'Every upload must be smaller than 4 MB (4 × 1024 × 1024 = 4,194,304 bytes; a file of exactly that size is not smaller). Re-save large photos at a lower quality or resolution.',
    zh: '每个上传文件须小于 4 MB（4 × 1024 × 1024 = 4,194,304 字节；恰好等于该大小也不符合）。较大的照片请降低质量或分辨率后重新保存。',
  },
  messages: {
    pass: { message: { en: '{file} is {mb} MB ({size} {size|byte|bytes}), under {maxMb} MB.', zh: '{file} 为 {mb} MB（{size} 字节），小于 {maxMb} MB。' } },
    fail: {
      message: {
        en: '{file} ({role}) is {mb} MB ({size} {size|byte|bytes}); each image must be smaller than {maxMb} MB ({max} {max|byte|bytes}).',
        zh: '{file}（{role}）为 {mb} MB（{size} 字节）；每张图片须小于 {maxMb} MB（{max} 字节）。',
      },
      fix: { en: 'Re-save it at a lower JPG quality or resolution.', zh: '请降低 JPG 质量或分辨率后重新保存。' },
    },
  },
  check(ctx) {
    const { uploads } = loadImageSpecs();
    return readable(ctx).map((i): RawFinding => {
      const size = i.facts.size ?? 0;
      const a = Object.assign(args(i), { size, mb: megabytes(size), max: uploads.maxBytes, maxMb: megabytes(uploads.maxBytes).replace(/\.00$/, '') });
      return { rule: 'image/file-size', status: size < uploads.maxBytes ? 'pass' : 'fail', path: i.ref.path, args: a };
    });
  },
});

export const certificateImage = defineRule({
  id: 'image/entity-certificate',
  source: 'reuse: Material reuse scenarios (scenario 1 and 3)',
  quote: 'Upload a photo of the original entity certificate. The image must be in JPG or PNG format and larger than 200 KB.',
  title: { en: 'The entity certificate image is JPG or PNG and larger than 200 KB', zh: '主体证件图片为 JPG 或 PNG 且大于 200 KB' },
  explain: {
    en: 'For an organisation (business licence and the like) the certificate photo must be JPG or PNG, larger than 200 KB (204,800 bytes) and, like every upload, smaller than 4 MB. A small file usually means a screenshot or a heavily compressed copy; photograph the original.',
    zh: '单位主体（营业执照等）的证件照片须为 JPG 或 PNG 格式，大于 200 KB（204,800 字节），且与其他上传文件一样小于 4 MB。文件过小通常是截图或过度压缩的副本，请拍摄原件。',
  },
  messages: {
    pass: { message: { en: 'The certificate image {file} is {actual}, {kb} KB.', zh: '证件图片 {file} 为 {actual}，{kb} KB。' } },
    type: {
      message: { en: 'The certificate image {file} is {actual}; it must be JPG or PNG.', zh: '证件图片 {file} 为 {actual} 格式，须为 JPG 或 PNG。' },
      fix: { en: 'Photograph the original certificate and save it as JPG.', zh: '请拍摄证件原件并保存为 JPG。' },
    },
    'too-small': {
      message: {
        en: 'The certificate image {file} is {kb} KB ({size} {size|byte|bytes}); it must be larger than {minKb} KB.',
        zh: '证件图片 {file} 为 {kb} KB（{size} 字节），须大于 {minKb} KB。',
      },
      fix: { en: 'Photograph the original certificate at a higher resolution (not a screenshot).', zh: '请以更高分辨率拍摄证件原件（不要使用截图）。' },
    },
  },
  check(ctx) {
    const { certificate } = loadImageSpecs();
    if (!certificate.entityTypes.includes(ctx.filing.manifest.entity.type)) return [];
    return readable(ctx)
      .filter((i) => i.ref.path === 'entity.certificate.image')
      .flatMap((i): RawFinding[] => {
        const size = i.facts.size ?? 0;
        const a = Object.assign(args(i), { actual: typeName(i.facts.type), size, kb: (size / 1024).toFixed(1), minKb: certificate.minBytesExclusive / 1024 });
        const out: RawFinding[] = [];
        if (!i.facts.type || !certificate.types.includes(i.facts.type)) out.push({ rule: 'image/entity-certificate', status: 'fail', path: i.ref.path, key: 'type', args: a });
        if (size <= certificate.minBytesExclusive) out.push({ rule: 'image/entity-certificate', status: 'fail', path: i.ref.path, key: 'too-small', args: a });
        return out.length > 0 ? out : [{ rule: 'image/entity-certificate', status: 'pass', path: i.ref.path, args: a }];
      });
  },
});

export const imageIntact = defineRule({
  id: 'image/intact',
  source: UPLOADS,
  quote: 'To make sure that your ICP filing application can be approved, you must upload clear, complete, and valid images.',
  title: { en: 'Images are complete, not truncated or corrupt', zh: '图片完整，未截断或损坏' },
  explain: {
    en: "The header must parse and the file must end with its format's end marker (JPEG EOI, PNG IEND, GIF trailer). A copy interrupted halfway shows as a half-grey image and is rejected. Only the header and the last few KB are read.",
    zh: '图片头须能解析，且文件须以其格式的结束标记结尾（JPEG 的 `EOI`、PNG 的 `IEND`、GIF 的结束符）。复制中断的文件会显示为半张灰图而被驳回。检查只读取文件头和末尾几 KB。',
  },
  messages: {
    pass: { message: { en: '{file} is a complete {actual} image of {width}x{height}.', zh: '{file} 是完整的 {actual} 图片，{width}×{height}。' } },
    truncated: {
      message: { en: '{file} ({role}) is truncated: the file ends before the image does.', zh: '{file}（{role}）不完整：文件在图片结束前就截断了。' },
      fix: { en: 'Copy or export the image again and check that it opens completely.', zh: '请重新复制或导出该图片，并确认能完整打开。' },
    },
    fail: {
      message: { en: '{file} ({role}) is damaged: its header cannot be read ({error}).', zh: '{file}（{role}）已损坏：无法读取图片头（{error}）。' },
      fix: { en: 'Copy or export the image again and check that it opens completely.', zh: '请重新复制或导出该图片，并确认能完整打开。' },
    },
    'no-pixels': {
      message: {
        en: '{file} ({role}) is an image of {width}x{height} pixels: there is nothing to see.',
        zh: '{file}（{role}）的尺寸为 {width}×{height} 像素，图片中没有任何内容。',
      },
      fix: { en: 'Photograph or scan the document again and save the image as it is.', zh: '请重新拍摄或扫描该证件，并原样保存图片。' },
    },
    unknown: {
      message: { en: 'The dimensions of {file} could not be read: {error}.', zh: '无法读取 {file} 的尺寸：{error}。' },
      fix: { en: 'Open the image to check it, or re-save it without large embedded metadata.', zh: '请打开图片检查，或去除大体积内嵌元数据后重新保存。' },
    },
  },
  check(ctx) {
    return readable(ctx).flatMap((i): RawFinding[] => {
      const f = i.facts;
      const a = Object.assign(args(i), { actual: typeName(f.type), width: f.width, height: f.height, error: f.error ?? '' });
      if (f.corrupt) return [{ rule: 'image/intact', status: 'fail', path: i.ref.path, key: f.error === TRUNCATED ? 'truncated' : 'fail', args: a }];
      if (f.width === undefined || f.height === undefined) {
        return f.type && ['jpg', 'png', 'gif'].includes(f.type) ? [{ rule: 'image/intact', status: 'unknown', path: i.ref.path, args: a }] : [];
      }
      // A header that declares no pixels at all is not an image of anything.
      if (f.width === 0 || f.height === 0) return [{ rule: 'image/intact', status: 'fail', path: i.ref.path, key: 'no-pixels', args: a }];
      return [{ rule: 'image/intact', status: 'pass', path: i.ref.path, args: a }];
    });
  },
});

/** The people whose identity document may have front and back images, by manifest path. */
function idHolders(ctx: CheckContext): Array<{ at: string; name: string }> {
  const m = ctx.filing.manifest;
  const holders = [{ at: 'entity.principal', name: m.entity.principal.name }];
  if (m.entity.legalRepresentative) holders.push({ at: 'entity.legalRepresentative', name: m.entity.legalRepresentative.name });
  m.websites.forEach((w, i) => {
    if (w.admin && typeof w.admin === 'object') holders.push({ at: `websites[${i}].admin`, name: w.admin.name });
  });
  return holders;
}

export const frontBackRatio = defineRule({
  id: 'image/front-back-ratio',
  source: UPLOADS,
  quote: "The ratio between the photos for the front and back of the entity leader's identity document must be 1:1.",
  title: { en: 'The front and back of an identity document are photographed at 1:1', zh: '证件人像面与国徽面照片比例为 1:1' },
  explain: {
    en: 'The front and back photos of one identity document must match: the same aspect ratio (width / height, within 5%) fails otherwise, and a comparable size (widths within 25% of each other) warns otherwise. Take both photos in the same light, at the same distance and position. Tolerances are in regulations/images.yaml.',
    zh: '同一证件的人像面与国徽面照片须一致：宽高比须相同（相差不超过 5%，否则不通过），尺寸须相近（宽度相差不超过 25%，否则警告）。请在相同光线、相同距离和位置拍摄两面。容差见 regulations/images.yaml。',
  },
  messages: {
    pass: { message: { en: "The front ({front}) and back ({back}) of {holder}'s identity document match.", zh: '{holder} 证件人像面（{front}）与国徽面（{back}）比例一致。' } },
    aspect: {
      message: {
        en: "The front ({front}, ratio {frontRatio}) and back ({back}, ratio {backRatio}) of {holder}'s identity document have different proportions; they must be 1:1.",
        zh: '{holder} 证件人像面（{front}，宽高比 {frontRatio}）与国徽面（{back}，宽高比 {backRatio}）比例不同，须为 1:1。',
      },
      fix: { en: 'Photograph or crop both sides the same way, at the same size.', zh: '请以相同方式拍摄或裁剪两面，保持相同尺寸。' },
    },
    size: {
      message: {
        en: "The front ({front}) and back ({back}) of {holder}'s identity document differ in size by {percent}%.",
        zh: '{holder} 证件人像面（{front}）与国徽面（{back}）尺寸相差 {percent}%。',
      },
      fix: { en: 'Take both photos at the same distance, or resize one to match the other.', zh: '请在相同距离拍摄两面，或将其中一张缩放至相同尺寸。' },
    },
  },
  check(ctx) {
    const { frontBack } = loadImageSpecs();
    const out: RawFinding[] = [];
    for (const { at: holderPath, name } of idHolders(ctx)) {
      const front = ctx.facts.images.get(`${holderPath}.id.front`);
      const back = ctx.facts.images.get(`${holderPath}.id.back`);
      if (!front?.width || !front.height || !back?.width || !back.height) continue;
      const fr = front.width / front.height;
      const br = back.width / back.height;
      const a = {
        holder: name,
        front: `${front.width}x${front.height}`,
        back: `${back.width}x${back.height}`,
        frontRatio: fr.toFixed(3),
        backRatio: br.toFixed(3),
        percent: Math.round((Math.abs(front.width - back.width) / Math.max(front.width, back.width)) * 100),
      };
      const at = `${holderPath}.id`;
      if (Math.abs(fr - br) / Math.max(fr, br) > frontBack.aspectTolerance) out.push({ rule: 'image/front-back-ratio', status: 'fail', path: at, key: 'aspect', args: a });
      else if (Math.abs(front.width - back.width) / Math.max(front.width, back.width) > frontBack.sizeTolerance)
        out.push({ rule: 'image/front-back-ratio', status: 'warn', path: at, key: 'size', args: a });
      else out.push({ rule: 'image/front-back-ratio', status: 'pass', path: at, args: a });
    }
    return out;
  },
});

export const smallDimensions = defineRule({
  id: 'image/small-dimensions',
  source: UPLOADS,
  quote: 'To make sure that your ICP filing application can be approved, you must upload clear, complete, and valid images.',
  title: { en: 'Images are large enough to read (heuristic)', zh: '图片尺寸足以看清（经验判断）' },
  explain: {
    en: 'A heuristic, not a published limit: an image whose shorter side is under 400 pixels is probably too small for the reviewer to read the text on it. The sources set no minimum; this is a warning only.',
    zh: '经验判断，并非公开规定：短边小于 400 像素的图片，审核人员可能无法看清其中文字。来源文件未规定最小尺寸，此项仅为警告。',
  },
  messages: {
    warn: {
      message: {
        en: '{file} ({role}) is only {width}x{height} {height|pixel|pixels}; by a rule of thumb (not a published limit) under {min} {min|pixel|pixels} on the shorter side may be unreadable.',
        zh: '{file}（{role}）仅 {width}×{height} 像素；按经验（非公开规定），短边小于 {min} 像素可能看不清。',
      },
      fix: { en: 'Use a larger, clearer photo if the text is hard to read.', zh: '如文字难以辨认，请使用更大、更清晰的照片。' },
    },
  },
  check(ctx) {
    const { smallDimensions: spec } = loadImageSpecs();
    return readable(ctx).flatMap((i): RawFinding[] => {
      const { width, height } = i.facts;
      if (!width || !height || Math.min(width, height) >= spec.minShortSidePx) return [];
      return [{ rule: 'image/small-dimensions', status: 'warn', path: i.ref.path, args: Object.assign(args(i), { width, height, min: spec.minShortSidePx }) }];
    });
  },
});

export const outsideManifestDir = defineRule({
  id: 'image/outside-manifest-folder',
  source: "icp-check README: paths to files are relative to the manifest's own folder",
  title: { en: "Referenced files lie inside the manifest's folder", zh: '引用的文件位于备案资料文件所在文件夹内' },
  explain: {
    en: "A path that leads out of the manifest's folder (../, an absolute path, or a symbolic link pointing elsewhere) is allowed, but the filing folder is then not self-contained: copying it elsewhere breaks the reference.",
    zh: '指向备案资料文件所在文件夹之外的路径（../、绝对路径或指向别处的符号链接）是允许的，但备案文件夹将不再自包含：复制到别处时引用会失效。',
  },
  messages: {
    info: { message: { en: "{file} ({role}) lies outside the manifest's folder.", zh: '{file}（{role}）位于备案资料文件所在文件夹之外。' } },
  },
  check(ctx) {
    return inspected(ctx).flatMap((i): RawFinding[] =>
      i.facts.outsideManifestDir ? [{ rule: 'image/outside-manifest-folder', status: 'info', path: i.ref.path, args: args(i) }] : [],
    );
  },
});

export const issuedInFuture = defineRule({
  id: 'document/issued-in-future',
  source: 'materials: Requirements for material uploading',
  quote: 'Make sure that the uploaded certificates are valid.',
  title: { en: 'Documents are not dated in the future', zh: '材料的签发日期不晚于今天' },
  explain: {
    en: 'A document whose `issued` date lies after the check date (--date, China Standard Time) cannot be valid yet; usually the date is mistyped.',
    zh: '`issued` 日期晚于检查日期（--date，北京时间）的材料尚未生效，通常是日期填写错误。',
  },
  messages: {
    pass: { message: { en: 'The {kind} was issued on {issued}.', zh: '{kind} 签发于 {issued}。' } },
    fail: {
      message: { en: 'The {kind} is dated {issued}, after today ({today}).', zh: '{kind} 的日期为 {issued}，晚于今天（{today}）。' },
      fix: { en: 'Correct `issued`, or sign and date the document again.', zh: '请更正 `issued`，或重新签署并注明日期。' },
    },
  },
  check(ctx) {
    const today = ctx.options.date;
    return ctx.filing.manifest.documents.flatMap((d, k): RawFinding[] => {
      if (!d.issued) return [];
      const a = { kind: { name: 'documentKind' as const, value: d.kind }, issued: d.issued, today };
      return [{ rule: 'document/issued-in-future', status: d.issued > today ? 'fail' : 'pass', path: `documents[${k}].issued`, args: a }];
    });
  },
});

export const imageRules: CodeRule[] = [
  imageReadable,
  imageFormat,
  imageExtension,
  imageFileSize,
  certificateImage,
  imageIntact,
  frontBackRatio,
  smallDimensions,
  outsideManifestDir,
  issuedInFuture,
];
