// The full check of the manifest about to be written, before it is written: the text goes to a
// temporary file beside the target (so image paths resolve as they will), `checkFiling` runs on
// it as `icp-check --offline` would, and the checklist is the pretty format's.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FilingReport, Lang, Report } from '../model.js';
import { checkFiling } from '../check/run.js';
import { ImageInspector } from '../facts/images.js';
import { DomainLookupService } from '../facts/domains/lookup.js';
import { FORMATTERS } from '../report/formats/index.js';
import { ruleIndex } from '../rules/registry.js';
import { RULES_DATE } from '../regulations/index.js';
import { VERSION } from '../version.js';

export interface FinalCheck {
  filing: FilingReport;
  /** The checklist as `icp-check` prints it. */
  checklist: string;
}

export async function checkBeforeWriting(text: string, target: string, label: string, o: { lang: Lang; date: string; color?: boolean }): Promise<FinalCheck> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.check.yaml`);
  // Ctrl-C or a closed terminal during the check leaves no temporary file behind.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(temp);
    } catch {
      // Not there.
    }
    process.exit(signal === 'SIGINT' ? 130 : 129);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const fd = openSync(temp, 'wx', 0o600);
  for (const s of signals) process.once(s, onSignal);
  const domains = new DomainLookupService({ offline: true, useCache: false, timeoutMs: 1000 });
  try {
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    const filing = await checkFiling(temp, { date: o.date, offline: true, approvedSuffixes: [], lang: o.lang, concurrency: 1 }, { images: new ImageInspector(), domains });
    filing.file = label;
    const report: Report = { tool: { name: 'icp-check', version: VERSION, rulesDate: RULES_DATE }, date: o.date, filings: [filing] };
    const checklist = FORMATTERS.pretty(report, { lang: o.lang, rules: ruleIndex(), cwd: process.cwd(), color: o.color ?? false });
    return { filing, checklist };
  } finally {
    for (const s of signals) process.off(s, onSignal);
    await domains.close();
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
}
