/**
 * The one markdown-it instance and small helpers over its tokens and cell text.
 * Every page is tokenised exactly once (see page.ts); everything else works on those tokens
 * and on the source lines their `.map` points at. Inline children exist only where a link can be.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { table } from './table-rule.js';

export type { Token };

/**
 * Default preset: tables on; html so that annotation comments become html_block tokens. Emphasis and
 * strikethrough are off: we read inline tokens only for links and keep cell/prose text as written, and
 * emphasis delimiter balancing is a large share of markdown-it's time on 9,000 pages.
 */
const md = new MarkdownIt({ html: true }).disable(['emphasis', 'strikethrough']);

/**
 * markdown-it's own Token class is compiled with a defineProperty helper per field (a key conversion and
 * a typeof check for each of 13 fields of each token): a fifth of its time on the corpus. This one has
 * the same fields, in the same order, and the same methods, set plainly. Block and inline states push it.
 */
class PlainToken implements Token {
  map: [number, number] | null = null;
  level = 0;
  children: Token[] | null = null;
  content = '';
  markup = '';
  info = '';
  block = false;
  hidden = false;
  type: string;
  tag: string;
  attrs: Token['attrs'] = null;
  nesting: Token['nesting'];
  meta: Token['meta'] = null;

  constructor(type: string, tag: string, nesting: Token['nesting']) {
    this.type = type;
    this.tag = tag;
    this.nesting = nesting;
  }

  attrIndex(name: string): number {
    const attrs = this.attrs;
    if (!attrs) return -1;
    for (let i = 0; i < attrs.length; i++) if (attrs[i][0] === name) return i;
    return -1;
  }

  attrPush(attrData: [string, string]): void {
    if (this.attrs) this.attrs.push(attrData);
    else this.attrs = [attrData];
  }

  attrSet(name: string, value: string): void {
    const idx = this.attrIndex(name);
    if (idx < 0) this.attrPush([name, value]);
    else (this.attrs as Array<[string, string]>)[idx] = [name, value];
  }

  attrGet(name: string): string | null {
    const idx = this.attrIndex(name);
    return idx >= 0 ? (this.attrs as Array<[string, string]>)[idx][1] : null;
  }

  attrJoin(name: string, value: string): void {
    const idx = this.attrIndex(name);
    if (idx < 0) this.attrPush([name, value]);
    else {
      const attr = (this.attrs as Array<[string, string]>)[idx];
      attr[1] = `${attr[1]} ${value}`;
    }
  }
}

/**
 * StateBlock with its five per-line arrays made at their final size (markdown-it grows them a push at a
 * time: ~100 MB of copies for the corpus's 1.4M lines, a tenth of the parse's allocation), and push with
 * PlainToken. The lines are found the same way, so the arrays hold the same numbers.
 */
export class BlockState extends md.block.State {
  constructor(...[src, mdInstance, env, tokens]: ConstructorParameters<typeof md.block.State>) {
    // markdown-it's own constructor measures the lines of an empty source (one sentinel line); then they
    // are measured here.
    super('', mdInstance, env, tokens);
    this.src = src;
    let lines = 1;
    for (let at = src.indexOf('\n'); at >= 0; at = src.indexOf('\n', at + 1)) lines++;
    // A final newline ends the last line rather than starting one; the extra entry is the sentinel line.
    if (src.length === 0 || src.charCodeAt(src.length - 1) === 10) lines--;
    const bMarks: number[] = new Array(lines + 1);
    const eMarks: number[] = new Array(lines + 1);
    const tShift: number[] = new Array(lines + 1);
    const sCount: number[] = new Array(lines + 1);
    const bsCount: number[] = new Array(lines + 1);
    let line = 0;
    for (let start = 0, pos = 0, indent = 0, offset = 0, len = src.length, indentFound = false; pos < len; pos++) {
      const ch = src.charCodeAt(pos);
      if (!indentFound) {
        if (ch === 0x20 || ch === 0x09) {
          indent++;
          if (ch === 0x09) offset += 4 - (offset % 4);
          else offset++;
          continue;
        } else indentFound = true;
      }
      if (ch === 0x0a || pos === len - 1) {
        if (ch !== 0x0a) pos++;
        bMarks[line] = start;
        eMarks[line] = pos;
        tShift[line] = indent;
        sCount[line] = offset;
        bsCount[line] = 0;
        line++;
        indentFound = false;
        indent = 0;
        offset = 0;
        start = pos + 1;
      }
    }
    bMarks[line] = src.length;
    eMarks[line] = src.length;
    tShift[line] = 0;
    sCount[line] = 0;
    bsCount[line] = 0;
    // A last line of only spaces and no newline is never ended (markdown-it's loop skips it the same way).
    if (bMarks.length > line + 1) for (const marks of [bMarks, eMarks, tShift, sCount, bsCount]) marks.length = line + 1;
    this.bMarks = bMarks;
    this.eMarks = eMarks;
    this.tShift = tShift;
    this.sCount = sCount;
    this.bsCount = bsCount;
    this.lineMax = line;
  }

  override push(type: string, tag: string, nesting: Token['nesting']): Token {
    const token = new PlainToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}

/** StateInline.pushPending and push, with PlainToken. */
class InlineState extends md.inline.State {
  override pushPending(): Token {
    const token = new PlainToken('text', '', 0);
    token.content = this.pending;
    token.level = this.pendingLevel;
    this.tokens.push(token);
    this.pending = '';
    return token;
  }

