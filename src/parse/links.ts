/**
 * Links to other docs pages (`.md` targets), from the inline tokens, with their resolution
 * (case-insensitive, `\` separators accepted) through the ParseContext.
 */
import type { DocLink } from '../model/page.js';
import { linkTargetAsWritten } from './markdown.js';
import type { PageSource } from './source.js';

export interface ParseContext {
  /** Resolves a link target relative to the linking file; `resolved` undefined when the page does not exist. */
  resolveLink(fromFile: string, target: string): { resolved?: string; caseMismatch?: boolean };
  /** The text of an include (`[!INCLUDE [x](../includes/y.md)]`) under the docs root, when there is one. */
  readInclude?(fromFile: string, target: string): { file: string; text: string } | undefined;
}

/** Does this href point at a docs page (`x.md`, `x.md#anchor`), not a web URL? */
export function isDocTarget(href: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return false;
  const path = href.split(/[#?]/)[0];
  return /\.md$/i.test(path);
}

/** A link target without its `#anchor` and `?query` (as `target.split('#')[0].split('?')[0]`, without the arrays). */
export function pathOf(target: string): string {
  const hash = target.indexOf('#');
  const beforeHash = hash < 0 ? target : target.slice(0, hash);
  const query = beforeHash.indexOf('?');
  return query < 0 ? beforeHash : beforeHash.slice(0, query);
}

export function readLinks(src: PageSource, ctx: ParseContext | undefined): DocLink[] {
  const links: DocLink[] = [];
  let blockLine = 1;
  for (const t of src.tokens) {
    if (t.map) blockLine = t.map[0] + 1;
    if (t.type !== 'inline' || !t.children) continue;
    let line = blockLine;
    const children = t.children;
    for (let k = 0; k < children.length; k++) {
      const c = children[k];
      if (c.type === 'softbreak' || c.type === 'hardbreak') line++;
      else if (c.type === 'link_open') {
        const href = String(c.attrGet('href') ?? '');
        if (!isDocTarget(href)) continue;
        const target = linkTargetAsWritten(href);
        let text = '';
        for (let j = k + 1; j < children.length && children[j].type !== 'link_close'; j++) text += children[j].content;
        const link: DocLink = { file: src.file, line, text, target };
        if (ctx) {
          const resolution = ctx.resolveLink(src.file, pathOf(target));
          if (resolution.resolved !== undefined) link.resolved = resolution.resolved;
          if (resolution.caseMismatch) link.caseMismatch = true;
        }
        links.push(link);
      }
    }
  }
  return links;
}
