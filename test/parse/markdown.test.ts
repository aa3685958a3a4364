import { expect } from 'chai';
import { tokenise } from '../../src/parse/markdown.js';

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
