// The one filing the fault tests check: a Beijing individual whose websites name the domains under test.

/** A manifest with one website per entry: `[name, domain]`. */
export function individualManifest(websites: Array<[name: string, domain: string]>): string {
  const sites = websites.map(([name, domain]) => `  - name: ${name}\n    domains: [${domain}]\n    content: [personal-blog]\n`).join('');
  return `version: 1
province: beijing
entity:
  type: individual
  name: 王小五
  principal:
    name: 王小五
    id:
      type: id-card
      number: "110105200001010024"
      expires: 2035-03-01
    mobile: "13911112222"
websites:
${sites}`;
}
