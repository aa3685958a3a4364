import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import { parseSimpleYaml, splitFrontMatter } from '../../src/parse/front-matter.js';
import { parsePage } from '../../src/parse/page.js';
import { pageSource } from '../../src/parse/source.js';

describe('parse/front-matter', () => {
  it('says how many lines the block takes, closing line included', () => {
    const fm = splitFrontMatter('---\ntitle: x\n---\n# H\n');
    expect(fm).to.include({ line: 1, lines: 3 });
    expect(fm.data).to.deep.equal({ title: 'x' });
    expect(splitFrontMatter('---\ntitle: x\n...').lines).to.equal(3);
  });
  it('no front matter / unclosed front matter: no lines', () => {
    expect(splitFrontMatter('# H\n')).to.deep.equal({ data: {}, lines: 0 });
    expect(splitFrontMatter('---\ntitle: x\n')).to.deep.equal({ data: {}, lines: 0 });
  });
  it('a page: markdown-it skips the front matter, its lines are empty, the rest keep their numbers', () => {
    // A YAML comment would be a heading, and the closing `---` a setext underline of `title: x`.
    const text = '---\n# a YAML comment\ntitle: x\n---\n# H\n\ntext\n';
    const src = pageSource('p.md', text, splitFrontMatter(text).lines, []);
    expect(src.lines).to.deep.equal(['', '', '', '', '# H', '', 'text', '']);
    expect(src.tokens.map((t) => `${t.type}@${t.map?.[0] ?? ''}`)).to.deep.equal(['heading_open@4', 'inline@4', 'heading_close@', 'paragraph_open@6', 'inline@6', 'paragraph_close@']);
    const page = parsePage({ file: 'p.md', text });
    expect(page.h1).to.include({ text: 'H', line: 5 });
    expect(page.headings).to.deep.equal([]);
    expect(page.title).to.equal('x');
  });
  it('a YAML error names the file line', () => {
    const fm = splitFrontMatter('---\ntitle: x\nbad: [\n---\n');
    expect(fm.error?.line).to.be.within(2, 4);
    expect(fm.data).to.deep.equal({});
  });
  it('front matter beyond the fast path is read by the yaml package (loaded then)', () => {
    const fm = splitFrontMatter('---\ntitle: x\nms.topic:\n  - reference\n  - api\n---\n# H\n');
    expect(parseSimpleYaml('title: x\nms.topic:\n  - reference\n  - api\n')).to.equal(undefined);
    expect(fm.data).to.deep.equal({ title: 'x', 'ms.topic': ['reference', 'api'] });
    expect(fm.error).to.equal(undefined);
  });
  describe('fast path agrees with yaml, or declines', () => {
    const agree = ['title: "Get user"\ndescription: Read a user.', "author: 'a-b'\nms.prod: microsoft-identity-platform", 'doc_type: apiPageType\nlocalization_priority: Normal', 'ms.date: 09/10/2017\nother: 9/1/2017'];
    for (const text of agree) {
      it(`reads ${JSON.stringify(text.split('\n')[0])}`, () => expect(parseSimpleYaml(text)).to.deep.equal(parseYaml(text)));
    }
    const decline = ['a: 3', 'a: true', 'a: .inf', 'a: null', 'a: b: c', 'a: b #c', 'a:', 'a: "x\\ty"', 'a:\n  - x', 'a: |\n  text', 'a: x\na: y', "a: 'it''s'", 'a: 09/10', 'a: 2017-09-10', 'a: 09/10/2017 x'];
    for (const text of decline) {
      it(`declines ${JSON.stringify(text)}`, () => expect(parseSimpleYaml(text)).to.equal(undefined));
    }
  });
});
