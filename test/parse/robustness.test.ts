import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { parsePage } from '../../src/parse/index.js';
import { FENCE, md } from './helpers.js';

describe('parse: version detection and page kind', () => {
  it('folder version wins (v1.0 / beta path segment)', () => {
    const page = parsePage({ file: 'docs/api-reference/beta/api/x.md', text: md('# T', '## Examples', FENCE, 'GET https://graph.microsoft.com/v1.0/me', FENCE) });
    expect(page.version).to.deep.equal({ value: 'beta', source: 'folder', line: 1 });
  });
  it('the caller-given version is used', () => {
    expect(parsePage({ file: 'x/api/a.md', text: '# T', version: 'v1.0' }).version).to.include({ value: 'v1.0', source: 'folder' });
  });
  it('else the first example URL, with its line', () => {
    const page = parsePage({ file: 'apidocs/api/x.md', text: md('# T', '## Examples', FENCE, 'POST https://graph.microsoft.com/localtest/applications/{id}/addKey', FENCE) });
    expect(page.version).to.deep.equal({ value: 'localtest', source: 'example-url', line: 4 });
  });
  it('else undefined', () => {
    expect(parsePage({ file: 'apidocs/api/x.md', text: md('# T', '## Examples', FENCE, 'GET /me', FENCE) }).version).to.equal(undefined);
  });
  it('kind by folder, else by structure', () => {
    expect(parsePage({ file: 'a/api/x.md', text: '# x resource type' }).kind).to.equal('api');
    expect(parsePage({ file: 'a/resources/x.md', text: md('# T', '## HTTP request', 'GET /me') }).kind).to.equal('resource');
    expect(parsePage({ file: 'elsewhere/x.md', text: md('# T', '## HTTP request', 'GET /me') }).kind).to.equal('api');
    expect(parsePage({ file: 'elsewhere/x.md', text: md('# x resource type') }).kind).to.equal('resource');
  });
});

describe('parse: never throws on bad input', () => {
  const inputs: Array<[string, string]> = [
    ['empty file', ''],
    ['only front matter', '---\ntitle: x\n---\n'],
    ['unclosed front matter', '---\ntitle: x\n'],
    ['unclosed fence', md('# T', '## Examples', FENCE + 'http', 'POST https://graph.microsoft.com/v1.0/x', '', '{ "a": ')],
    ['unclosed annotation', md('# T', '<!-- { "blockType": "request"', FENCE, 'GET /x', FENCE)],
    ['only a table delimiter', '|---|\n'],
    ['NUL and control characters', '# T\u0000\u0001\n## Request body\n|a|b|\n|-|-|\n|\u0000|\u0007|'],
    ['CRLF and BOM', '\ufeff---\r\ntitle: x\r\n---\r\n# T\r\n## Response\r\nReturns `200 OK`.\r\n'],
    ['deep nesting', '['.repeat(5000)],
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      for (const file of ['g/api/x.md', 'g/resources/x.md']) {
        const page = parsePage({ file, text });
        expect(page.file).to.equal(file);
        expect(page.findings.filter((f) => f.ruleId === 'parse-internal-error')).to.deep.equal([]);
      }
    });
  }
  it('random bytes (200 pages)', () => {
    for (let i = 0; i < 200; i++) {
      const text = randomBytes(64 + (i % 7) * 300).toString('latin1');
      // parsePage catches everything, so "does not throw" proves nothing: no rule of it may have crashed.
      const page = parsePage({ file: 'g/api/x.md', text });
      expect(page.findings.filter((f) => f.ruleId === 'parse-internal-error'), `page ${i}`).to.deep.equal([]);
    }
  });
  it('a non-string text gives an empty page, not an exception', () => {
    const page = parsePage({ file: 'g/api/x.md', text: undefined as unknown as string });
    expect(page.kind).to.equal('api');
  });
  it('CRLF pages keep the right lines', () => {
    const page = parsePage({ file: 'g/api/x.md', text: '\ufeff---\r\ntitle: x\r\n---\r\n# T\r\n## Response\r\nReturns `200 OK`.\r\n' });
    expect(page.title).to.equal('x');
    expect(page.h1?.line).to.equal(4);
    expect(page.kind === 'api' && page.response?.statusCodes).to.deep.equal([200]);
  });
});
