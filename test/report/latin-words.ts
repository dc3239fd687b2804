// Latin words in Chinese text, outside what stays as written in any language: rule ids, manifest
// paths and keys, file names, domains, addresses, command-line options, numbers with their units,
// and the acronyms and names of the trade (ICP, WHOIS, ECS ...).
const ALLOWED_WORDS = new Set([
  'ICP',
  'WHOIS',
  'RDAP',
  'UTC',
  'MB',
  'KB',
  'GB',
  'Mbps',
  'px',
  'JPG',
  'JPEG',
  'PNG',
  'GIF',
  'BMP',
  'PDF',
  'ECS',
  'NAT',
  'ENS',
  'IPv',
  'IP',
  'EIP',
  'Web',
  'App',
  'ID',
  'URL',
  'YAML',
  'JSON',
  'DNS',
  'API',
  'CNNIC',
  'SMS',
  'icp-check',
  'punycode',
  'clientHold',
  'serverHold',
  'pendingDelete',
  'redemptionPeriod',
  'UTF',
  'MiB',
  'HEIC',
  'GBK',
  'IANA',
  'GB/T',
  'DescribeInstances',
  'ProductBindBsn',
  'QingCloud',
  'SARIF',
  'JUnit',
  'CI',
]);

/** Text with everything that may stay Latin removed. */
function strip(text: string): string {
  return text
    .replace(/\{[^{}]*\}|<[^<>]*>/g, 'x') // placeholders of a template, <域名> in a path
    .replace(/“[^”]*”/g, ' ') // names and markers quoted as written (a registrar, a WHOIS marker)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\bcn-[a-z0-9-]*/g, ' ') // region ids
    .replace(/`[^`]*`/g, ' ')
    .replace(/\b[a-z][a-z-]*(\/[a-z0-9][a-z0-9-]*)+\b/g, ' ') // rule ids
    .replace(/--[A-Za-z][A-Za-z-]*/g, ' ') // options
    .replace(/\b[a-z][\w-]*: [a-z][\w-]*\b/g, ' ') // key: value as written in the manifest
    .replace(/\b[a-z][\w-]*:(?=\s|$)/g, ' ') // a manifest key with its colon (domains:)
    .replace(/[\w.-]*\.(yaml|yml|jpe?g|png|gif|bmp|pdf|json|xml)\b/gi, ' ') // file names
    .replace(/\b[\w$-]+(\[[^\]]*\])?(\.[\w-]+(\[[^\]]*\])?)+\.?/g, ' ') // paths, domains, dotted names
    .replace(/\b[\w-]+\[\d*\]/g, ' ') // list paths: websites[0], documents[]
    .replace(/\.[a-z]{2,}\b/g, ' ') // domain suffixes (.cn)
    .replace(/\b[a-z]+(?:-[a-z0-9]+)+\b/g, ' ') // ids and values as written in the manifest (i-missing, id-back)
    .replace(/\b\w*\d\w*\b/g, ' ') // codes and ids with digits (credit codes, instance ids)
    .replace(/\b[a-z]+[A-Z][A-Za-z0-9]*\b/g, ' '); // manifest keys in camelCase
}

export function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const m of strip(text).matchAll(/[A-Za-z][A-Za-z-]*[A-Za-z]|[A-Za-z]/g)) {
    const w = m[0];
    if (ALLOWED_WORDS.has(w) || w.length === 1) continue;
    out.push(w);
  }
  return out;
}
