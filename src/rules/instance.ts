// Instance eligibility (`before` Table 1-1 / Table 4-1, §4, §4.2): region, product, billing, remaining
// term, bandwidth, running state and the service-number quota, with the figures from
// `regulations/instances.yaml`; and the links between websites and instances.
import type { PhraseArg, RawFinding } from '../model.js';
import type { FilingInstance } from '../manifest/filing.js';
import { addMonths } from '../facts/dates.js';
import { IMPORT_RULE } from '../facts/instances.js';
import { loadInstanceEligibility, type ProductEligibility } from '../regulations/instance-eligibility.js';
import { defineRule, type CheckContext, type CodeRule } from './types.js';

const TABLE = 'before Table 1-1; before Table 4-1';

/** Year and month of a date: sliced from YYYY-MM-DD, split on `-` otherwise. */
const yearMonth = (d: string): [number, number] =>
  d.length === 10 && d[4] === '-' && d[7] === '-' ? [Number(d.slice(0, 4)), Number(d.slice(5, 7))] : (d.split('-').map(Number) as [number, number]);

/**
 * Whole calendar months from `from` to `to` (2026-11-26 to 2027-02-26 is 3, to 2027-02-25 is 2;
 * month ends clamp, so 2026-11-30 to 2027-02-28 is 3). Negative when `to` is earlier.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm] = yearMonth(from);
  const [ty, tm] = yearMonth(to);
  // Start one above the month difference and step down to the largest n with from + n months <= to.
  let months = (ty - fy) * 12 + (tm - fm) + 1;
  while (addMonths(from, months) > to) months--;
  return months;
}

function eligibility(product: string): ProductEligibility | undefined {
  return (loadInstanceEligibility().products as Record<string, ProductEligibility | undefined>)[product];
}

const base = (i: FilingInstance) => ({ id: i.id, product: { name: 'product' as const, value: i.product }, region: i.region });

/** Websites (by index) that name each instance id. */
function websitesByInstance(ctx: CheckContext): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const w of ctx.filing.websites) {
    for (const id of new Set(w.instances)) {
      const list = map.get(id) ?? [];
      list.push(w.index);
      map.set(id, list);
    }
  }
  return map;
}

export const mainlandRegion = defineRule({
  id: 'instance/mainland-region',
  source: 'before §4 (Connection information); Alibaba Cloud help ICP filing "Limits"',
  quote: 'The Alibaba Cloud instance must be located in Mainland China.',
  title: { en: 'The instance is in mainland China', zh: '实例位于中国内地' },
  explain: {
    en: 'Only an instance in a mainland China region can carry an ICP filing. Region ids of the mainland start with `cn-`; `cn-hongkong` (Hong Kong) and regions abroad do not count.',
    zh: '只有位于中国内地地域的实例才能用于 ICP 备案。内地地域 ID 以 `cn-` 开头；`cn-hongkong`（中国香港）和境外地域不可用于备案。',
  },
  messages: {
    pass: { message: { en: 'Instance {id} is in {region}, in mainland China.', zh: '实例 {id} 位于 {region}，属于中国内地。' } },
    'hong-kong': {
      message: {
        en: 'Instance {id} is in {region} (Hong Kong), which is not mainland China: it cannot carry an ICP filing.',
        zh: '实例 {id} 位于 {region}（中国香港），不属于中国内地，无法用于 ICP 备案。',
      },
      fix: {
        en: 'Host the website on an instance in a mainland region (cn-hangzhou, cn-shanghai, cn-shenzhen, ...).',
        zh: '请将网站部署在中国内地地域的实例上（如 cn-hangzhou、cn-shanghai、cn-shenzhen 等）。',
      },
    },
    overseas: {
      message: {
        en: 'Instance {id} is in {region}, outside mainland China: it cannot carry an ICP filing.',
        zh: '实例 {id} 位于 {region}，不在中国内地，无法用于 ICP 备案。',
      },
      fix: {
        en: 'Host the website on an instance in a mainland region (a region id starting with cn-, other than cn-hongkong).',
        zh: '请将网站部署在中国内地地域的实例上（地域 ID 以 cn- 开头，cn-hongkong 除外）。',
      },
    },
  },
  check(ctx) {
    const { region } = loadInstanceEligibility();
    return ctx.filing.instances.map((i): RawFinding => {
      const r = i.region.toLowerCase();
      const args = base(i);
      if (region.notMainland.includes(r)) {
        return { rule: 'instance/mainland-region', status: 'fail', path: `${i.path}.region`, key: r === 'cn-hongkong' ? 'hong-kong' : 'overseas', args };
      }
      if (!r.startsWith(region.mainlandPrefix)) return { rule: 'instance/mainland-region', status: 'fail', path: `${i.path}.region`, key: 'overseas', args };
      return { rule: 'instance/mainland-region', status: 'pass', path: `${i.path}.region`, args };
    });
  },
});

