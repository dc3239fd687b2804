// The links between websites and instances: unknown ids, websites without an instance, unused instances.
import { describe, expect, test } from 'vitest';
import { instanceRules } from '../../src/rules/instance.js';
import { byRule, contextFor } from './helpers.js';

const ecs = (id: string) => ({ id, product: 'ecs', region: 'cn-hangzhou', billing: 'subscription', expires: '2027-09-30', publicBandwidthMbps: 5, serviceNumbersUsed: 0 });

async function findingsOf(extra: Record<string, unknown>) {
  const ctx = await contextFor(extra);
  return instanceRules.flatMap((r) => r.check(ctx));
}

describe('websites and instances', () => {
  test('a website naming an id not among the instances fails at that entry', async () => {
    const f = await findingsOf({ instances: [ecs('i-one')], websites: [{ name: '示例网站', domains: ['example.com'], instances: ['i-one', 'i-tow'] }] });
    expect(byRule(f, 'instance/unknown-instance')).toEqual([
      { rule: 'instance/unknown-instance', status: 'fail', path: 'websites[0].instances[1]', args: { id: 'i-tow', website: '示例网站' } },
    ]);
  });

  test('a website with no instance fails', async () => {
    const f = await findingsOf({
      instances: [ecs('i-one')],
      websites: [
        { name: '示例网站', domains: ['example.com'] },
        { name: '第二网站', domains: ['example.cn'], instances: ['i-one'] },
      ],
    });
    expect(byRule(f, 'instance/website-without-instance')).toMatchObject([{ status: 'fail', path: 'websites[0].instances' }]);
  });

  test('an instance no website uses is info, and does not count toward a quota', async () => {
    const f = await findingsOf({ instances: [ecs('i-one'), ecs('i-two')], websites: [{ name: '示例网站', domains: ['example.com'], instances: ['i-one'] }] });
    expect(byRule(f, 'instance/unused-instance')).toEqual([
      { rule: 'instance/unused-instance', status: 'info', path: 'instances[1]', args: expect.objectContaining({ id: 'i-two' }) },
    ]);
    expect(byRule(f, 'instance/service-number-quota').map((x) => x.args!.id)).toEqual(['i-one']);
  });

  test('an instance listed twice is a warning and its quota is counted once', async () => {
    const f = await findingsOf({ instances: [ecs('i-one'), ecs('i-one')], websites: [{ name: '示例网站', domains: ['example.com'], instances: ['i-one'] }] });
    expect(byRule(f, 'instance/duplicate-instance')).toMatchObject([{ status: 'warn', path: 'instances[1]', args: { first: 'instances[0]' } }]);
    expect(byRule(f, 'instance/service-number-quota')).toHaveLength(1);
  });

  test('a website naming the same instance twice uses one service number', async () => {
    const f = await findingsOf({ instances: [ecs('i-one')], websites: [{ name: '示例网站', domains: ['example.com'], instances: ['i-one', 'i-one'] }] });
    expect(byRule(f, 'instance/service-number-quota')).toMatchObject([{ status: 'pass', args: { websites: 1 } }]);
  });
});