  override push(type: string, tag: string, nesting: Token['nesting']): Token {
    if (this.pending) this.pushPending();
    const token = new PlainToken(type, tag, nesting);
    let meta: { delimiters: InlineState['delimiters'] } | undefined;
    if (nesting < 0) {
      this.level--;
      this.delimiters = this._prev_delimiters.pop() as InlineState['delimiters'];
    }
    token.level = this.level;
    if (nesting > 0) {
      this.level++;
      this._prev_delimiters.push(this.delimiters);
      this.delimiters = [];
      meta = { delimiters: this.delimiters };
    }
    this.pendingLevel = this.level;
    this.tokens.push(token);
    this.tokens_meta.push(meta);
    return token;
  }
}

/**
 * markdown-it's normalize rule, without its copies: String.replace made a new string of every page even
 * when there was no `\r` or NUL to replace (~40 MB of garbage on the corpus). Same result.
 */
md.core.ruler.at('normalize', (state) => {
  let src = state.src;
  if (src.includes('\r')) src = src.replace(/\r\n?/g, '\n');
  if (src.includes('\0')) src = src.replace(/\0/g, '\uFFFD');
  state.src = src;
});

md.block.State = BlockState;
md.inline.State = InlineState;
md.block.ruler.at('table', table);
// First of all block rules, at the top of the page only: the lines tokenise was told to skip make no token.
md.block.ruler.before('table', 'skip_lines', (state, startLine) => {
  const skip = (state.env as TokeniseEnv)[SKIP_LINES];
  if (startLine !== 0 || typeof skip !== 'number' || skip <= 0) return false;
  state.line = Math.min(skip, state.lineMax);
  return true;
});

/**
 * A link target made only of letters, digits and `. _ ~ / # -` (and not `//host`) is one that
 * markdown-it's normalizeLink (URL parse, punycode, percent-encoding, format) gives back unchanged: it
 * is returned as it is. On the corpus that is 119k of 124k targets (all checked equal), and the parse
 * and encode were a tenth of markdown-it's inline time.
 */
const PLAIN_TARGET = /^[A-Za-z0-9._~/#-]*$/;
const normalizeLink = md.normalizeLink.bind(md);
md.normalizeLink = (url: string): string => (PLAIN_TARGET.test(url) && !url.startsWith('//') ? url : normalizeLink(url));

/**
 * Inline content is parsed only where it can hold a link. Facts are read from block tokens and source
 * lines; an inline token's children are read only for links (links.ts), and every link, inline or by
 * reference, starts with `[`. The rest keeps `children: []`. Inline parsing was half of markdown-it's
 * time on the corpus, and most of its tokens (garbage right after). A caller that reads no links (the
 * build) has none parsed (tokenise's `links: false`).
 */
md.core.ruler.at('inline', (state) => {
  if ((state.env as TokeniseEnv)[NO_LINKS]) return;
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.content.includes('[')) state.md.inline.parse(token.content, state.md, state.env, token.children ?? (token.children = []));
  }
});

/** Link reference definitions (`[identitySet]: ../resources/identityset.md`), keyed by normalised label. */
export type LinkReferences = Record<string, { href: string; title?: string }>;

export interface Tokenised {
  tokens: Token[];
  references: LinkReferences;
}

/** Set in the env when the caller reads no links: no inline token is parsed at all. */
const NO_LINKS = Symbol('no links');
/** Set in the env to the number of lines at the top of the text that are not markdown (front matter). */
const SKIP_LINES = Symbol('skip lines');
type TokeniseEnv = Record<string | symbol, unknown>;

/**
 * `links: false`: inline tokens keep `children: []` (they are read only for links). `skipLines`: the
 * first lines make no tokens (the front matter), and the rest keep their line numbers.
 */
export function tokenise(text: string, options: { links?: boolean; skipLines?: number } = {}): Tokenised {
  const env: TokeniseEnv = {};
  if (options.links === false) env[NO_LINKS] = true;
  if (options.skipLines) env[SKIP_LINES] = options.skipLines;
  const tokens = md.parse(text, env);
  return { tokens, references: (env.references as LinkReferences | undefined) ?? {} };
}

/** Looks up a reference-style link label the way markdown-it does (case- and space-insensitive). */
export function lookupReference(references: LinkReferences, label: string): string | undefined {
  return references[md.utils.normalizeReference(label)]?.href;
}

const ENTITY = /&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g;

/** Decodes HTML entities (`&lt;` → `<`) and nothing else: markdown escapes are kept. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (entity) => md.utils.unescapeAll(entity));
}

/**
 * Plain text of a bit of markdown: links → their text, code spans/emphasis markers and HTML tags
 * removed, `<br>` → space, entities decoded. For names and prose matching, not for display.
 */
const MARKUP = /[`*_<[&\\\t\n\r]|\s\s|^\s|\s$/;

export function stripMarkdown(text: string): string {
  if (!MARKUP.test(text)) return text;
  let out = text;
  if (out.includes('<')) out = out.replace(/<br\s*\/?>/gi, ' ').replace(/<\/?[A-Za-z][^>]*>/g, ' ');
  if (out.includes('[')) out = out.replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?/g, '$1');
  out = out.replace(/[`*]+/g, '').replace(/(^|\s)_+|_+(\s|$)/g, '$1$2').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
  return decodeEntities(out).replace(/\s+/g, ' ').trim();
}

/** Text of an inline token (its raw source). */
export function inlineText(tokens: Token[], index: number): string {
  const t = tokens[index];
  return t && t.type === 'inline' ? t.content : '';
}

/** A link target as written (markdown-it percent-encodes hrefs; this undoes it for display and resolution). */
export function linkTargetAsWritten(href: string): string {
  if (!href.includes('%')) return href;
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