export const supportedProduct = defineRule({
  id: 'instance/supported-product',
  source: TABLE,
  title: { en: 'The instance is of a product that can carry a filing', zh: '实例属于支持备案的产品' },
  explain: {
    en: 'Alibaba Cloud issues service numbers only for ECS, Web Hosting, Simple Application Server, Elastic Web Hosting, Marketplace website building, NAT Gateway, IPv6 Translation Service and ENS instances.',
    zh: '阿里云仅为云服务器 ECS、虚拟主机、轻量应用服务器、弹性 Web 托管、云市场建站、NAT 网关、IPv6 转换服务和 ENS 实例提供备案服务号。',
  },
  messages: {
    pass: { message: { en: 'Instance {id} ({product}) can carry a filing.', zh: '实例 {id}（{product}）支持备案。' } },
    fail: {
      message: { en: 'Instance {id} ({product}) cannot carry a filing.', zh: '实例 {id}（{product}）不支持备案。' },
      fix: { en: 'Use one of the products of before Table 4-1.', zh: '请使用《ICP备案前须知》表 4-1 所列的产品。' },
    },
  },
  check(ctx) {
    return ctx.filing.instances.map(
      (i): RawFinding => ({
        rule: 'instance/supported-product',
        status: eligibility(i.product) ? 'pass' : 'fail',
        path: `${i.path}.product`,
        args: base(i),
      }),
    );
  },
});

export const subscriptionBilling = defineRule({
  id: 'instance/subscription-billing',
  source: TABLE,
  quote: 'You cannot apply for service identification numbers for Pay-As-You-Go instances.',
  title: { en: 'The instance is a subscription, not pay-as-you-go', zh: '实例为包年包月，而非按量付费' },
  explain: {
    en: 'Pay-as-you-go ECS instances get no service number; the instance must be a subscription (monthly or yearly). Switch the billing method to subscription, or buy a subscription instance.',
    zh: '按量付费的 ECS 实例无法申请备案服务号，实例须为包年包月。请将计费方式转为包年包月，或购买包年包月实例。',
  },
  messages: {
    pass: { message: { en: 'Instance {id} is a subscription.', zh: '实例 {id} 为包年包月。' } },
    fail: {
      message: { en: 'Instance {id} is pay-as-you-go: it cannot get a service number.', zh: '实例 {id} 为按量付费，无法申请备案服务号。' },
      fix: {
        en: 'Switch the instance to subscription billing (at least the remaining term the product needs), or use another instance.',
        zh: '请将实例转为包年包月（且剩余时长满足要求），或改用其他实例。',
      },
    },
    unknown: {
      message: { en: 'The billing method of instance {id} is not declared.', zh: '未声明实例 {id} 的计费方式。' },
      fix: {
        en: 'Set `billing: subscription` (after checking the console): pay-as-you-go instances cannot be filed.',
        zh: '请在控制台确认后填写 `billing: subscription`：按量付费实例无法备案。',
      },
    },
  },
  check(ctx) {
    return ctx.filing.instances.flatMap((i): RawFinding[] => {
      if (!eligibility(i.product)?.subscriptionOnly) return [];
      const status = i.billing === undefined ? 'unknown' : i.billing === 'pay-as-you-go' ? 'fail' : 'pass';
      return [{ rule: 'instance/subscription-billing', status, path: `${i.path}.billing`, args: base(i) }];
    });
  },
});

