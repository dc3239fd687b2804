// Hosting instances: declared ones pass through; `{ describeInstances: file.json }` entries are read
// from the saved output of `aliyun ecs DescribeInstances` into the same model. Never throws: an
// unreadable or malformed file becomes a finding with the path as written.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RawFinding } from '../model.js';
import type { FilingInstance } from '../manifest/filing.js';
import type { InstanceImport, Manifest } from '../manifest/schema.js';
import { describeFailure, readRegularText } from './read-file.js';

/** DescribeInstances pages hold at most 100 instances of a few KB each; anything far larger is not one. */
export const DESCRIBE_INSTANCES_MAX_BYTES = 8 * 1024 * 1024;

/** The rule id of findings about DescribeInstances files (its words live in src/rules/instance.ts). */
export const IMPORT_RULE = 'instance/describe-instances-file';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const clean = (s: string) => s.replace(CONTROL, '');

/** The fields of one `Instances.Instance[]` item that filing needs; the rest is ignored. */
const apiInstance = z.looseObject({
  InstanceId: z.string().min(1),
  RegionId: z.string().min(1),
  InstanceChargeType: z.string().optional(),
  ExpiredTime: z.string().optional(),
  InternetMaxBandwidthOut: z.number().optional(),
  Status: z.string().optional(),
  PublicIpAddress: z.looseObject({ IpAddress: z.array(z.string()).optional() }).optional(),
  EipAddress: z
    .looseObject({
      IpAddress: z.string().optional(),
      Bandwidth: z.number().optional(),
    })
    .optional(),
});
type ApiInstance = z.output<typeof apiInstance>;

const page = z.looseObject({
  Instances: z.looseObject({ Instance: z.array(z.unknown()) }),
});

