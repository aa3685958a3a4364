/**
 * Errata anchors: a defect's line found by its content, so an erratum survives edits elsewhere in the
 * page (as the lint baseline's fingerprints do). Pure.
 */

/** Whitespace collapsed and trimmed: tabs and column padding in tables do not matter. */
export function normaliseLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The 1-based line whose text equals `anchor.text` (whitespace collapsed), under the heading `under`
 * (the nearest heading above it, case-insensitive) when given. Exactly one line must match.
 */
export function locateAnchor(lines: readonly string[], anchor: { text: string; under?: string }): { line: number } | { problem: string } {
  const text = normaliseLine(anchor.text);
  const under = anchor.under === undefined ? undefined : normaliseLine(anchor.under).toLowerCase();
  const matches: number[] = [];
  let heading: string | undefined;
  let fence: string | undefined;
  lines.forEach((raw, i) => {
    const fenceMark = FENCE.exec(raw)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) fence = fence ? undefined : fenceMark.slice(0, 3);
    else if (!fence) {
      const h = HEADING.exec(raw);
      if (h) heading = normaliseLine(h[2]).toLowerCase();
    }
    if (normaliseLine(raw) === text && (under === undefined || heading === under)) matches.push(i + 1);
  });
  const where = anchor.under ? ` under "${anchor.under}"` : '';
  if (matches.length === 1) return { line: matches[0] };
  if (matches.length === 0) return { problem: `its anchor "${clip(text)}"${where} is no longer in the page` };
  return { problem: `its anchor "${clip(text)}"${where} matches lines ${matches.join(', ')}: add or narrow "under"` };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
