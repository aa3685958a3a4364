import { expect } from 'chai';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { DocsDirError, FileIndex, displayPath, loadDocs } from '../../src/parse/index.js';
import { isIncludeFile, listDocsFiles, normalisePath, readDocsSnapshot, sourceName, sourceNamer } from '../../src/parse/load.js';

describe('parse/load: loadDocs and link resolution', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'graphpact-parse-'));
    await mkdir(path.join(dir, 'v1.0', 'api'), { recursive: true });
    await mkdir(path.join(dir, 'v1.0', 'resources'), { recursive: true });
    await writeFile(path.join(dir, 'v1.0', 'api', 'user-get.md'), [
      '# Get user', '', 'See [user](../resources/user.md), [User](../resources/User.md), [bs](..\\resources\\user.md) and [gone](../resources/gone.md#x).',
      'Also [site](/graph/overview) and [web](https://example.com/a.md).', '', '## HTTP request', '```http', 'GET /users/{id}', '```', '',
    ].join('\n'));
    await writeFile(path.join(dir, 'v1.0', 'resources', 'user.md'), '# user resource type\n');
    await writeFile(path.join(dir, 'v1.0', 'resources', 'notes.txt'), 'not markdown');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('walks *.md sorted, classifies by folder, versions by folder', async () => {
    const progress: number[] = [];
    const { pages, findings } = await loadDocs([dir], { onProgress: (done) => progress.push(done) });
    expect(pages.map((p) => [path.basename(p.file), p.kind, p.version?.value])).to.deep.equal([
      ['user-get.md', 'api', 'v1.0'],
      ['user.md', 'resource', 'v1.0'],
    ]);
    expect(findings).to.deep.equal([]);
    expect(progress.at(-1)).to.equal(2);
  });

  it('include files (`includes/`) are no pages: a page that includes its permissions table reads it', async () => {
    const docs = await mkdtemp(path.join(tmpdir(), 'graphpact-include-'));
    try {
      await mkdir(path.join(docs, 'v1.0', 'api'), { recursive: true });
      await mkdir(path.join(docs, 'v1.0', 'includes', 'permissions'), { recursive: true });
      await writeFile(path.join(docs, 'v1.0', 'api', 'gadget-get.md'), ['# Get gadget', '## Permissions', '[!INCLUDE [permissions-table](../includes/permissions/gadget-get-permissions.md)]', ''].join('\n'));
      await writeFile(path.join(docs, 'v1.0', 'includes', 'permissions', 'gadget-get-permissions.md'), ['|Permission type|Least privileged permissions|', '|:--|:--|', '|Application|Gadget.Read.All|', ''].join('\n'));
      const { pages, findings } = await loadDocs([docs]);
      expect(findings).to.deep.equal([]);
      expect(pages.map((p) => path.basename(p.file))).to.deep.equal(['gadget-get.md']);
      const page = pages[0];
      if (page.kind !== 'api') throw new Error('expected an API page');
      expect(page.permissions.map((p) => [p.type, p.scopes, path.basename(p.file), p.line])).to.deep.equal([['Application', ['Gadget.Read.All'], 'gadget-get-permissions.md', 3]]);
    } finally {
      await rm(docs, { recursive: true, force: true });
    }
  });

  it('resolves links case-insensitively and with backslashes; broken links have no resolution', async () => {
    const { pages } = await loadDocs([dir]);
    const links = pages[0].links.map((l) => [l.text, l.resolved ? path.basename(l.resolved) : undefined, l.caseMismatch ?? false, l.line]);
    expect(links).to.deep.equal([
      ['user', 'user.md', false, 3],
      ['User', 'user.md', true, 3],
      ['bs', 'user.md', true, 3],
      ['gone', undefined, false, 3],
    ]);
  });

  it('with a root, names files relative to it (`../` above it) and resolves links between any two spellings', async () => {
    const inside = await loadDocs([dir], { root: path.join(dir, 'v1.0', 'resources') });
    expect(inside.pages.map((p) => p.file)).to.deep.equal(['../api/user-get.md', 'user.md']);
    // `../resources/user.md` from `../api/` is `user.md`: one file, one name.
    expect(inside.pages[0].links.map((l) => [l.file, l.resolved, l.caseMismatch ?? false])).to.deep.equal([
      ['../api/user-get.md', 'user.md', false],
      ['../api/user-get.md', 'user.md', true],
      ['../api/user-get.md', 'user.md', true],
      ['../api/user-get.md', undefined, false],
    ]);
    const beside = await loadDocs([dir], { root: path.join(dir, 'elsewhere') });
    expect(beside.pages.map((p) => [p.file, p.headings[0]?.file ?? p.h1?.file])).to.deep.equal([
      ['../v1.0/api/user-get.md', '../v1.0/api/user-get.md'],
      ['../v1.0/resources/user.md', '../v1.0/resources/user.md'],
    ]);
    expect(beside.pages[0].links[0].resolved).to.equal('../v1.0/resources/user.md');
  });

  it('links: false gives the pages without their links and every other fact the same (the seeds and apidocs)', async () => {
    const docs = [fileURLToPath(new URL('../../apidocs', import.meta.url)), dir];
    const withLinks = await loadDocs(docs);
    const without = await loadDocs(docs, { links: false });
    expect(withLinks.pages.reduce((n, p) => n + p.links.length, 0)).to.be.greaterThan(10);
    expect(without.pages.every((p) => p.links.length === 0)).to.equal(true);
    const noLinks = withLinks.pages.map((p) => ({ ...p, links: [] }));
    expect(isDeepStrictEqual(without.pages, noLinks)).to.equal(true);
    expect(without.findings).to.deep.equal(withLinks.findings);
  });

  it('LoadOptions.texts gets every file as read (pages and includes), from the files or from a snapshot', async () => {
    const extra = await mkdtemp(path.join(tmpdir(), 'graphpact-texts-'));
    try {
      await mkdir(path.join(extra, 'includes'));
      await writeFile(path.join(extra, 'includes', 'note.md'), 'An include.\r\n');
      const files = await listDocsFiles([dir, extra], dir);
      const expected = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
      expect(files.filter(isIncludeFile)).to.have.length(1);
      const sorted = (texts: Map<string, string>) => new Map([...texts].sort(([a], [b]) => (a < b ? -1 : 1)));
      const read = new Map<string, string>();
      await loadDocs([dir, extra], { root: dir, texts: read });
      expect(isDeepStrictEqual(sorted(read), expected)).to.equal(true);
      const fromSnapshot = new Map<string, string>();
      await loadDocs([dir, extra], { snapshot: await readDocsSnapshot([dir, extra]), root: dir, texts: fromSnapshot });
      expect(isDeepStrictEqual(sorted(fromSnapshot), expected)).to.equal(true);
    } finally {
      await rm(extra, { recursive: true, force: true });
    }
  });

  it('normalisePath is path.posix.normalize with \\ read as /, also where it skips it (names that are normal already)', () => {
    const paths = ['', '.', '..', '../', '../..', '../../a', '../a/../b', '../a/./b', 'a//b', '/a/b', '/../a', './a', 'a/.', 'a/..', 'a/.b', 'a/..b',
      'a/b.', '.a/b', '...', 'a/.../b', 'a\\b\\..\\c', '..\\x', 'a/b/', '../a/b/', '//a', 'a/b//', '../../x/./y', '.../a', '../shared/corpus/v1.0/api/user-get.md'];
    for (const p of paths) expect(normalisePath(p), JSON.stringify(p)).to.equal(path.posix.normalize(p.replace(/\\/g, '/')));
  });

  it('isIncludeFile: a file in a folder named includes (any case, either separator), not a file named so', () => {
    const yes = ['includes/a.md', 'docs/includes/a.md', 'docs\\Includes\\a.md', '../x/INCLUDES/y/a.md', '/abs/includes/a.md'];
    const no = ['includes.md', 'docs/includes.md', 'docs/myincludes/a.md', 'docs/includes-old/a.md', 'a.md'];
    for (const file of yes) expect(isIncludeFile(file), file).to.equal(true);
    for (const file of no) expect(isIncludeFile(file), file).to.equal(false);
  });

  it('sourceNamer names files as sourceName does, folder by folder (roots inside, above, beside and equal; no root)', () => {
    const files = [path.join(dir, 'v1.0', 'api', 'user-get.md'), path.join(dir, 'v1.0', 'api', '..odd.md'), path.join(dir, 'top.md'), 'relative/a.md', 'b.md', path.join(process.cwd(), 'c.md'), path.join(process.cwd(), '..odd.md')];
    for (const root of [undefined, dir, path.join(dir, 'v1.0'), path.join(dir, 'v1.0', 'api'), path.join(dir, 'elsewhere'), process.cwd(), path.parse(dir).root]) {
      const name = sourceNamer(root);
      for (const file of [...files, ...files]) expect(name(file), `${file} from ${root}`).to.equal(sourceName(file, root));
    }
  });

  it('a missing directory is a DocsDirError naming it', async () => {
    const missing = path.join(dir, 'nope');
    try {
      await loadDocs([missing]);
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(DocsDirError);
      expect((err as Error).message).to.contain(missing);
    }
  });

  it('a file path instead of a directory is a DocsDirError', async () => {
    try {
      await loadDocs([path.join(dir, 'v1.0', 'resources', 'user.md')]);
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(DocsDirError);
    }
  });

  it('a dangling symlinked page is a finding naming the file, the rest still parse', async () => {
    const link = path.join(dir, 'v1.0', 'api', 'dangling.md');
    await symlink(path.join(dir, 'does-not-exist.md'), link);
    try {
      const { pages, findings } = await loadDocs([dir]);
      expect(findings.map((f) => [f.ruleId, f.severity, path.basename(f.file), f.line])).to.deep.equal([['parse-unreadable-file', 'error', 'dangling.md', 1]]);
      expect(findings[0].message).to.contain('ENOENT');
      expect(pages).to.have.length(2);
      // With a root the finding names the file from the root, its message as the user would type it (from here).
      const rooted = await loadDocs([dir], { root: path.join(dir, 'v1.0') });
      expect(rooted.findings.map((f) => f.file)).to.deep.equal(['api/dangling.md']);
      expect(rooted.findings[0].message).to.contain(displayPath(link));
    } finally {
      await rm(link, { force: true });
    }
  });

  it('an unreadable file is a finding, the rest still parse', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads everything: cannot make a file unreadable
    const file = path.join(dir, 'v1.0', 'api', 'locked.md');
    await writeFile(file, '# locked');
    await chmod(file, 0o000);
    try {
      const { pages, findings } = await loadDocs([dir]);
      expect(findings.map((f) => f.ruleId)).to.deep.equal(['parse-unreadable-file']);
      expect(pages).to.have.length(2);
    } finally {
      await rm(file, { force: true });
    }
  });

  it('FileIndex: exact, case mismatch, absent, outside links', () => {
    const index = new FileIndex(['d/api/a.md', 'd/resources/keyCredential.md']);
    expect(index.resolveLink('d/api/a.md', '../resources/keyCredential.md')).to.deep.equal({ resolved: 'd/resources/keyCredential.md' });
    expect(index.resolveLink('d/api/a.md', '../resources/keycredential.md')).to.deep.equal({ resolved: 'd/resources/keyCredential.md', caseMismatch: true });
    expect(index.resolveLink('d/api/a.md', '../resources/intune_onboarding_sideloadingkey.md')).to.deep.equal({});
    expect(index.resolveLink('d/api/a.md', '/concepts/permissions-reference.md')).to.deep.equal({});
  });

  it('FileIndex: anchors and queries, `..` and `.` segments, backslashes and percent-encoding (also of a backslash)', () => {
    const index = new FileIndex(['d/api/a.md', 'd/resources/key credential.md', 'd/resources/b.md']);
    const from = 'd/api/a.md';
    expect(index.resolveLink(from, '../resources/b.md#props?x=1')).to.deep.equal({ resolved: 'd/resources/b.md' });
    expect(index.resolveLink(from, ' ./../api/../resources/./b.md?view=graph-rest-1.0 ')).to.deep.equal({ resolved: 'd/resources/b.md' });
    expect(index.resolveLink(from, '..\\resources\\b.md')).to.deep.equal({ resolved: 'd/resources/b.md', caseMismatch: true });
    expect(index.resolveLink(from, '../resources/key%20credential.md')).to.deep.equal({ resolved: 'd/resources/key credential.md' });
    expect(index.resolveLink(from, '../resources%5Cb.md')).to.deep.equal({ resolved: 'd/resources/b.md' });
    expect(index.resolveLink(from, '../resources/%E0%A4%A.md')).to.deep.equal({});
    expect(index.resolveLink(from, 'https://learn.microsoft.com/x.md')).to.deep.equal({});
    expect(index.resolveLink(from, '#anchor')).to.deep.equal({});
  });
});
