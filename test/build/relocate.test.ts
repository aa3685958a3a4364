import { expect } from 'chai';
import { relocateSourcePaths } from '../../src/schema/pipeline.js';

describe('build: source paths relative to the project root', () => {
  it('rewrites positions, never docs content that happens to have a "file" key', () => {
    const page = {
      file: 'docs/api/a.md',
      links: [{ file: 'docs/api/a.md', line: 3, target: 'x.md', resolved: 'docs/api/x.md' }],
      examples: [{ file: 'docs/api/a.md', line: 9, response: { file: 'docs/api/a.md', line: 10, body: { file: 'docs/api/a.md', line: 11, value: { file: 'report.txt' } } } }],
      frontMatter: { file: 'front.md' },
    };
    const out = relocateSourcePaths(page, '/work/project/sub', '/work/project');
    expect(out.file).to.equal('sub/docs/api/a.md');
    expect(out.links[0]).to.include({ file: 'sub/docs/api/a.md', resolved: 'sub/docs/api/x.md' });
    expect(out.examples[0].response.body.file).to.equal('sub/docs/api/a.md');
    expect(out.examples[0].response.body.value).to.deep.equal({ file: 'report.txt' });
    expect(out.frontMatter).to.deep.equal({ file: 'front.md' });
  });

  it('uses ../ for docs beside the project instead of absolute paths', () => {
    const out = relocateSourcePaths({ file: '/work/shared/corpus/a.md' }, '/work/project', '/work/project');
    expect(out.file).to.equal('../shared/corpus/a.md');
  });
});