export const remainingTerm = defineRule({
  id: 'instance/remaining-term',
  source: TABLE,
  quote: 'The subscription duration must be three months or more. (Elastic Web Hosting: six months; NAT Gateway and IPv6 Translation: one month.)',
  title: { en: 'The instance has enough subscription time left', zh: '实例剩余购买时长满足要求' },
  // The minimum terms are quoted from regulations/instances.yaml, read on first use.
  get explain() {
    const terms = Object.values(loadInstanceEligibility().products).filter((p) => p.minRemainingMonths !== undefined);
    return {
      en: `Each product needs a minimum subscription time: ${terms.map((p) => `${p.name.en}: ${p.minRemainingMonths} months`).join(', ')}. Remaining time is counted in whole calendar months from the check date (--date) to the expiry date; renew the instance if it is short.`,
      zh: `各产品须满足最短购买时长：${terms.map((p) => `${p.name.zh}为 ${p.minRemainingMonths} 个月`).join('，')}。剩余时长按自然月从检查日期（--date）计算到到期日；不足时请续费。`,
    };
  },
  messages: {
    pass: {
      message: {
        en: 'Instance {id} expires on {expires}: {months} whole {months|month|months} left (at least {min} needed).',
        zh: '实例 {id} 于 {expires} 到期：剩余 {months} 个整月（至少需要 {min} 个月）。',
      },
    },
    short: {
      message: {
        en: 'Instance {id} ({product}) expires on {expires}: only {months} whole {months|month|months} left, at least {min} are needed.',
        zh: '实例 {id}（{product}）于 {expires} 到期：仅剩 {months} 个整月，至少需要 {min} 个月。',
      },
      fix: { en: 'Renew the instance so that it runs until at least {until}.', zh: '请续费实例，使其至少有效至 {until}。' },
    },
    expired: {
      message: { en: 'Instance {id} expired on {expires}.', zh: '实例 {id} 已于 {expires} 到期。' },
      fix: { en: 'Renew the instance or use another one.', zh: '请续费实例或改用其他实例。' },
    },
    unknown: {
      message: {
        en: 'The expiry date of instance {id} is not declared: at least {min} {min|month|months} must be left.',
        zh: '未声明实例 {id} 的到期日期：剩余时长须至少 {min} 个月。',
      },
      fix: { en: 'Set `expires` from the console (or import the instance with describeInstances).', zh: '请根据控制台填写 `expires`（或通过 describeInstances 导入实例）。' },
    },
  },
  check(ctx) {
    const today = ctx.options.date;
    return ctx.filing.instances.flatMap((i): RawFinding[] => {
      const e = eligibility(i.product);
      if (!e) return [];
      const min = e.minRemainingMonths;
      const at = `${i.path}.expires`;
      if (i.expires === undefined) return min ? [{ rule: 'instance/remaining-term', status: 'unknown', path: at, args: Object.assign(base(i), { min }) }] : [];
      if (i.expires < today) return [{ rule: 'instance/remaining-term', status: 'fail', path: at, key: 'expired', args: Object.assign(base(i), { expires: i.expires }) }];
      if (!min) return [];
      const months = wholeMonthsBetween(today, i.expires);
      const args = Object.assign(base(i), { expires: i.expires, months, min, until: addMonths(today, min) });
      return [{ rule: 'instance/remaining-term', status: months >= min ? 'pass' : 'fail', path: at, key: months >= min ? 'pass' : 'short', args }];
    });
  },
});

export const initialSubscription = defineRule({
  id: 'instance/initial-subscription',
  source: TABLE,
  quote: 'The initial subscription duration must be 12 months or more.',
  title: { en: 'A Marketplace website building instance was first bought for 12 months or more', zh: '云市场建站实例首次购买时长不少于 12 个月' },
  explain: {
    en: 'Marketplace website building instances carry a filing only when their first subscription was 12 months or more.',
    zh: '云市场建站实例首次购买时长须不少于 12 个月方可备案。',
  },
  messages: {
    pass: { message: { en: 'Instance {id} was first bought for {months} {months|month|months}.', zh: '实例 {id} 首次购买 {months} 个月。' } },
    fail: {
      message: {
        en: 'Instance {id} was first bought for {months} {months|month|months}; at least {min} are needed.',
        zh: '实例 {id} 首次购买 {months} 个月，至少需要 {min} 个月。',
      },
      fix: { en: 'Buy a website building instance for at least {min} {min|month|months}.', zh: '请购买至少 {min} 个月的建站实例。' },
    },
    unknown: {
      message: {
        en: 'The initial subscription of instance {id} is not declared; at least {min} {min|month|months} are needed.',
        zh: '未声明实例 {id} 的首次购买时长，至少需要 {min} 个月。',
      },
      fix: { en: 'Set `initialSubscriptionMonths` from the order.', zh: '请根据订单填写 `initialSubscriptionMonths`。' },
    },
  },
  check(ctx) {
    return ctx.filing.instances.flatMap((i): RawFinding[] => {
      const min = eligibility(i.product)?.minInitialSubscriptionMonths;
      if (!min) return [];
      const months = i.initialSubscriptionMonths;
      const status = months === undefined ? 'unknown' : months >= min ? 'pass' : 'fail';
      return [{ rule: 'instance/initial-subscription', status, path: `${i.path}.initialSubscriptionMonths`, args: Object.assign(base(i), { months, min }) }];
    });
  },
});

