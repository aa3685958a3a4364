import { expect } from 'chai';
import { isDocTarget } from '../../src/parse/links.js';
import { tokenise } from '../../src/parse/markdown.js';
import { apiPage, md } from './helpers.js';

describe('parse/links: links to docs pages', () => {
  const ctx = {
    resolveLink: (_from: string, target: string) =>
      target === '../resources/user.md' ? { resolved: 'docs/resources/user.md' } : target === '../resources/User.md' ? { resolved: 'docs/resources/user.md', caseMismatch: true } : {},
  };

  it('links in paragraphs, tables and reference definitions, each at its own line', () => {
    const page = apiPage(md(
      '# T', 'First line', 'second line with [user](../resources/user.md#props).', '',
      '|Property|Type|Description|', '|--|--|--|', '|a|[User](../resources/User.md)|x|', '', 'See [user][].', '', '[user]: ../resources/user.md'), ctx);
    expect(page.links.map((l) => [l.text, l.target, l.line, l.resolved, l.caseMismatch ?? false])).to.deep.equal([
      ['user', '../resources/user.md#props', 3, 'docs/resources/user.md', false],
      ['User', '../resources/User.md', 7, 'docs/resources/user.md', true],
      ['user', '../resources/user.md', 9, 'docs/resources/user.md', false],
    ]);
  });

  it('a broken link is kept with no resolution', () => {
    const page = apiPage(md('# T', '[gone](../resources/intune_onboarding_sideloadingkey.md)'), ctx);
    expect(page.links).to.have.length(1);
    expect(page.links[0]).to.not.have.property('resolved');
  });

  it('web links, anchors and images of non-md files are not doc links', () => {
    expect(isDocTarget('../resources/user.md')).to.equal(true);
    expect(isDocTarget('user.md?view=beta')).to.equal(true);
    expect(isDocTarget('https://example.com/user.md')).to.equal(false);
    expect(isDocTarget('#permissions')).to.equal(false);
    expect(isDocTarget('/graph/permissions-reference')).to.equal(false);
    const page = apiPage(md('# T', '[web](https://docs.microsoft.com/x) and [anchor](#x) and `[code](a.md)`'), ctx);
    expect(page.links).to.deep.equal([]);
  });

  it('inline content is parsed only where a link can start, and every link is still found, where it is', () => {
    const text = md(
      '# Get [user](../resources/user.md)', 'Plain prose with no link at all,', 'over two lines.', '',
      '- an item', '- an item with a [user](../resources/user.md)', '',
      'Not links: `[code](a.md)`, \\[escaped](b.md), ![image](c.md).', 'But on the next line a [user](../resources/user.md', ').');
    const page = apiPage(text, ctx);
    expect(page.links.map((l) => [l.text, l.line])).to.deep.equal([['user', 1], ['user', 6], ['user', 9]]);
    const { tokens } = tokenise(text);
    const inline = tokens.filter((t) => t.type === 'inline');
    expect(inline.filter((t) => !t.content.includes('[')).every((t) => t.children?.length === 0)).to.equal(true);
    expect(inline.filter((t) => t.content.includes('[')).every((t) => (t.children?.length ?? 0) > 0)).to.equal(true);
  });

  it('link targets are normalised as markdown-it does (plain ones kept as written, others encoded, then shown as written)', () => {
    const page = apiPage(md('# T', '[a](../resources/user.md#props) [b](../resources/über.md) [c](../resources/a%20b.md) [d](<../resources/a b.md>) [e](//host/x.md)'));
    expect(page.links.map((l) => l.target)).to.deep.equal(['../resources/user.md#props', '../resources/über.md', '../resources/a b.md', '../resources/a b.md', '//host/x.md']);
    const { tokens } = tokenise(md('[b](../resources/über.md) [c](../Resources/user.md)'));
    expect(tokens[1].children?.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))).to.deep.equal(['../resources/%C3%BCber.md', '../Resources/user.md']);
  });

  it('without a context, links are listed unresolved', () => {
    const page = apiPage(md('# T', '[user](../resources/user.md)'));
    expect(page.links[0]).to.deep.equal({ file: 'docs/api/test-page.md', line: 2, text: 'user', target: '../resources/user.md' });
  });
});