/** `2027-09-30T16:00Z` (UTC, as the API writes it) as a date in China Standard Time. */
export function chinaDate(timestamp: string): string | undefined {
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return undefined;
  return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function billingOf(chargeType: string | undefined): FilingInstance['billing'] {
  if (chargeType === 'PrePaid') return 'subscription';
  if (chargeType === 'PostPaid') return 'pay-as-you-go';
  return undefined;
}

function toInstance(api: ApiInstance, entry: InstanceImport, at: string, written: string): FilingInstance {
  const id = clean(api.InstanceId);
  const publicIp = api.PublicIpAddress?.IpAddress?.find((ip) => ip.length > 0) || api.EipAddress?.IpAddress || undefined;
  const bandwidth = (api.InternetMaxBandwidthOut ?? 0) > 0 ? api.InternetMaxBandwidthOut : api.EipAddress?.Bandwidth;
  const instance: FilingInstance = {
    id,
    product: 'ecs',
    region: clean(api.RegionId),
    path: at,
    importedFrom: written,
  };
  const billing = billingOf(api.InstanceChargeType);
  if (billing) instance.billing = billing;
  const expires = api.ExpiredTime ? chinaDate(api.ExpiredTime) : undefined;
  if (expires) instance.expires = expires;
  if (bandwidth !== undefined) instance.publicBandwidthMbps = bandwidth;
  if (api.Status) instance.status = clean(api.Status);
  if (publicIp) instance.publicIp = clean(publicIp);
  const used = entry.serviceNumbersUsed?.[id];
  if (used !== undefined) instance.serviceNumbersUsed = used;
  return instance;
}

type ReadResult = { ok: true; text: string } | { ok: false; key: string; args: Record<string, string | number> };

async function readSmallRegularFile(file: string): Promise<ReadResult> {
  const r = await readRegularText(file, { maxBytes: DESCRIBE_INSTANCES_MAX_BYTES });
  if (r.ok) return r;
  if (r.reason === 'missing') return { ok: false, key: 'missing', args: {} };
  if (r.reason === 'directory' || r.reason === 'not-a-file') return { ok: false, key: 'not-a-file', args: {} };
  if (r.reason === 'too-large') return { ok: false, key: 'too-large', args: { size: r.size ?? DESCRIBE_INSTANCES_MAX_BYTES + 1, max: DESCRIBE_INSTANCES_MAX_BYTES } };
  return { ok: false, key: 'unreadable', args: { error: r.code ?? describeFailure(r) } };
}

function isOutside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** Outside the manifest's folder by the path as written or by where links lead, as images are judged. */
async function outsideManifestDir(manifestDir: string, resolved: string): Promise<boolean> {
  if (isOutside(manifestDir, resolved)) return true;
  const [realDir, real] = await Promise.all([realpath(manifestDir).catch(() => manifestDir), realpath(resolved).catch(() => undefined)]);
  return real !== undefined && isOutside(realDir, real);
}

/** JSON.parse's message quotes the text it choked on; only where it choked is said, never what the file holds. */
function jsonErrorWithoutContent(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (!/["'`]/.test(message)) return clean(message);
  const at = /position (\d+)/.exec(message);
  return at ? `unexpected text at position ${at[1]}` : 'unexpected text';
}

async function importFile(entry: InstanceImport, index: number, manifestDir: string): Promise<{ instances: FilingInstance[]; findings: RawFinding[] }> {
  const at = `instances[${index}]`;
  const written = entry.describeInstances;
  const finding = (key: string, status: RawFinding['status'], args: Record<string, string | number> = {}): RawFinding => ({
    rule: IMPORT_RULE,
    status,
    path: `${at}.describeInstances`,
    key,
    args: { file: clean(written), ...args },
  });
  const resolved = path.resolve(manifestDir, written);
  // Like an image, a file outside the manifest's folder is read but said: a shared manifest must not reach into the machine unseen.
  const outside: RawFinding[] = (await outsideManifestDir(manifestDir, resolved)) ? [finding('outside-manifest-folder', 'info')] : [];
  const read = await readSmallRegularFile(resolved);
  if (!read.ok) return { instances: [], findings: [...outside, finding(read.key, 'fail', read.args)] };

  let data: unknown;
  try {
    data = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { instances: [], findings: [...outside, finding('invalid-json', 'fail', { error: jsonErrorWithoutContent(e) })] };
  }
  // One response, or several pages saved as a JSON array.
  const pages = Array.isArray(data) ? data : [data];
  const items: unknown[] = [];
  for (const p of pages) {
    const parsed = page.safeParse(p);
    if (!parsed.success) return { instances: [], findings: [...outside, finding('not-describe-instances', 'fail')] };
    for (const item of parsed.data.Instances.Instance) items.push(item);
  }
  const findings: RawFinding[] = [...outside];
  const instances: FilingInstance[] = [];
  items.forEach((item, j) => {
    const parsed = apiInstance.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      findings.push(finding('bad-instance', 'fail', { item: j, field: issue?.path.join('.') ?? '', error: issue?.message ?? '' }));
      return;
    }
    const inst = toInstance(parsed.data, entry, at, written);
    if (parsed.data.ExpiredTime && !inst.expires) findings.push(finding('bad-expiry', 'warn', { id: inst.id, value: clean(parsed.data.ExpiredTime) }));
    instances.push(inst);
  });
  if (items.length === 0) findings.push(finding('empty', 'warn'));
  const ids = new Set(instances.map((i) => i.id));
  for (const id of Object.keys(entry.serviceNumbersUsed ?? {})) {
    if (!ids.has(id)) findings.push(finding('unknown-used-id', 'warn', { id: clean(id) }));
  }
  if (instances.length > 0) findings.push(finding('imported', 'info', { count: instances.length }));
  return { instances, findings };
}

export async function resolveInstances(manifest: Manifest, manifestDir: string): Promise<{ instances: FilingInstance[]; findings: RawFinding[] }> {
  const results = await Promise.all(
    manifest.instances.map(async (entry, i) => {
      if ('product' in entry) return { instances: [{ ...entry, path: `instances[${i}]` }], findings: [] };
      return importFile(entry, i, manifestDir);
    }),
  );
  return {
    instances: results.flatMap((r) => r.instances),
    findings: results.flatMap((r) => r.findings),
  };
}