export const orderAmount = defineRule({
  id: 'instance/order-amount',
  source: TABLE,
  quote: 'The order must be 99 RMB or more.',
  title: { en: 'A Marketplace website building order is 99 CNY or more', zh: '云市场建站订单金额不低于 99 元' },
  explain: {
    en: 'Marketplace website building instances carry a filing only when the order was 99 CNY or more.',
    zh: '云市场建站实例的订单金额须不低于 99 元方可备案。',
  },
  messages: {
    pass: { message: { en: 'The order of instance {id} is {amount} CNY.', zh: '实例 {id} 的订单金额为 {amount} 元。' } },
    fail: {
      message: { en: 'The order of instance {id} is {amount} CNY; at least {min} CNY is needed.', zh: '实例 {id} 的订单金额为 {amount} 元，至少需要 {min} 元。' },
      fix: { en: 'Use a website building order of at least {min} CNY.', zh: '请使用金额不低于 {min} 元的建站订单。' },
    },
    unknown: {
      message: { en: 'The order amount of instance {id} is not declared; at least {min} CNY is needed.', zh: '未声明实例 {id} 的订单金额，至少需要 {min} 元。' },
      fix: { en: 'Set `orderAmountCny` from the order.', zh: '请根据订单填写 `orderAmountCny`。' },
    },
  },
  check(ctx) {
    return ctx.filing.instances.flatMap((i): RawFinding[] => {
      const min = eligibility(i.product)?.minOrderCny;
      if (!min) return [];
      const amount = i.orderAmountCny;
      const status = amount === undefined ? 'unknown' : amount >= min ? 'pass' : 'fail';
      return [{ rule: 'instance/order-amount', status, path: `${i.path}.orderAmountCny`, args: Object.assign(base(i), { amount, min }) }];
    });
  },
});

export const publicBandwidth = defineRule({
  id: 'instance/public-bandwidth',
  source: TABLE,
  quote: 'You must purchase a public network bandwidth.',
  title: { en: 'The ECS instance has public bandwidth', zh: 'ECS 实例已购买公网带宽' },
  explain: {
    en: 'An ECS instance needs public network bandwidth (more than 0 Mbps, or an EIP) to get a service number.',
    zh: 'ECS 实例须购买公网带宽（大于 0 Mbps，或绑定弹性公网 IP）才能申请备案服务号。',
  },
  messages: {
    pass: { message: { en: 'Instance {id} has {mbps} Mbps of public bandwidth.', zh: '实例 {id} 的公网带宽为 {mbps} Mbps。' } },
    fail: {
      message: { en: 'Instance {id} has no public bandwidth (0 Mbps).', zh: '实例 {id} 没有公网带宽（0 Mbps）。' },
      fix: { en: 'Add public bandwidth to the instance (or bind an EIP).', zh: '请为实例升级公网带宽（或绑定弹性公网 IP）。' },
    },
    unknown: {
      message: { en: 'The public bandwidth of instance {id} is not declared.', zh: '未声明实例 {id} 的公网带宽。' },
      fix: { en: 'Set `publicBandwidthMbps` from the console: it must be more than 0.', zh: '请根据控制台填写 `publicBandwidthMbps`，须大于 0。' },
    },
  },
  check(ctx) {
    return ctx.filing.instances.flatMap((i): RawFinding[] => {
      if (!eligibility(i.product)?.publicBandwidthRequired) return [];
      const mbps = i.publicBandwidthMbps;
      const status = mbps === undefined ? 'unknown' : mbps > 0 ? 'pass' : 'fail';
      return [{ rule: 'instance/public-bandwidth', status, path: `${i.path}.publicBandwidthMbps`, args: Object.assign(base(i), { mbps }) }];
    });
  },
});

