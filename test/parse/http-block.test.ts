import { expect } from 'chai';
import { classifyBlockText, parseRequestBlock, parseResponseBlock, parseUrl } from '../../src/parse/http-block.js';

const block = (content: string, line = 10, fence = 'http') => ({ file: 'f.md', content, line, fence });

describe('parse/http-block: HTTP framing', () => {
  describe('parseUrl', () => {
    it('absolute graph URL: version, path, query', () => {
      expect(parseUrl('https://graph.microsoft.com/v1.0/me/messages?$top=2')).to.deep.equal({ path: '/me/messages', query: '$top=2', version: 'v1.0' });
      expect(parseUrl('https://graph.microsoft.com/localtest/applications/{id}/addKey')).to.deep.equal({ path: '/applications/{id}/addKey', version: 'localtest' });
    });
    it('the version segment is a token; junk after it stays in the path', () => {
      expect(parseUrl('https://graph.microsoft.com/beta** Entity URI not found**')).to.deep.equal({ path: '/** Entity URI not found**', version: 'beta' });
    });
    it('other hosts keep their whole path and have no version', () => {
      expect(parseUrl('https://outlook.office.com/api/v2.0/me')).to.deep.equal({ path: '/api/v2.0/me' });
    });
    it('relative URLs, with or without a version segment or leading slash', () => {
      expect(parseUrl('/beta/users/{id}')).to.deep.equal({ path: '/users/{id}', version: 'beta' });
      expect(parseUrl('me/drive/root:/{item-path}:/content')).to.deep.equal({ path: '/me/drive/root:/{item-path}:/content' });
    });
    it('spaces inside the URL are kept', () => {
      expect(parseUrl('https://graph.microsoft.com/beta/sites/root/lists/My List/items').path).to.equal('/sites/root/lists/My List/items');
    });
  });

  describe('requests', () => {
    it('request line, headers, blank line, JSON body with lines', () => {
      const r = parseRequestBlock(block('POST https://graph.microsoft.com/beta/applications/{id}/addKey\nContent-type: application/json\n\n{\n  "a": 1\n}\n'));
      expect(r).to.include({ method: 'POST', path: '/applications/{id}/addKey', version: 'beta', line: 10 });
      expect(r.headers).to.deep.equal([{ file: 'f.md', line: 11, name: 'Content-type', value: 'application/json' }]);
      expect(r.body).to.include({ parse: 'strict', line: 13 });
      expect(r.repairs).to.deep.equal([]);
    });
    it('repairs a blank line before the headers', () => {
      const r = parseRequestBlock(block('POST /x\n\nContent-type: application/json\n\n{}\n'));
      expect(r.repairs).to.deep.equal(['blank line before headers']);
      expect(r.headers.map((h) => [h.name, h.line])).to.deep.equal([['Content-type', 12]]);
      expect(r.body?.value).to.deep.equal({});
    });
    it('repairs a missing blank line before the body', () => {
      const r = parseRequestBlock(block('PATCH /x\nContent-Type: application/json\n{"a": 1}\n'));
      expect(r.repairs).to.deep.equal(['no blank line before body']);
      expect(r.body).to.include({ line: 12, parse: 'strict' });
    });
    it('a block starting with `{` has no request line', () => {
      const r = parseRequestBlock(block('{\n  "a": 1\n}\n'));
      expect(r.repairs).to.deep.equal(['no request line']);
      expect(r).to.include({ method: '', url: '' });
      expect(r.body?.value).to.deep.equal({ a: 1 });
    });
    it('strips HTTP/1.1 from the request line; non-JSON body is rawBody', () => {
      const r = parseRequestBlock(block('PUT /me/photo/$value HTTP/1.1\nContent-type: image/jpeg\n\nBinary data for the image\n'));
      expect(r.url).to.equal('/me/photo/$value');
      expect(r.rawBody).to.equal('Binary data for the image');
      expect(r).to.not.have.property('body');
    });
    it('header names in any case are kept as written', () => {
      const r = parseRequestBlock(block('GET /me\nconsistencylevel: eventual\n'));
      expect(r.headers[0]).to.include({ name: 'consistencylevel', value: 'eventual' });
    });
  });

  describe('responses', () => {
    it('status line with reason', () => {
      const r = parseResponseBlock(block('HTTP/1.1 201 Created\nContent-Type: application/json\n\n{"id": "1"}\n'));
      expect(r).to.include({ status: 201, reason: 'Created' });
      expect(r.body?.pointers).to.deep.equal({ '/id': 13 });
    });
    it('HTTP/1.1 204 without reason', () => {
      const r = parseResponseBlock(block('HTTP/1.1 204\n'));
      expect(r.status).to.equal(204);
      expect(r).to.not.have.property('reason');
      expect(r).to.not.have.property('body');
    });
    it('no status line at all', () => {
      const r = parseResponseBlock(block('{\n  "id": "1"\n}\n'));
      expect(r).to.not.have.property('status');
      expect(r.repairs).to.deep.equal(['no status line']);
      expect(r.body?.value).to.deep.equal({ id: '1' });
    });
  });

  it('classifies blocks by their first line', () => {
    expect(classifyBlockText('\nGET https://graph.microsoft.com/v1.0/me\n')).to.equal('request');
    expect(classifyBlockText('HTTP/1.1 200 OK\n')).to.equal('response');
    expect(classifyBlockText('{ "a": 1 }')).to.equal(undefined);
  });
});
