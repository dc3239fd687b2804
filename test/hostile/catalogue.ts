// The catalogue of hostile inputs: each case names its input, how it is made (a committed fixture
// under fixtures/<name>/, or files made at run time when they are large, special or unsafe to
// commit), and the finding the user must see. README.md's table is generated from this list.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  lstatSync,
  statSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  writeSync,
  chmodSync,
} from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { deflateSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Status } from '../../src/model.js';
import { shardOf } from '../../src/check/inputs.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const IMAGES = path.join(import.meta.dirname, '..', 'fixtures', 'images');
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

export interface Expected {
  exit: 0 | 1 | 2;
  rule: string;
  status: Status;
  /** A part of the English message. */
  message: string;
}

export interface HostileCase {
  name: string;
  /** What the input is, for the README. */
  input: string;
  /** `fixture`: committed under fixtures/<name>/; `generated`: made by `setup` at run time. */
  origin: 'fixture' | 'generated';
  /** Makes run-time files in the case's folder (a temporary copy); returns the manifest path if not `manifest.yaml`. */
  // biome-ignore lint/suspicious/noConfusingVoidType: setups that write files return nothing
  setup?: (dir: string) => string | void;
  expect: Expected;
  /** Why the case cannot run here (it is then reported as skipped, never as passed). */
  skip?: string;
  /** Cases about the command rather than one manifest run through the built bin (`cli-inputs.test.ts`). */
  bin?: BinCase;
}

/** A run of the built bin in the case's folder (its working folder). */
export interface BinCase {
  /** Arguments after the bin; `url` is the case's loopback server, when it has one. */
  args: (dir: string, url: string) => string[];
  /** The command line is run by bash inside this (`$ICP` stands for the bin), e.g. `ulimit -n 64; $ICP`. */
  shell?: string;
  env?: (dir: string) => NodeJS.ProcessEnv;
  /** A loopback HTTP server for the run. */
  server?: (req: IncomingMessage, res: ServerResponse) => void;
  /** As an unprivileged user (uid 65534), so that file modes count even when the tests run as root. */
  unprivileged?: boolean;
  /** Only root can make the input (a device): skipped, and said so, otherwise. */
  needsRoot?: boolean;
  /** The expected message is looked for in this file of the case folder instead of stdout and stderr. */
  messageIn?: string;
  /** What the README's "finding" column says when it is not a rule (a usage error, a note on stderr). */
  shows?: string;
  /** More checks of the result and of the folder afterwards. */
  after?: (dir: string, result: { code: number | null; stdout: string; stderr: string }) => void;
}

const mkfifo = (file: string): void => void execFileSync('mkfifo', [file]);
const NOT_AS_ROOT = 'root reads any file whatever its mode, so permission denied cannot be produced; run as a normal user to cover it';

/** A manifest of the minimal valid filing used by the image cases, `front` pointing where asked. */
export function personManifest(front: string): string {
  return readFileSync(path.join(FIXTURES, 'image-empty', 'manifest.yaml'), 'utf8').replace('docs/empty.jpg', front);
}

/** A PNG whose header says 0 by 0 pixels, complete with IDAT and IEND (CRCs right). */
export function zeroPixelPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(0, 0);
  ihdr.writeUInt32BE(0, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(0))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `count` copies of the minimal manifest (`m0.yaml` …) in `folder`, with the images they name. */
export function manyManifests(folder: string, count: number): void {
  mkdirSync(path.join(folder, 'docs'), { recursive: true });
  for (const f of ['id-front.jpg', 'id-back.jpg']) copyFileSync(path.join(IMAGES, f), path.join(folder, 'docs', f));
  const text = personManifest('docs/id-front.jpg');
  for (let i = 0; i < count; i++) writeFileSync(path.join(folder, `m${i}.yaml`), text);
}

/** A manifest of `shards/` (see the case) that `--shard 1/2` does not check. */
function otherShardFile(): string {
  for (let i = 0; i < 8; i++) if (shardOf(`shards/m${i}.yaml`, 2) === 2) return `shards/m${i}.yaml`;
  throw new Error('no file of shard 2 among shards/m0..m7.yaml');
}

/** After the run, the manifest is still the manifest, not a report. */
const unchangedManifest = (file: string) => (dir: string) => expect(readFileSync(path.join(dir, file), 'utf8')).toBe(personManifest('docs/id-front.jpg'));

/** The filing was read and checked as usual (it is blocked only by what the minimal manifest lacks, such as an instance). */
const READ: Expected = { exit: 1, rule: 'person/id-number', status: 'pass', message: 'resident identity card number is well formed (born 2000-01-01, Beijing)' };
const fail = (rule: string, message: string, exit: 0 | 1 | 2 = 2): Expected => ({ exit, rule, status: 'fail', message });