export const runningWithPublicIp = defineRule({
  id: 'instance/running-with-public-ip',
  source: 'Alibaba Cloud ProductBindBsn API; Alibaba Cloud help ICP filing "Limits"',
  title: { en: 'The instance is running and has a public IP address', zh: '实例运行中且有公网 IP' },
  explain: {
    en: 'Only a running instance with a public IP address gets a service number. Checked when the state or the address is known: always for instances read from DescribeInstances, and for declared ones that give `status` or `publicIp`.',
    zh: '只有运行中且有公网 IP 的实例才能获得备案服务号。在已知状态或地址时检查：从 DescribeInstances 导入的实例总会检查，手工声明的实例在填写了 `status` 或 `publicIp` 时检查。',
  },
  messages: {
    pass: { message: { en: 'Instance {id} is running with public IP {ip}.', zh: '实例 {id} 运行中，公网 IP 为 {ip}。' } },
    'not-running': {
      message: {
        en: 'Instance {id} is {state}, not Running: a stopped instance gets no service number.',
        zh: '实例 {id} 的状态为 {state}，不是运行中：停止的实例无法获得备案服务号。',
      },
      fix: { en: 'Start the instance before applying for the service number.', zh: '请先启动实例，再申请备案服务号。' },
    },
    'no-public-ip': {
      message: { en: 'Instance {id} has no public IP address: it gets no service number.', zh: '实例 {id} 没有公网 IP：无法获得备案服务号。' },
      fix: { en: 'Assign a public IP or bind an EIP to the instance.', zh: '请为实例分配公网 IP 或绑定弹性公网 IP。' },
    },
  },
  check(ctx) {
    const { running } = loadInstanceEligibility();
    const out: RawFinding[] = [];
    for (const i of ctx.filing.instances) {
      const knowsState = i.status !== undefined;
      const knowsIp = i.importedFrom !== undefined || i.publicIp !== undefined;
      if (!knowsState && !knowsIp) continue;
      let failed = false;
      if (knowsState && i.status !== running.requiredStatus) {
        out.push({ rule: 'instance/running-with-public-ip', status: 'fail', path: `${i.path}.status`, key: 'not-running', args: Object.assign(base(i), { state: i.status }) });
        failed = true;
      }
      if (running.publicIpRequired && knowsIp && !i.publicIp) {
        out.push({ rule: 'instance/running-with-public-ip', status: 'fail', path: `${i.path}.publicIp`, key: 'no-public-ip', args: base(i) });
        failed = true;
      }
      if (!failed && knowsState && i.publicIp)
        out.push({ rule: 'instance/running-with-public-ip', status: 'pass', path: i.path, args: Object.assign(base(i), { ip: i.publicIp }) });
    }
    return out;
  },
});

