// Importing `aliyun ecs DescribeInstances` output (real response shape, saved files) into instances.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chinaDate, DESCRIBE_INSTANCES_MAX_BYTES, IMPORT_RULE, resolveInstances } from '../../src/facts/instances.js';
import { instanceRules } from '../../src/rules/instance.js';
import { byRule, contextFor, FIXTURES, manifestWith } from './helpers.js';

async function imported(file: string, extra: Record<string, unknown> = {}, dir = FIXTURES) {
  return resolveInstances(manifestWith({ instances: [{ describeInstances: file, ...extra }] }), dir);
}

describe('reading a DescribeInstances file', () => {
  test('maps every instance into the filing model', async () => {
    const { instances, findings } = await imported('describe-instances-shenzhen.json', { serviceNumbersUsed: { 'i-wz9exampleecs01': 2 } });
    expect(instances.map((i) => i.id)).toEqual(['i-wz9exampleecs01', 'i-wz9stopped0002', 'i-wz9vpconly0003', 'i-wz9eipbound004', 'i-wz9paygo000005']);
    expect(instances[0]).toEqual({
      id: 'i-wz9exampleecs01',
      product: 'ecs',
      region: 'cn-shenzhen',
      billing: 'subscription',
      // 2027-09-30T16:00Z is midnight of 1 October in China Standard Time.
      expires: '2027-10-01',
      publicBandwidthMbps: 5,
      status: 'Running',
      publicIp: '47.106.12.34',
      serviceNumbersUsed: 2,
      path: 'instances[0]',
      importedFrom: 'describe-instances-shenzhen.json',
    });
    expect(instances[2]).toMatchObject({ id: 'i-wz9vpconly0003', publicBandwidthMbps: 0 });
    expect(instances[2]!.publicIp).toBeUndefined();
    // An EIP stands in for the public address and its bandwidth.
    expect(instances[3]).toMatchObject({ publicIp: '8.134.56.78', publicBandwidthMbps: 10, expires: '2027-02-26' });
    expect(instances[4]).toMatchObject({ billing: 'pay-as-you-go', expires: '2099-12-31' });
    expect(instances[1]!.serviceNumbersUsed).toBeUndefined();
    expect(findings).toEqual([
      { rule: IMPORT_RULE, status: 'info', path: 'instances[0].describeInstances', key: 'imported', args: { file: 'describe-instances-shenzhen.json', count: 5 } },
    ]);
  });

  test('the rules judge imported instances: stopped, no public address, pay-as-you-go', async () => {
    const ids = ['i-wz9exampleecs01', 'i-wz9stopped0002', 'i-wz9vpconly0003', 'i-wz9eipbound004', 'i-wz9paygo000005'];
    const ctx = await contextFor({
      instances: [{ describeInstances: 'describe-instances-shenzhen.json', serviceNumbersUsed: Object.fromEntries(ids.map((id) => [id, 0])) }],
      websites: ids.map((id, i) => ({ name: `示例网站${i}`, domains: [`example${i}.com`], instances: [id] })),
    });
    const findings = instanceRules.flatMap((r) => r.check(ctx));
    const running = byRule(findings, 'instance/running-with-public-ip');
    expect(running.filter((f) => f.status === 'fail').map((f) => [f.args!.id, f.key])).toEqual([
      ['i-wz9stopped0002', 'not-running'],
      ['i-wz9vpconly0003', 'no-public-ip'],
    ]);
    expect(running.filter((f) => f.status === 'pass').map((f) => f.args!.id)).toEqual(['i-wz9exampleecs01', 'i-wz9eipbound004', 'i-wz9paygo000005']);
    expect(
      byRule(findings, 'instance/subscription-billing')
        .filter((f) => f.status === 'fail')
        .map((f) => f.args!.id),
    ).toEqual(['i-wz9paygo000005']);
    expect(
      byRule(findings, 'instance/public-bandwidth')
        .filter((f) => f.status === 'fail')
        .map((f) => f.args!.id),
    ).toEqual(['i-wz9vpconly0003']);
    // The EIP-bound instance expires 2027-02-26 (CST): exactly 3 months after 2026-11-26.
    expect(byRule(findings, 'instance/remaining-term').find((f) => f.args!.id === 'i-wz9eipbound004')).toMatchObject({ status: 'pass', args: { months: 3 } });
    expect(byRule(findings, 'instance/mainland-region').every((f) => f.status === 'pass')).toBe(true);
  });

  test('pages saved as an array; Hong Kong and overseas regions fail with the reason', async () => {
    const ctx = await contextFor({ instances: [{ describeInstances: 'describe-instances-overseas-pages.json' }], websites: [] });
    expect(ctx.filing.instances.map((i) => i.region)).toEqual(['cn-hongkong', 'ap-southeast-1']);
    const region = byRule(
      instanceRules.flatMap((r) => r.check(ctx)),
      'instance/mainland-region',
    );
    expect(region.map((f) => [f.status, f.key])).toEqual([
      ['fail', 'hong-kong'],
      ['fail', 'overseas'],
    ]);
  });

  test('declared and imported instances sit side by side with their own paths', async () => {
    const { instances } = await resolveInstances(
      manifestWith({ instances: [{ id: 'i-declared', product: 'web-hosting', region: 'cn-beijing' }, { describeInstances: 'describe-instances-overseas-pages.json' }] }),
      FIXTURES,
    );
    expect(instances.map((i) => [i.id, i.path, i.importedFrom])).toEqual([
      ['i-declared', 'instances[0]', undefined],
      ['i-j6cexamplehk001', 'instances[1]', 'describe-instances-overseas-pages.json'],
      ['i-t4nexamplesg001', 'instances[1]', 'describe-instances-overseas-pages.json'],
    ]);
  });

  test.each([
    ['missing.json', 'missing'],
    ['describe-instances-broken.json', 'invalid-json'],
    ['describe-regions.json', 'not-describe-instances'],
  ])('%s becomes a finding (%s), never an exception', async (file, key) => {
    const { instances, findings } = await imported(file);
    expect(instances).toEqual([]);
    expect(findings).toMatchObject([{ rule: IMPORT_RULE, status: 'fail', path: 'instances[0].describeInstances', key, args: { file } }]);
  });

  test('an empty answer and a serviceNumbersUsed id not in it are warnings', async () => {
    const { findings } = await imported('describe-instances-empty.json', { serviceNumbersUsed: { 'i-typo': 1 } });
    expect(findings.map((f) => [f.status, f.key])).toEqual([
      ['warn', 'empty'],
      ['warn', 'unknown-used-id'],
    ]);
  });

  test('every finding key has words in both languages', () => {
    const meta = instanceRules.find((r) => r.id === IMPORT_RULE)!;
    for (const key of [
      'imported',
      'missing',
      'not-a-file',
      'too-large',
      'unreadable',
      'invalid-json',
      'not-describe-instances',
      'bad-instance',
      'bad-expiry',
      'empty',
      'unknown-used-id',
    ]) {
      expect(meta.messages[key]?.message.en, key).toBeTruthy();
      expect(meta.messages[key]?.message.zh, key).toBeTruthy();
    }
  });

  test('ExpiredTime is read in China Standard Time', () => {
    expect(chinaDate('2027-09-30T15:59Z')).toBe('2027-09-30');
    expect(chinaDate('2027-09-30T16:00Z')).toBe('2027-10-01');
    expect(chinaDate('not a date')).toBeUndefined();
  });
});

describe('files that are not plain JSON files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'icp-describe-'));
    await mkdir(path.join(dir, 'a-folder.json'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    // Sparse: the size is over the cap without writing megabytes.
    await writeFile(path.join(dir, 'huge.json'), '');
    execFileSync('truncate', ['-s', String(DESCRIBE_INSTANCES_MAX_BYTES + 1), path.join(dir, 'huge.json')]);
    await symlink('nowhere.json', path.join(dir, 'dangling.json'));
    await writeFile(path.join(dir, 'control.json'), JSON.stringify({ Instances: { Instance: [{ InstanceId: 'i-\u001b[31mred', RegionId: 'cn-hangzhou', Status: 'Running' }] } }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test.each([
    ['a-folder.json', 'not-a-file'],
    ['pipe.json', 'not-a-file'],
    ['huge.json', 'too-large'],
    ['dangling.json', 'missing'],
  ])('%s: %s', async (file, key) => {
    const { findings } = await imported(file, {}, dir);
    expect(findings).toMatchObject([{ status: 'fail', key }]);
  });

  test('control characters in the file never reach the model', async () => {
    const { instances } = await imported('control.json', {}, dir);
    expect(instances[0]!.id).toBe('i-[31mred');
  });
});
