import { expect } from 'chai';
import { apiPage, FENCE, md } from './helpers.js';

describe('parse/examples: finding and pairing examples', () => {
  it('annotated request and response, anywhere, paired, with annotation data', () => {
    const page = apiPage(md(
      '# T', '## Examples', '### Example 1: Get a user', '#### Request',
      '<!-- {', '  "blockType": "request",', '  "name": "get_user"', '}-->',
      FENCE + 'http', 'GET https://graph.microsoft.com/v1.0/users/{id}', FENCE,
      '#### Response', '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user", "truncated": "true" } -->',
      FENCE + 'http', 'HTTP/1.1 200 OK', 'Content-type: application/json', '', '{"id": "1"}', FENCE));
    expect(page.examples).to.have.length(1);
    const [ex] = page.examples;
    expect(ex).to.include({ name: 'get_user', title: 'Example 1: Get a user', line: 10 });
    expect(ex.request).to.include({ method: 'GET', path: '/users/{id}', version: 'v1.0', fence: 'http' });
    expect(ex.request?.annotation).to.include({ blockType: 'request', line: 5, parse: 'strict' });
    expect(ex.response).to.include({ status: 200, line: 15 });
    expect(ex.response?.annotation?.data['@odata.type']).to.equal('microsoft.graph.user');
  });

  it('an annotation placed above the ##### Request heading still applies', () => {
    const page = apiPage(md('# T', '## Example', '<!-- { "blockType": "request", "name": "delete-page" } -->', '##### Request', FENCE + 'http', 'DELETE /sites/{id}', FENCE));
    expect(page.examples[0]).to.include({ name: 'delete-page' });
  });

  it('an annotation does not jump over other headings or prose', () => {
    const page = apiPage(md('# T', '## Example', '<!-- { "blockType": "ignored" } -->', '### Example 2', FENCE + 'http', 'GET https://graph.microsoft.com/v1.0/x', FENCE,
      '<!-- { "blockType": "ignored" } -->', 'Some prose.', FENCE + 'http', 'GET https://graph.microsoft.com/v1.0/y', FENCE));
    expect(page.examples.map((e) => e.request?.path)).to.deep.equal(['/x', '/y']);
  });

  it('blockType ignored blocks are not examples', () => {
    const page = apiPage(md('# T', '## Examples', '<!-- { "blockType": "ignored" } -->', FENCE + 'http', 'GET https://graph.microsoft.com/v1.0/me', FENCE));
    expect(page.examples).to.deep.equal([]);
  });

  it('annotation written leniently (trailing comma, raw newline) is still read, with a finding', () => {
    const page = apiPage(md('# T', '## Examples', '<!-- {', '  "blockType": "request",', '  "name": "x",', '} -->', FENCE, 'GET /me', FENCE));
    expect(page.examples[0].request?.annotation).to.include({ parse: 'lenient', blockType: 'request' });
    expect(page.findings.some((f) => f.ruleId === 'parse-annotation-lenient' && f.line === 3)).to.equal(true);
  });

  it('Intune style: unannotated blocks under ### Request / ### Response', () => {
    const page = apiPage(md(
      '# T', '## Example', '### Request', 'Here is an example of the request.',
      FENCE + 'http', 'POST https://graph.microsoft.com/beta/deviceAppManagement/sideLoadingKeys', 'Content-type: application/json', '', '{"a": 1}', FENCE,
      '', '### Response', 'Here is an example of the response.', FENCE + 'http', 'HTTP/1.1 201 Created', '', '{"id": "1"}', FENCE));
    expect(page.examples).to.have.length(1);
    expect(page.examples[0].request).to.include({ method: 'POST', version: 'beta' });
    expect(page.examples[0].response).to.include({ status: 201 });
    expect(page.examples[0]).to.not.have.property('name');
  });

  it('by position at H5, a response body without status line', () => {
    const page = apiPage(md('# T', '## Examples', '##### Request', FENCE, 'GET /me', FENCE, '##### Response', FENCE + 'json', '{"id": "1"}', FENCE));
    expect(page.examples).to.have.length(1);
    expect(page.examples[0].response?.repairs).to.deep.equal(['no status line']);
  });

  it('a code sample that is not HTTP is not an example', () => {
    const page = apiPage(md('# T', '## Examples', '### Request', FENCE + 'csharp', 'var user = await graphClient.Me.Request().GetAsync();', FENCE));
    expect(page.examples).to.deep.equal([]);
  });

  it('tab headings between request and response do not break pairing', () => {
    const page = apiPage(md(
      '# T', '## Examples', '### Request', '# [HTTP](#tab/http)', '<!-- { "blockType": "request", "name": "a" } -->', FENCE + 'msgraph-interactive', 'GET https://graph.microsoft.com/v1.0/me', FENCE,
      '# [C#](#tab/csharp)', '[!INCLUDE [sample-code](../includes/snippets/csharp/a.md)]', '', '---', '', '### Response',
      '<!-- { "blockType": "response" } -->', FENCE + 'http', 'HTTP/1.1 200 OK', FENCE));
    expect(page.examples).to.have.length(1);
    expect(page.examples[0].request?.fence).to.equal('msgraph-interactive');
    expect(page.examples[0].response?.status).to.equal(200);
  });

  it('several examples pair in order; a response without request stands alone', () => {
    const page = apiPage(md(
      '# T', '## Examples',
      '### Example 1', FENCE, 'GET https://graph.microsoft.com/v1.0/a', FENCE, FENCE, 'HTTP/1.1 200 OK', FENCE,
      '### Example 2', FENCE, 'GET https://graph.microsoft.com/v1.0/b', FENCE,
      '### Example 3', FENCE, 'DELETE https://graph.microsoft.com/v1.0/c', FENCE, FENCE, 'HTTP/1.1 204 No Content', FENCE, FENCE, 'HTTP/1.1 404 Not Found', FENCE));
    expect(page.examples.map((e) => [e.title, e.request?.path, e.response?.status])).to.deep.equal([
      ['Example 1', '/a', 200],
      ['Example 2', '/b', undefined],
      ['Example 3', '/c', 204],
      ['Example 3', undefined, 404],
    ]);
  });

  it('body findings: lenient is info, invalid is a warning at the error line', () => {
    const page = apiPage(md('# T', '## Examples', FENCE, 'POST https://graph.microsoft.com/v1.0/a', '', '{', '  "a": 1,', '}', FENCE,
      FENCE, 'HTTP/1.1 200 OK', '', '{', '  "a": 1', '  "b": 2', '}', FENCE));
    expect(page.examples[0].request?.body).to.include({ parse: 'lenient' });
    expect(page.examples[0].response?.body).to.include({ parse: 'invalid' });
    expect(page.findings.filter((f) => f.ruleId.startsWith('parse-json')).map((f) => [f.ruleId, f.severity, f.line])).to.deep.equal([
      ['parse-json-lenient', 'info', 6],
      ['parse-json-invalid', 'warning', 15],
    ]);
  });

  it('blocks under other headings count only by their first line', () => {
    const page = apiPage(md('# T', '## HTTP request', FENCE, 'GET /me/drive', FENCE, '## Get the drive', FENCE, 'GET https://graph.microsoft.com/v1.0/me/drive', FENCE, FENCE, '{"id": 1}', FENCE));
    expect(page.examples).to.have.length(1);
    expect(page.examples[0].request?.path).to.equal('/me/drive');
    expect(page.examples[0]).to.not.have.property('response');
  });
});