export const serviceNumberQuota = defineRule({
  id: 'instance/service-number-quota',
  source: `${TABLE}; before §4.2`,
  quote:
    'If you have used the service identification number before, you cannot reuse it to apply for another ICP filing. After you cancel an ICP filing or remove a service provider from the registration information, the service identification number is still considered used.',
  title: { en: 'The instance has a service number left for each website', zh: '实例剩余的备案服务号足够每个网站使用' },
  explain: {
    en: 'Each website needs its own service number, and each product has a fixed number of them (5 per ECS, Web Hosting, Simple Application Server and ENS instance; 5 per account for Elastic Web Hosting; 2 for NAT Gateway and IPv6 Translation; 1 for Marketplace website building). A used number is never given back, even after a cancellation, so numbers already used plus one per website assigned here must not exceed the quota. Declare the used ones with `serviceNumbersUsed` (ICP No. Management page).',
    zh: '每个网站需要一个备案服务号，各产品的备案服务号数量固定（ECS、虚拟主机、轻量应用服务器和 ENS 每实例 5 个；弹性 Web 托管每账号 5 个；NAT 网关和 IPv6 转换服务 2 个；云市场建站 1 个）。已使用的备案服务号即使注销备案也不会释放，因此已用数量加上本次分配到该实例的网站数不得超过上限。请用 `serviceNumbersUsed` 声明已用数量（见备案服务号管理页面）。',
  },
  messages: {
    pass: {
      message: {
        en: '{scope}: {used} service {used|number|numbers} used + {websites} {websites|website|websites} here = {total} of {quota}.',
        zh: '{scope}：已用 {used} 个备案服务号 + 本次 {websites} 个网站 = {total}，上限 {quota} 个。',
      },
    },
    over: {
      message: {
        en: '{scope}: {used} service {used|number|numbers} used + {websites} {websites|website|websites} here = {total}, more than the quota of {quota} for this product ({product}).',
        zh: '{scope}：已用 {used} 个备案服务号 + 本次 {websites} 个网站 = {total}，超过{product}的上限 {quota} 个。',
      },
      fix: {
        en: 'Move {excess} {excess|website|websites} to another instance; used numbers are never returned and renewing does not raise the limit.',
        zh: '请将 {excess} 个网站改用其他实例；已用备案服务号不会释放，续费也不会提高上限。',
      },
    },
    'used-unknown': {
      message: {
        en: '{scope}: {websites} {websites|website|websites} here of a quota of {quota}, but the service numbers already used are not declared.',
        zh: '{scope}：本次 {websites} 个网站，上限 {quota} 个，但未声明已使用的备案服务号数量。',
      },
      fix: {
        en: 'Look up the used numbers on the ICP No. Management page and set `serviceNumbersUsed` (used numbers count even after a cancellation).',
        zh: '请在备案服务号管理页面查看已用数量并填写 `serviceNumbersUsed`（注销后的备案服务号仍计为已用）。',
      },
    },
  },
  check(ctx) {
    const byInstance = websitesByInstance(ctx);
    const out: RawFinding[] = [];
    const judge = (group: FilingInstance[], scope: PhraseArg, at: string, quota: number) => {
      const websites = new Set(group.flatMap((i) => byInstance.get(i.id) ?? [])).size;
      if (websites === 0) return;
      const unknownUsed = group.some((i) => i.serviceNumbersUsed === undefined);
      const used = group.reduce((n, i) => n + (i.serviceNumbersUsed ?? 0), 0);
      const total = used + websites;
      const args = Object.assign(base(group[0]!), { scope, used, websites, total, quota, excess: total - quota });
      if (total > quota) out.push({ rule: 'instance/service-number-quota', status: 'fail', path: at, key: 'over', args });
      else if (unknownUsed) out.push({ rule: 'instance/service-number-quota', status: 'unknown', path: at, key: 'used-unknown', args });
      else out.push({ rule: 'instance/service-number-quota', status: 'pass', path: at, args });
    };
    const accountGroups = new Map<string, FilingInstance[]>();
    const seen = new Set<string>();
    for (const i of ctx.filing.instances) {
      const e = eligibility(i.product);
      if (!e) continue;
      if (e.quotaScope === 'account') {
        accountGroups.set(i.product, [...(accountGroups.get(i.product) ?? []), i]);
        continue;
      }
      // The same id listed twice is one instance with one quota.
      if (seen.has(i.id)) continue;
      seen.add(i.id);
      judge([i], { phrase: 'instance.one', args: { id: i.id } }, `${i.path}.serviceNumbersUsed`, e.serviceNumbers);
    }
    for (const [product, group] of accountGroups) {
      const unique = group.filter((i, n) => group.findIndex((g) => g.id === i.id) === n);
      const ids = unique.map((i) => i.id).join(', ');
      judge(
        unique,
        { phrase: 'instance.account', args: { product: { name: 'product', value: product }, ids } },
        `${unique[0]!.path}.serviceNumbersUsed`,
        eligibility(product)!.serviceNumbers,
      );
    }
    return out;
  },
});

export const unknownInstance = defineRule({
  id: 'instance/unknown-instance',
  source: 'before §4.2',
  title: { en: 'Every instance a website names is listed under instances', zh: '网站引用的实例均已在 `instances` 中列出' },
  explain: {
    en: "A website's `instances` lists ids of `instances[]` entries (declared, or read from a DescribeInstances file). An id that is not there cannot be checked and is probably a typo.",
    zh: '网站的 `instances` 列出的是 `instances[]` 中实例的 ID（手工声明或从 DescribeInstances 文件导入）。找不到的 ID 无法检查，可能是笔误。',
  },
  messages: {
    fail: {
      message: { en: 'Website "{website}" names instance {id}, which is not among the instances.', zh: '网站“{website}”引用的实例 {id} 不在 `instances` 中。' },
      fix: {
        en: 'Add instance {id} under `instances` (or import it with describeInstances), or correct the id.',
        zh: '请在 `instances` 中添加实例 {id}（或通过 describeInstances 导入），或更正 ID。',
      },
    },
  },
  check(ctx) {
    const ids = new Set(ctx.filing.instances.map((i) => i.id));
    return ctx.filing.websites.flatMap((w) =>
      w.instances.flatMap((id, j): RawFinding[] =>
        ids.has(id) ? [] : [{ rule: 'instance/unknown-instance', status: 'fail', path: `${w.path}.instances[${j}]`, args: { id, website: w.name } }],
      ),
    );
  },
});