export const CATALOGUE: HostileCase[] = [
  // The manifest file itself.
  { name: 'empty-file', input: 'an empty file', origin: 'fixture', expect: fail('manifest/empty', 'The manifest is empty.') },
  { name: 'only-a-comment', input: 'a file with only a comment', origin: 'fixture', expect: fail('manifest/empty', 'The manifest is empty.') },
  {
    name: 'top-level-list',
    input: 'a YAML list at the top',
    origin: 'fixture',
    expect: fail('manifest/not-a-mapping', 'The top level of the manifest is a list; a mapping is expected.'),
  },
  {
    name: 'top-level-scalar',
    input: 'a plain string at the top',
    origin: 'fixture',
    expect: fail('manifest/not-a-mapping', 'The top level of the manifest is string; a mapping is expected.'),
  },
  {
    name: 'alias-bomb',
    input: 'a YAML alias bomb (9 levels of 9 aliases: 387 million nodes)',
    origin: 'fixture',
    expect: fail('manifest/aliases', 'Too many YAML alias expansions (limit 100)'),
  },
  { name: 'tab-indentation', input: 'tab indentation', origin: 'fixture', expect: fail('manifest/yaml-syntax', 'YAML error: Tabs are not allowed as indentation') },
  { name: 'byte-order-mark', input: 'a UTF-8 byte order mark', origin: 'fixture', expect: READ },
  { name: 'crlf-line-ends', input: 'CRLF line ends', origin: 'fixture', expect: READ },
  { name: 'gbk-encoded', input: 'GBK-encoded Chinese', origin: 'fixture', expect: fail('manifest/not-utf8', 'The manifest is not valid UTF-8 (perhaps GBK).') },
  { name: 'duplicate-keys', input: 'a duplicate key (`entity.name` twice)', origin: 'fixture', expect: fail('manifest/yaml-syntax', 'YAML error: Map keys must be unique') },
  {
    name: 'date-as-number',
    input: 'a date written as a number (`expires: 20350301`)',
    origin: 'fixture',
    expect: fail('manifest/schema', 'expected a date as YYYY-MM-DD, got number 20350301'),
  },
  { name: 'impossible-date', input: 'an impossible date (`2035-02-30`)', origin: 'fixture', expect: fail('manifest/schema', 'expected a real calendar date') },
  {
    name: 'negative-bandwidth',
    input: 'a negative bandwidth (`publicBandwidthMbps: -5`)',
    origin: 'fixture',
    expect: fail('manifest/schema', 'Too small: expected number to be >=0'),
  },
  { name: 'unquoted-18-digit-id', input: 'an 18-digit ID number without quotes (beyond 2^53)', origin: 'fixture', expect: READ },
  { name: 'misspelt-key', input: 'a misspelt key (`websties:`)', origin: 'fixture', expect: fail('manifest/unknown-key', 'Unknown key "websties"; did you mean "websites"?') },
  {
    name: 'wrong-type-websites',
    input: 'a string where a list belongs (`websites: my blog`)',
    origin: 'fixture',
    expect: fail('manifest/schema', 'expected array, got string "my blog"'),
  },
  { name: 'unclosed-quote', input: 'an unclosed quote', origin: 'fixture', expect: fail('manifest/yaml-syntax', 'YAML error: Missing closing "quote') },
  { name: 'unknown-province', input: 'an unknown province (`atlantis`)', origin: 'fixture', expect: fail('manifest/province', 'Unknown province "atlantis".') },
  { name: 'version-2', input: '`version: 2`', origin: 'fixture', expect: fail('manifest/schema', 'expected one of 1') },
  { name: 'null-entity', input: 'an empty `entity:`', origin: 'fixture', expect: fail('manifest/schema', 'expected object, got null') },
  {
    name: 'several-documents',
    input: 'two YAML documents in one file (`---`)',
    origin: 'fixture',
    expect: fail('manifest/yaml-syntax', 'YAML error: Source contains multiple documents'),
  },
  {
    name: 'nul-byte',
    input: 'a NUL character in a value',
    origin: 'fixture',
    expect: fail('entity/individual-name', 'The entity name "王小五" differs from the principal\'s name "王小五".', 1),
  },
  {
    name: 'custom-tags',
    input: 'a `!!js/function` tag (read as plain text, never run)',
    origin: 'fixture',
    expect: fail('entity/individual-name', 'The entity name "function () { return 1 }" differs', 1),
  },
  {
    name: 'control-characters-in-values',
    input: 'ANSI, OSC 8 and bidi characters in a name',
    origin: 'fixture',
    expect: fail('entity/individual-name', 'The entity name "王小五[2J]8;;http://evil.example点我]8;;" differs', 1),
  },
  { name: 'control-characters-in-keys', input: 'ANSI and C1 control characters in a key', origin: 'fixture', expect: fail('manifest/unknown-key', 'Unknown key "[31mred[0m2J".') },
  { name: 'hostile-domain', input: 'ANSI and bidi characters in a domain', origin: 'fixture', expect: fail('domain/syntax', 'wang[2Jxiaowu.cn', 1) },
  {
    name: 'deeply-nested-flow',
    input: 'a value nested 100,000 levels deep (`[[[…]]]`)',
    origin: 'generated',
    setup: (dir) => writeFileSync(path.join(dir, 'manifest.yaml'), `version: 1\nentity: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    expect: fail('manifest/yaml-syntax', 'YAML error: Maximum call stack size exceeded'),
  },
  {
    name: 'huge-string-value',
    input: 'a 900 KB name (under the 1 MiB cap)',
    origin: 'generated',
    setup: (dir) =>
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg').replace('name: 王小五\n  principal', `name: ${'王'.repeat(300_000)}\n  principal`)),
    expect: READ,
  },
  {
    name: '10-mb-manifest',
    input: 'a 10 MB manifest',
    origin: 'generated',
    setup: (dir) => writeFileSync(path.join(dir, 'manifest.yaml'), `${personManifest('docs/id-front.jpg')}${'# padding padding padding\n'.repeat(400_000)}`),
    expect: fail('manifest/too-large', 'The manifest is 10400', 2),
  },
  {
    name: 'manifest-one-byte-over-1-mib',
    input: 'a manifest of 1 MiB + 1 byte',
    origin: 'generated',
    setup: (dir) => {
      const text = personManifest('docs/id-front.jpg');
      writeFileSync(path.join(dir, 'manifest.yaml'), `${text + '#'.repeat(1024 * 1024 + 1 - Buffer.byteLength(text) - 1)}\n`);
    },
    expect: fail('manifest/too-large', 'The manifest is 1048577 bytes; the limit is 1048576 bytes.'),
  },
  {
    name: 'manifest-exactly-1-mib',
    input: 'a manifest of exactly 1 MiB',
    origin: 'generated',
    setup: (dir) => {
      const text = personManifest('docs/id-front.jpg');
      writeFileSync(path.join(dir, 'manifest.yaml'), `${text + '#'.repeat(1024 * 1024 - Buffer.byteLength(text) - 1)}\n`);
    },
    expect: READ,
  },
  {
    name: 'manifest-is-a-directory',
    input: 'a directory named as the manifest',
    origin: 'generated',
    setup: (dir) => {
      mkdirSync(path.join(dir, 'folder.yaml'));
      return 'folder.yaml';
    },
    expect: fail('manifest/unreadable', 'The manifest cannot be read: a directory.'),
  },
  {
    name: 'manifest-is-a-fifo',
    input: 'a FIFO named as the manifest (no writer: must not block)',
    origin: 'generated',
    setup: (dir) => {
      mkfifo(path.join(dir, 'pipe.yaml'));
      return 'pipe.yaml';
    },
    expect: fail('manifest/unreadable', 'The manifest cannot be read: not a regular file.'),
  },
  {
    name: 'manifest-is-dev-zero',
    input: 'a symbolic link to /dev/zero named as the manifest (endless)',
    origin: 'generated',
    setup: (dir) => {
      symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
      return 'zero.yaml';
    },
    expect: fail('manifest/unreadable', 'The manifest cannot be read: not a regular file.'),
  },
  {
    name: 'manifest-symlink-loop',
    input: 'a symbolic link loop named as the manifest',
    origin: 'generated',
    setup: (dir) => {
      symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
      symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
      return 'loop-a.yaml';
    },
    expect: fail('manifest/unreadable', 'The manifest cannot be read: a loop of symbolic links.'),
  },
  {
    name: 'manifest-permission-denied',
    input: 'a manifest without read permission',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'secret.yaml'), personManifest('docs/id-front.jpg'));
      chmodSync(path.join(dir, 'secret.yaml'), 0o000);
      return 'secret.yaml';
    },
    expect: fail('manifest/unreadable', 'The manifest cannot be read: permission denied.'),
    ...(IS_ROOT ? { skip: NOT_AS_ROOT } : {}),
  },

  // Files the manifest refers to.
  {
    name: 'image-is-a-directory',
    input: 'an image path that is a directory',
    origin: 'fixture',
    setup: (dir) => void mkdirSync(path.join(dir, 'docs', 'a-folder')),
    expect: fail('image/readable', 'docs/a-folder (Identity document, photo side) is a folder, not a file.', 1),
  },
  {
    name: 'image-is-a-fifo',
    input: 'an image path that is a FIFO (never opened)',
    origin: 'fixture',
    setup: (dir) => mkfifo(path.join(dir, 'docs', 'pipe.jpg')),
    expect: fail('image/readable', 'docs/pipe.jpg (Identity document, photo side) is a named pipe, not a file.', 1),
  },
  {
    name: 'image-is-dev-zero',
    input: 'an image that is a symbolic link to /dev/zero',
    origin: 'fixture',
    setup: (dir) => symlinkSync('/dev/zero', path.join(dir, 'docs', 'zero.jpg')),
    expect: fail('image/readable', 'docs/zero.jpg (Identity document, photo side) is a device, not a file.', 1),
  },
  {
    name: 'image-absolute-device',
    input: 'an image path `/dev/zero`',
    origin: 'fixture',
    expect: fail('image/readable', '/dev/zero (Identity document, photo side) is a device, not a file.', 1),
  },
  {
    name: 'image-symlink-loop',
    input: 'an image that is a symbolic link loop',
    origin: 'fixture',
    setup: (dir) => {
      symlinkSync('loop-b.jpg', path.join(dir, 'docs', 'loop-a.jpg'));
      symlinkSync('loop-a.jpg', path.join(dir, 'docs', 'loop-b.jpg'));
    },
    expect: fail('image/readable', 'docs/loop-a.jpg (Identity document, photo side) is a loop of symbolic links.', 1),
  },
  {
    name: 'image-dangling-symlink',
    input: 'an image that is a symbolic link to nothing',
    origin: 'fixture',
    setup: (dir) => symlinkSync('gone.jpg', path.join(dir, 'docs', 'dangling.jpg')),
    expect: fail('image/readable', 'docs/dangling.jpg (Identity document, photo side) is a symbolic link to a file that does not exist.', 1),
  },
  {
    name: 'image-permission-denied',
    input: 'an image without read permission',
    origin: 'fixture',
    setup: (dir) => {
      copyFileSync(path.join(IMAGES, 'id-front.jpg'), path.join(dir, 'docs', 'secret.jpg'));
      chmodSync(path.join(dir, 'docs', 'secret.jpg'), 0o000);
    },
    expect: fail('image/readable', 'docs/secret.jpg (Identity document, photo side) cannot be read: permission denied.', 1),
    ...(IS_ROOT ? { skip: NOT_AS_ROOT } : {}),
  },
  {
    name: 'image-outside-manifest-folder',
    input: 'an image path with `..` leading outside the manifest folder (allowed, reported)',
    origin: 'fixture',
    setup: (dir) => {
      mkdirSync(path.join(dir, '..', 'shared-docs'), { recursive: true });
      copyFileSync(path.join(IMAGES, 'id-front.jpg'), path.join(dir, '..', 'shared-docs', 'id-front.jpg'));
    },
    expect: {
      exit: 1,
      rule: 'image/outside-manifest-folder',
      status: 'info',
      message: "../shared-docs/id-front.jpg (Identity document, photo side) lies outside the manifest's folder.",
    },
  },
  {
    name: 'image-50-mb',
    input: 'a 50 MB image (a real JPEG header, sparse body)',
    origin: 'fixture',
    setup: (dir) => {
      const file = path.join(dir, 'docs', 'huge.jpg');
      const head = readFileSync(path.join(IMAGES, 'id-front.jpg'));
      const fd = openSync(file, 'w');
      writeSync(fd, head.subarray(0, head.length - 2));
      ftruncateSync(fd, 50 * 1024 * 1024);
      writeSync(fd, Buffer.from([0xff, 0xd9]), 0, 2, 50 * 1024 * 1024 - 2);
      closeSync(fd);
    },
    expect: fail('image/file-size', 'docs/huge.jpg (Identity document, photo side) is 50.00 MB (52428800 bytes); each image must be smaller than 4 MB', 1),
  },
  {
    name: 'image-name-with-newline-and-ansi',
    input: 'an image whose name holds a newline, ANSI clear-screen and an OSC 8 link',
    origin: 'fixture',
    setup: (dir) => copyFileSync(path.join(IMAGES, 'id-front.jpg'), path.join(dir, 'docs', 'evil\n\x1b[2J\x1b]8;;evil.example\x07.jpg')),
    expect: { exit: 1, rule: 'image/readable', status: 'pass', message: 'docs/evil [2J]8;;evil.example.jpg (Identity document, photo side) is a readable file.' },
  },
  {
    name: 'image-empty',
    input: 'an empty (0-byte) image',
    origin: 'fixture',
    setup: (dir) => writeFileSync(path.join(dir, 'docs', 'empty.jpg'), ''),
    expect: fail('image/readable', 'docs/empty.jpg (Identity document, photo side) is empty (0 bytes).', 1),
  },
  {
    name: 'image-pdf-named-jpg',
    input: 'a PDF named .jpg',
    origin: 'fixture',
    setup: (dir) => copyFileSync(path.join(IMAGES, 'document.pdf.jpg'), path.join(dir, 'docs', 'document.pdf.jpg')),
    expect: fail('image/format', 'docs/document.pdf.jpg (Identity document, photo side) is really a PDF file', 1),
  },
  {
    name: 'image-truncated',
    input: 'a JPEG cut off halfway',
    origin: 'fixture',
    setup: (dir) => copyFileSync(path.join(IMAGES, 'truncated.jpg'), path.join(dir, 'docs', 'truncated.jpg')),
    expect: fail('image/intact', 'docs/truncated.jpg (Identity document, photo side) is truncated', 1),
  },
  {
    name: 'image-nul-in-path',
    input: 'a NUL character in an image path',
    origin: 'fixture',
    expect: fail('image/readable', 'docs/ab.jpg (Identity document, photo side) cannot be read', 1),
  },
  { name: 'image-name-too-long', input: 'an image name of 300 characters', origin: 'fixture', expect: fail('image/readable', 'cannot be read: name too long.', 1) },
  {
    name: 'describe-instances-dev-zero',
    input: '`describeInstances: /dev/zero`',
    origin: 'fixture',
    expect: fail('instance/describe-instances-file', '/dev/zero', 1),
  },
  // Personal data: a mistyped number is reported without the character that would make it valid.
  {
    name: 'id-number-mistyped',
    input: 'an ID number with a wrong check digit (the report must not complete it)',
    origin: 'generated',
    setup: (dir) => writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg').replace('110105200001010024', '110105200001010025')),
    expect: fail('person/id-number', '王小五: 110105200001010025 has a wrong check character: the last character does not match the other 17.', 1),
  },
  {
    name: 'id-number-mistyped-x',
    input: 'an ID number whose check character should be X, typed as 0',
    origin: 'generated',
    setup: (dir) =>
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg').replace('110105200001010024', '440305199001011230').replace('beijing', 'guangdong')),
    expect: fail('person/id-number', '王小五: 440305199001011230 has a wrong check character: the last character does not match the other 17.', 1),
  },
  {
    name: 'credit-code-mistyped',
    input: 'a credit code with a wrong check character',
    origin: 'generated',
    setup: (dir) => copyFileSync(path.join(import.meta.dirname, '..', '..', 'examples', 'tianjin-enterprise-problems', 'manifest.yaml'), path.join(dir, 'manifest.yaml')),
    expect: fail('entity/certificate-number', 'Credit code 91120116MA06A00012: the check character does not match the other 17.', 1),
  },

  // Round two: classes closed by the bounded reader, the manifest limits and the sanitiser (in-process).
  {
    name: 'proto-key',
    input: 'a `__proto__:` key',
    origin: 'generated',
    setup: (dir) => writeFileSync(path.join(dir, 'manifest.yaml'), `${personManifest('docs/id-front.jpg')}__proto__:\n  polluted: true\n`),
    expect: fail('manifest/unknown-key', 'Unknown key "__proto__".'),
  },
  {
    name: 'proto-key-under-domains',
    input: 'a `__proto__:` key under `domains:` (whose keys are free)',
    origin: 'generated',
    setup: (dir) => writeFileSync(path.join(dir, 'manifest.yaml'), `${personManifest('docs/id-front.jpg')}domains:\n  __proto__:\n    holder: 王小五\n`),
    expect: fail('manifest/unknown-key', 'Unknown key "__proto__".'),
  },
  {
    name: 'cr-only-line-ends',
    input: 'CR-only line ends (classic Mac) after a first comment line',
    origin: 'generated',
    setup: (dir) => writeFileSync(path.join(dir, 'manifest.yaml'), `# filing\n${personManifest('docs/id-front.jpg')}`.replace(/\n/g, '\r')),
    expect: READ,
  },
  {
    name: 'infinity-as-date',
    input: '`.inf` where a date belongs',
    origin: 'generated',
    setup: (dir) => writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg').replace('expires: 2035-03-01', 'expires: .inf')),
    expect: fail('manifest/schema', 'got number Infinity'),
  },
  {
    name: 'yaml-1-1-directive',
    input: 'a `%YAML 1.1` directive (dates would become timestamps)',
    origin: 'generated',
    setup: (dir) => writeFileSync(path.join(dir, 'manifest.yaml'), `%YAML 1.1\n---\n${personManifest('docs/id-front.jpg')}`),
    expect: READ,
  },
  {
    name: 'zero-pixel-png-both-sides',
    input: 'a 0×0 PNG used as both sides of the ID card',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'docs', 'blank.png'), zeroPixelPng());
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/blank.png').replace('docs/id-back.jpg', 'docs/blank.png'));
    },
    expect: fail('image/intact', 'docs/blank.png (Identity document, photo side) is an image of 0x0 pixels', 1),
  },
  {
    name: 'many-keys-one-duplicate',
    input: 'a manifest of 80,000 keys with one duplicate at the end (once quadratic: minutes)',
    origin: 'generated',
    setup: (dir) => {
      const keys = Array.from({ length: 80_000 }, (_, i) => `  k${i.toString(36)}: 1\n`).join('');
      writeFileSync(path.join(dir, 'manifest.yaml'), `${personManifest('docs/id-front.jpg')}domains:\n${keys}  k0: 2\n`);
    },
    expect: fail('manifest/yaml-syntax', 'YAML error: Map keys must be unique'),
  },
  {
    name: 'ten-thousand-domains',
    input: '10,000 domains in one website (once a stack overflow in pretty and Markdown)',
    origin: 'generated',
    setup: (dir) => {
      const domains = Array.from({ length: 10_000 }, (_, i) => `d${i}.cn`).join(', ');
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg').replace('[wangxiaowu-blog.cn]', `[${domains}]`));
    },
    expect: fail('manifest/schema', 'at most 100 domains per website in one manifest'),
  },
  {
    name: 'too-many-websites',
    input: '500 websites in one manifest',
    origin: 'generated',
    setup: (dir) => {
      const site = '  - name: 博客\n    domains: [wangxiaowu-blog.cn]\n    content: [personal-blog]\n';
      writeFileSync(path.join(dir, 'manifest.yaml'), `${personManifest('docs/id-front.jpg')}${site.repeat(499)}`);
    },
    expect: fail('manifest/schema', 'at most 100 websites in one manifest'),
  },
  {
    name: 'thousands-of-unknown-keys',
    input: '20,000 unknown keys (at most 50 problems listed)',
    origin: 'generated',
    setup: (dir) => {
      const keys = Array.from({ length: 20_000 }, (_, i) => `  x${i}: 1\n`).join('');
      writeFileSync(path.join(dir, 'manifest.yaml'), `${personManifest('docs/id-front.jpg')}settings:\n${keys}`);
    },
    expect: fail('manifest/schema', '19950 more problems are not listed'),
  },
  {
    name: 'describe-instances-outside-folder',
    input: '`describeInstances` naming a file outside the manifest folder',
    origin: 'generated',
    setup: (dir) => {
      mkdirSync(path.join(dir, '..', 'elsewhere'), { recursive: true });
      writeFileSync(path.join(dir, '..', 'elsewhere', 'ecs.json'), '{"Instances": {"Instance": []}}');
      writeFileSync(path.join(dir, 'manifest.yaml'), `${personManifest('docs/id-front.jpg')}instances:\n  - describeInstances: ../elsewhere/ecs.json\n`);
    },
    expect: { exit: 1, rule: 'instance/describe-instances-file', status: 'info', message: "../elsewhere/ecs.json lies outside the manifest's folder" },
  },
  {
    name: 'describe-instances-private-text',
    input: '`describeInstances` naming a text file that is not JSON (its content is never shown)',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'secret.json'), 'root:SECRET-PASSWORD-HASH:0:0\n');
      writeFileSync(path.join(dir, 'manifest.yaml'), `${personManifest('docs/id-front.jpg')}instances:\n  - describeInstances: secret.json\n`);
    },
    expect: fail('instance/describe-instances-file', 'secret.json is not valid JSON: unexpected text', 1),
  },
  {
    name: 'c1-and-bidi-in-file-name',
    input: 'a manifest whose file name holds C1 (NEL, CSI) and bidi-override characters',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'evil\u0085\u009b31m\u202egpj.yaml'), personManifest('docs/id-front.jpg'));
      return 'evil\u0085\u009b31m\u202egpj.yaml';
    },
    expect: READ,
  },

  // Round two, through the built bin: the command's own inputs and outputs.
  {
    name: 'folder-of-600-at-fd-limit-256',
    input: 'a folder of 600 manifests under `ulimit -n 256` (once: hundreds skipped as "not manifests")',
    origin: 'generated',
    setup: (dir) => manyManifests(path.join(dir, 'many'), 600),
    bin: { args: () => ['many', '--offline', '--no-cache', '--date', '2026-11-26'], shell: 'ulimit -n 256; $ICP', shows: 'summary' },
    expect: { exit: 1, rule: 'summary', status: 'info', message: '600 filings: 0 ready, 0 ready with warnings, 600 blocked, 0 invalid' },
  },
  {
    name: 'unreadable-file-in-folder',
    input: 'a folder holding a manifest without read permission (run as an unprivileged user)',
    origin: 'generated',
    setup: (dir) => {
      manyManifests(path.join(dir, 'filings'), 2);
      chmodSync(path.join(dir, 'filings', 'm1.yaml'), 0o000);
    },
    bin: { args: () => ['filings', '--offline', '--no-cache', '--date', '2026-11-26'], unprivileged: true },
    expect: fail('manifest/unreadable', 'The manifest cannot be read: permission denied.'),
  },
  {
    name: 'unreadable-subfolder',
    input: 'a folder holding a subfolder without permission (run as an unprivileged user)',
    origin: 'generated',
    setup: (dir) => {
      manyManifests(path.join(dir, 'filings'), 1);
      manyManifests(path.join(dir, 'filings', 'private'), 1);
      chmodSync(path.join(dir, 'filings', 'private'), 0o000);
    },
    bin: {
      args: () => ['filings', '--offline', '--no-cache', '--date', '2026-11-26'],
      unprivileged: true,
      after: (_dir, r) => expect(r.stdout).toMatch(/filings\/private: /),
    },
    expect: fail('manifest/unreadable', 'The manifest cannot be read: permission denied.'),
  },
  {
    name: 'quiet-shows-skipped',
    input: '`-q` over a folder with a YAML file that is not a manifest',
    origin: 'generated',
    setup: (dir) => {
      manyManifests(path.join(dir, 'filings'), 1);
      writeFileSync(path.join(dir, 'filings', 'ci.yaml'), 'on: push\n');
    },
    bin: { args: () => ['filings', '-q', '--offline', '--no-cache', '--date', '2026-11-26'], shows: 'note on stderr' },
    expect: { exit: 1, rule: 'note', status: 'info', message: 'skipped 1 YAML file that is not a manifest' },
  },
  {
    name: 'output-through-symlinked-input',
    input: '`-o manifest.yaml` while the manifest is checked through a symbolic link',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg'));
      symlinkSync('manifest.yaml', path.join(dir, 'link.yaml'));
    },
    bin: { args: () => ['link.yaml', '-o', 'manifest.yaml', '--offline', '--no-cache'], shows: 'usage error', after: unchangedManifest('manifest.yaml') },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: '--output manifest.yaml is one of the files being checked' },
  },
  {
    name: 'output-through-symlinked-folder',
    input: '`-o real/manifest.yaml` while the manifest is checked through a linked folder',
    origin: 'generated',
    setup: (dir) => {
      manyManifests(path.join(dir, 'real'), 1);
      symlinkSync('real', path.join(dir, 'alias'));
    },
    bin: { args: () => ['alias/m0.yaml', '-o', 'real/m0.yaml', '--offline', '--no-cache'], shows: 'usage error', after: unchangedManifest('real/m0.yaml') },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: '--output real/m0.yaml is one of the files being checked' },
  },
  {
    name: 'output-onto-another-shard',
    input: '`--shard 1/2 -o` naming a manifest of shard 2',
    origin: 'generated',
    setup: (dir) => manyManifests(path.join(dir, 'shards'), 8),
    bin: {
      args: () => ['shards', '--shard', '1/2', '-o', otherShardFile(), '--offline', '--no-cache'],
      shows: 'usage error',
      after: unchangedManifest(otherShardFile()),
    },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: 'is one of the files being checked; it would be overwritten' },
  },
  {
    name: 'output-onto-an-image',
    input: '`-o docs/id-front.jpg`, an image the manifest names',
    origin: 'generated',
    setup: (dir) => void writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg')),
    bin: {
      args: () => ['manifest.yaml', '-o', 'docs/id-front.jpg', '--offline', '--no-cache', '--date', '2026-11-26'],
      shows: 'usage error',
      after: (dir) => expect(readFileSync(path.join(dir, 'docs', 'id-front.jpg')).equals(readFileSync(path.join(IMAGES, 'id-front.jpg')))).toBe(true),
    },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: '--output docs/id-front.jpg is a file a manifest refers to' },
  },
  {
    name: 'output-dev-stdout',
    input: '`-o /dev/stdout` (as root, once replaced the link by a regular file)',
    origin: 'generated',
    setup: (dir) => void writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg')),
    bin: {
      args: () => ['manifest.yaml', '-o', '/dev/stdout', '--format', 'json', '--offline', '--no-cache', '--date', '2026-11-26'],
      shows: 'the report',
      after: () => expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true),
    },
    expect: { exit: 1, rule: 'report', status: 'info', message: '"verdict": "blocked"' },
  },
  {
    name: 'output-character-device',
    input: '`-o` naming a character device (a null device made in the case folder)',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg'));
      execFileSync('mknod', [path.join(dir, 'null'), 'c', '1', '3']);
    },
    bin: {
      args: () => ['manifest.yaml', '-o', 'null', '--offline', '--no-cache', '--date', '2026-11-26'],
      shows: 'exit code only',
      needsRoot: true,
      after: (dir) => expect(statSync(path.join(dir, 'null')).isCharacterDevice()).toBe(true),
    },
    expect: { exit: 1, rule: 'report', status: 'info', message: '' },
  },
  {
    name: 'output-fifo',
    input: '`-o` naming a FIFO that a reader drains',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg'));
      mkfifo(path.join(dir, 'out.fifo'));
    },
    bin: {
      args: () => ['manifest.yaml', '-o', 'out.fifo', '--format', 'json', '--offline', '--no-cache', '--date', '2026-11-26'],
      shell: 'cat out.fifo > got.json & $ICP; code=$?; wait; exit $code',
      messageIn: 'got.json',
      shows: 'the report, read from the FIFO',
      after: (dir) => expect(lstatSync(path.join(dir, 'out.fifo')).isFIFO()).toBe(true),
    },
    expect: { exit: 1, rule: 'report', status: 'info', message: '"verdict": "blocked"' },
  },
  {
    name: 'output-is-a-folder',
    input: '`-o` naming a folder',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg'));
      mkdirSync(path.join(dir, 'reports'));
    },
    bin: { args: () => ['manifest.yaml', '-o', 'reports', '--offline', '--no-cache'], shows: 'usage error' },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: '--output reports is a folder; name a file' },
  },
  {
    name: 'output-in-missing-folder',
    input: '`-o` into a folder that does not exist',
    origin: 'generated',
    setup: (dir) => void writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg')),
    bin: { args: () => ['manifest.yaml', '-o', 'nowhere/report.txt', '--offline', '--no-cache'], shows: 'usage error' },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: '--output nowhere/report.txt: the folder nowhere does not exist' },
  },
  {
    name: 'step-summary-unwritable',
    input: '`$GITHUB_STEP_SUMMARY` naming a folder (the report keeps its exit code)',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg'));
      mkdirSync(path.join(dir, 'summary'));
    },
    bin: {
      args: () => ['manifest.yaml', '--format', 'github', '--offline', '--no-cache', '--date', '2026-11-26'],
      env: (dir) => ({ GITHUB_STEP_SUMMARY: path.join(dir, 'summary') }),
      shows: 'warning on stderr',
    },
    expect: { exit: 1, rule: 'warning', status: 'warn', message: '($GITHUB_STEP_SUMMARY): a folder, not a file' },
  },
  {
    name: 'tld-list-dev-zero',
    input: '`--tld-list /dev/zero` (once: 650 MB read)',
    origin: 'generated',
    setup: (dir) => void writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg')),
    bin: { args: () => ['manifest.yaml', '--tld-list', '/dev/zero', '--offline', '--no-cache'], shows: 'usage error' },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: '--tld-list /dev/zero: a device, not a file' },
  },
  {
    name: 'tld-list-fifo',
    input: '`--tld-list` naming a FIFO without a writer (once: hung)',
    origin: 'generated',
    setup: (dir) => {
      writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg'));
      mkfifo(path.join(dir, 'list.fifo'));
    },
    bin: { args: () => ['manifest.yaml', '--tld-list', 'list.fifo', '--offline', '--no-cache'], shows: 'usage error' },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: '--tld-list list.fifo: a named pipe, not a file' },
  },
  {
    name: 'whois-timeout-beyond-timer-range',
    input: '`--whois-timeout 2147484s` (beyond 2^31-1 ms; once: silently 1 ms)',
    origin: 'generated',
    setup: (dir) => void writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg')),
    bin: { args: () => ['manifest.yaml', '--whois-timeout', '2147484s', '--offline', '--no-cache'], shows: 'usage error' },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: 'expected at most 2147483647ms' },
  },
  {
    name: 'rdap-bootstrap-endless-server',
    input: '`update-rdap-bootstrap --url` against a server that never stops sending (once: 7 GB)',
    origin: 'generated',
    bin: {
      args: (dir, url) => ['update-rdap-bootstrap', '--url', url, '--output', path.join(dir, 'dns.json')],
      server: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const piece = Buffer.alloc(64 * 1024, 0x20);
        const more = () => {
          while (!res.destroyed && res.write(piece));
          if (!res.destroyed) res.once('drain', more);
        };
        res.write('{"version": "1.0", "services": [');
        more();
      },
      shows: 'usage error',
      after: (dir) => expect(existsSync(path.join(dir, 'dns.json'))).toBe(false),
    },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: 'larger than the 4194304 bytes a bootstrap file can be' },
  },
  {
    name: 'workflow-command-file-name',
    input: 'a manifest named `::error title=Deploy::x.yaml` (must not become a GitHub workflow command)',
    origin: 'generated',
    setup: (dir) => void writeFileSync(path.join(dir, '::error title=Deploy::x.yaml'), personManifest('docs/id-front.jpg')),
    bin: {
      args: () => ['::error title=Deploy::x.yaml', '--offline', '--no-cache', '--date', '2026-11-26'],
      shows: 'pretty header',
      after: (_dir, r) => expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s*::/m),
    },
    expect: { exit: 1, rule: 'header', status: 'info', message: './::error title=Deploy::x.yaml' },
  },
  {
    name: 'escape-sequences-in-usage-error',
    input: 'ANSI and OSC 8 sequences in a refused option value',
    origin: 'generated',
    setup: (dir) => void writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg')),
    bin: { args: () => ['manifest.yaml', '--format', '\u001b[2J\u001b]8;;http://evil.example\u0007x'], shows: 'usage error' },
    expect: { exit: 2, rule: 'usage', status: 'fail', message: "argument '[2J]8;;http://evil.examplex' is invalid" },
  },
  {
    name: 'rdap-far-future-expiry',
    input: 'an RDAP answer with the expiry `+010000-01-01` (once: "NaN days")',
    origin: 'generated',
    setup: (dir) => void writeFileSync(path.join(dir, 'manifest.yaml'), personManifest('docs/id-front.jpg')),
    bin: {
      args: (_dir, url) => ['manifest.yaml', '--rdap-url', url, '--no-cache', '--date', '2026-11-26', '--whois-timeout', '5s', '--verbose'],
      server: (req, res) => {
        const name = decodeURIComponent((req.url ?? '').split('/').pop() ?? 'example.cn');
        res.writeHead(200, { 'content-type': 'application/rdap+json' });
        res.end(
          JSON.stringify({
            objectClassName: 'domain',
            ldhName: name,
            status: ['active'],
            events: [
              { eventAction: 'registration', eventDate: '2015-03-01T08:00:00Z' },
              { eventAction: 'expiration', eventDate: '+010000-01-01T00:00:00Z' },
            ],
          }),
        );
      },
      after: (_dir, r) => expect(r.stdout).not.toMatch(/NaN/),
    },
    expect: { exit: 1, rule: 'whois/expiry', status: 'pass', message: 'expires on 10000-01-01, 2912114 days after 2026-11-26' },
  },
];

