/**
 * Writes every report format into one directory, atomically, after redacting the whole report once at the
 * edge (tokens, proofs, private keys and registered secrets never reach a file).
 */
import { join } from 'node:path';
import { redactText, redactValue } from '../util/redact.js';
import { sortKeys, stableJson, writeFileAtomic } from '../util/fs.js';
import type { VerificationReport } from './model.js';
import { renderJUnit } from './junit.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export interface ReportPaths {
  json: string;
  junit: string;
  html: string;
  markdown: string;
}

export const REPORT_FILES = { json: 'verify.json', junit: 'verify.junit.xml', html: 'verify.html', markdown: 'verify.md' } as const;

export function renderJson(report: VerificationReport): string {
  return stableJson(sortKeys(report));
}

export async function writeReports(dir: string, report: VerificationReport): Promise<ReportPaths> {
  const safe = redactValue(report);
  const paths: ReportPaths = {
    json: join(dir, REPORT_FILES.json),
    junit: join(dir, REPORT_FILES.junit),
    html: join(dir, REPORT_FILES.html),
    markdown: join(dir, REPORT_FILES.markdown),
  };
  // Rendered output is redacted again: a renderer must never be the place a secret slips through.
  await writeFileAtomic(paths.json, redactText(renderJson(safe)));
  await writeFileAtomic(paths.junit, redactText(renderJUnit(safe)));
  await writeFileAtomic(paths.html, redactText(renderHtml(safe)));
  await writeFileAtomic(paths.markdown, redactText(renderMarkdown(safe)));
  return paths;
}