export const websiteWithoutInstance = defineRule({
  id: 'instance/website-without-instance',
  source: 'before §4.2',
  quote: 'Before you apply for an ICP filing in the Alibaba Cloud ICP Filing system, you must obtain a service identification number for each website.',
  title: { en: 'Every website is assigned an instance', zh: '每个网站都已指定实例' },
  explain: {
    en: 'Each website needs a service number of an Alibaba Cloud instance; a website with no instance cannot be filed through Alibaba Cloud.',
    zh: '每个网站都需要阿里云实例的备案服务号；未指定实例的网站无法通过阿里云备案。',
  },
  messages: {
    fail: {
      message: { en: 'Website "{website}" has no instance.', zh: '网站“{website}”未指定实例。' },
      fix: { en: "List the id of the instance that hosts it under the website's `instances`.", zh: '请在网站的 `instances` 中填写托管它的实例 ID。' },
    },
  },
  check(ctx) {
    return ctx.filing.websites.flatMap((w): RawFinding[] =>
      w.instances.length === 0 ? [{ rule: 'instance/website-without-instance', status: 'fail', path: `${w.path}.instances`, args: { website: w.name } }] : [],
    );
  },
});

export const unusedInstance = defineRule({
  id: 'instance/unused-instance',
  source: 'before §4.2',
  title: { en: 'Every listed instance hosts a website', zh: '列出的实例均用于某个网站' },
  explain: {
    en: "An instance no website names is not part of the filing; it is listed for information (a typo in a website's `instances` shows up here too).",
    zh: '没有网站引用的实例不参与本次备案，此处仅作提示（网站 `instances` 中的笔误也会在此体现）。',
  },
  messages: {
    info: { message: { en: 'No website uses instance {id}.', zh: '没有网站使用实例 {id}。' } },
  },
  check(ctx) {
    const used = websitesByInstance(ctx);
    const seen = new Set<string>();
    return ctx.filing.instances.flatMap((i): RawFinding[] => {
      if (used.has(i.id) || seen.has(i.id)) return [];
      seen.add(i.id);
      return [{ rule: 'instance/unused-instance', status: 'info', path: i.path, args: base(i) }];
    });
  },
});

export const duplicateInstance = defineRule({
  id: 'instance/duplicate-instance',
  source: 'before §4.2',
  title: { en: 'Each instance is listed once', zh: '每个实例只列出一次' },
  explain: {
    en: 'The same instance id appears twice (declared and imported, or in two files); its figures may disagree, and its quota is counted once.',
    zh: '同一实例 ID 出现了两次（手工声明与导入重复，或出现在两个文件中）；其数据可能不一致，备案服务号上限只计算一次。',
  },
  messages: {
    warn: {
      message: { en: 'Instance {id} is listed at {first} and again at {again}.', zh: '实例 {id} 在 {first} 和 {again} 重复列出。' },
      fix: { en: 'Keep one entry for the instance.', zh: '请只保留一个该实例的条目。' },
    },
  },
  check(ctx) {
    const first = new Map<string, FilingInstance>();
    const out: RawFinding[] = [];
    for (const i of ctx.filing.instances) {
      const f = first.get(i.id);
      if (f) out.push({ rule: 'instance/duplicate-instance', status: 'warn', path: i.path, args: { id: i.id, first: f.path, again: i.path } });
      else first.set(i.id, i);
    }
    return out;
  },
});

