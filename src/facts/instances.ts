// Hosting instances: declared ones pass through; `{ describeInstances: file.json }` entries are read
// from the saved output of `aliyun ecs DescribeInstances` into the same model. Never throws: an
// unreadable or malformed file becomes a finding with the path as written.
import { constants as fsConstants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RawFinding } from '../model.js';
import type { FilingInstance } from '../manifest/filing.js';
import type { InstanceImport, Manifest } from '../manifest/schema.js';

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
  try {
    const s = await stat(file);
    if (!s.isFile()) return { ok: false, key: 'not-a-file', args: {} };
    if (s.size > DESCRIBE_INSTANCES_MAX_BYTES) return { ok: false, key: 'too-large', args: { size: s.size, max: DESCRIBE_INSTANCES_MAX_BYTES } };
    // O_NONBLOCK: a path swapped for a FIFO since `stat` must not block the open.
    const handle = await open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    try {
      const s2 = await handle.stat();
      if (!s2.isFile()) return { ok: false, key: 'not-a-file', args: {} };
      const buf = Buffer.alloc(Math.min(s2.size, DESCRIBE_INSTANCES_MAX_BYTES));
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return { ok: true, text: buf.subarray(0, bytesRead).toString('utf8') };
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, key: 'missing', args: {} };
    return { ok: false, key: 'unreadable', args: { error: code ?? 'error' } };
  }
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
  const read = await readSmallRegularFile(path.resolve(manifestDir, written));
  if (!read.ok) return { instances: [], findings: [finding(read.key, 'fail', read.args)] };

  let data: unknown;
  try {
    data = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { instances: [], findings: [finding('invalid-json', 'fail', { error: clean((e as Error).message) })] };
  }
  // One response, or several pages saved as a JSON array.
  const pages = Array.isArray(data) ? data : [data];
  const items: unknown[] = [];
  for (const p of pages) {
    const parsed = page.safeParse(p);
    if (!parsed.success) return { instances: [], findings: [finding('not-describe-instances', 'fail')] };
    items.push(...parsed.data.Instances.Instance);
  }
  const findings: RawFinding[] = [];
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