/** Copies a case's fixture (if any) into `root/<name>`, adds the shared images and runs its setup; returns the manifest path. */
export function prepareCase(c: HostileCase, root: string): string {
  const dir = path.join(root, c.name);
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  for (const f of ['id-front.jpg', 'id-back.jpg']) copyFileSync(path.join(IMAGES, f), path.join(dir, 'docs', f));
  if (c.origin === 'fixture') copyFileSync(path.join(FIXTURES, c.name, 'manifest.yaml'), path.join(dir, 'manifest.yaml'));
  const manifest = c.setup?.(dir);
  return path.join(dir, manifest ?? 'manifest.yaml');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README table, one row per case, from the catalogue itself so the two cannot drift apart. */
export function readmeTable(cases: HostileCase[] = CATALOGUE): string {
  const rows = cases.map((c, i) => {
    const made = c.origin === 'fixture' ? `\`fixtures/${c.name}/\`${c.setup ? ' + run time' : ''}` : 'run time';
    const skip = c.skip ? ` (skipped as root)` : '';
    const shows = c.bin?.shows ?? `\`${c.expect.rule}\` ${c.expect.status}`;
    const how = c.bin ? `${made}, bin` : made;
    return `| ${i + 1} | ${cell(c.input)}${skip} | ${how} | ${shows} | ${cell(c.expect.message)} | ${c.expect.exit} |`;
  });
  return ['| # | input | made | finding | message (English, part) | exit |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}
