import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import { BlockState, tokenise } from '../../src/parse/markdown.js';

describe('parse/markdown: tokenise', () => {
  const paragraph = (text: string) => tokenise(text).tokens.find((t) => t.type === 'inline')?.content;

  it('normalises as markdown-it does: CR LF and lone CR become LF, NUL becomes U+FFFD', () => {
    expect(paragraph('a\r\nb\rc')).to.equal('a\nb\nc');
    expect(paragraph('a\0b')).to.equal('a\uFFFDb');
    expect(paragraph('plain\ntext')).to.equal('plain\ntext');
  });

  it('links: false parses no inline token (children stay empty); by default links are parsed', () => {
    const inline = (links?: boolean) => tokenise('See [user](../resources/user.md).', links === undefined ? {} : { links }).tokens.find((t) => t.type === 'inline');
    expect(inline()?.children?.some((c) => c.type === 'link_open')).to.equal(true);
    expect(inline(false)?.children ?? []).to.deep.equal([]);
  });
});

describe('parse/markdown: BlockState', () => {
  const stock = new MarkdownIt();
  const texts = ['', '\n', '\n\n', 'a', 'a\n', 'a\nb', '  a\n\tb\n \t c\n', '# H\n\n| a | b |\n|---|---|\n| 1 | 2 |', '\t\t\n    code\n', 'x\n\n\n', 'a\n  ', '  ', 'a\n\t', '\t'];
  for (const text of texts) {
    it(`measures the lines of ${JSON.stringify(text)} as markdown-it does`, () => {
      const ours = new BlockState(text, stock, {}, []);
      const theirs = new stock.block.State(text, stock, {}, []);
      for (const key of ['bMarks', 'eMarks', 'tShift', 'sCount', 'bsCount', 'lineMax', 'src'] as const) expect(ours[key], key).to.deep.equal(theirs[key]);
    });
  }
});