/** Words for the findings fact gathering makes about DescribeInstances files (src/facts/instances.ts). */
export const describeInstancesFile = defineRule({
  id: IMPORT_RULE,
  source: 'Alibaba Cloud ECS API: DescribeInstances',
  title: { en: 'A DescribeInstances file can be read', zh: 'DescribeInstances 文件可以读取' },
  explain: {
    en: 'An `instances[]` entry `{ describeInstances: file.json }` reads the saved output of `aliyun ecs DescribeInstances` (Instances.Instance[]: InstanceId, RegionId, InstanceChargeType, ExpiredTime, InternetMaxBandwidthOut, Status, public and EIP addresses). `serviceNumbersUsed` maps instance ids to the numbers already used.',
    zh: '`instances[]` 中的 `{ describeInstances: file.json }` 读取 `aliyun ecs DescribeInstances` 保存的输出（`Instances.Instance[]`：`InstanceId`、`RegionId`、`InstanceChargeType`、`ExpiredTime`、`InternetMaxBandwidthOut`、`Status`、公网及弹性公网地址）。`serviceNumbersUsed` 按实例 ID 给出已用备案服务号数量。',
  },
  messages: {
    imported: { message: { en: 'Read {count} {count|instance|instances} from {file}.', zh: '已从 {file} 读取 {count} 个实例。' } },
    'outside-manifest-folder': {
      message: { en: "The DescribeInstances file {file} lies outside the manifest's folder.", zh: 'DescribeInstances 文件 {file} 位于备案资料文件所在文件夹之外。' },
      fix: { en: 'Keep the saved answer beside the manifest, so that the manifest reads only its own files.', zh: '请将保存的输出放在备案资料文件旁边，使其只读取自己的文件。' },
    },
    missing: {
      message: { en: 'The DescribeInstances file {file} does not exist.', zh: 'DescribeInstances 文件 {file} 不存在。' },
      fix: {
        en: 'Save it with `aliyun ecs DescribeInstances --RegionId <region> > {file}` (the path is relative to the manifest).',
        zh: '请用 `aliyun ecs DescribeInstances --RegionId <地域> > {file}` 保存（路径相对于备案资料文件）。',
      },
    },
    'not-a-file': {
      message: { en: '{file} is not a regular file.', zh: '{file} 不是普通文件。' },
      fix: { en: 'Point describeInstances at the saved JSON file.', zh: '请将 describeInstances 指向保存的 JSON 文件。' },
    },
    'too-large': {
      message: {
        en: '{file} is {size} {size|byte|bytes}, more than the {max} a DescribeInstances answer can be.',
        zh: '{file} 大小为 {size} 字节，超过 DescribeInstances 输出的上限 {max} 字节。',
      },
      fix: { en: 'Save one DescribeInstances answer (use --InstanceIds to narrow it).', zh: '请只保存一次 DescribeInstances 的输出（可用 --InstanceIds 缩小范围）。' },
    },
    unreadable: {
      message: { en: '{file} cannot be read ({error}).', zh: '无法读取 {file}（{error}）。' },
      fix: { en: "Check the file's permissions.", zh: '请检查文件权限。' },
    },
    'invalid-json': {
      message: { en: '{file} is not valid JSON: {error}', zh: '{file} 不是有效的 JSON：{error}' },
      fix: { en: 'Save the output of `aliyun ecs DescribeInstances` as it is.', zh: '请原样保存 `aliyun ecs DescribeInstances` 的输出。' },
    },
    'not-describe-instances': {
      message: {
        en: '{file} is JSON but not a DescribeInstances answer (no Instances.Instance list).',
        zh: '{file} 是 JSON，但不是 DescribeInstances 的输出（没有 Instances.Instance 列表）。',
      },
      fix: { en: 'Save the output of `aliyun ecs DescribeInstances`.', zh: '请保存 `aliyun ecs DescribeInstances` 的输出。' },
    },
    'bad-instance': {
      message: { en: 'Instance number {item} in {file} is not usable: {field} {error}.', zh: '{file} 中第 {item} 个实例无法使用：{field} {error}。' },
      fix: { en: 'Save the output of `aliyun ecs DescribeInstances` unedited.', zh: '请保存未经修改的 `aliyun ecs DescribeInstances` 输出。' },
    },
    'bad-expiry': {
      message: { en: 'The ExpiredTime of instance {id} in {file} ({value}) is not a date.', zh: '{file} 中实例 {id} 的 `ExpiredTime`（{value}）不是有效日期。' },
      fix: {
        en: 'Check the expiry date in the ECS console and save DescribeInstances again unedited.',
        zh: '请在 ECS 控制台核对到期时间，并重新保存未经修改的 DescribeInstances 输出。',
      },
    },
    empty: {
      message: { en: '{file} lists no instances.', zh: '{file} 中没有实例。' },
      fix: { en: 'Query the region of the instance (--RegionId) with an account that can see it.', zh: '请用能看到该实例的账号查询其所在地域（--RegionId）。' },
    },
    'unknown-used-id': {
      message: { en: 'serviceNumbersUsed names {id}, which is not in {file}.', zh: 'serviceNumbersUsed 中的 {id} 不在 {file} 中。' },
      fix: { en: 'Correct the instance id.', zh: '请更正实例 ID。' },
    },
  },
  check() {
    return [];
  },
});

export const instanceRules: CodeRule[] = [
  mainlandRegion,
  supportedProduct,
  subscriptionBilling,
  remainingTerm,
  initialSubscription,
  orderAmount,
  publicBandwidth,
  runningWithPublicIp,
  serviceNumberQuota,
  unknownInstance,
  websiteWithoutInstance,
  unusedInstance,
  duplicateInstance,
  describeInstancesFile,
];
