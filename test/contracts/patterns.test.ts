import { expect } from 'chai';
import { BASE64, BEARER, BEARER_EXAMPLE, DATE_TIME, GRAPH_CONTENT_TYPE, GUID, JSON_CONTENT_TYPE, LOOSE_DATE_TIME } from '../../src/contracts/patterns.js';
import { redactText } from '../../src/util/redact.js';

const accepts = (pattern: string, value: string) => new RegExp(pattern).test(value);

describe('contracts/patterns', () => {
  it('Content-Type: JSON with any OData parameters, nothing else', () => {
    for (const ok of [GRAPH_CONTENT_TYPE, 'application/json', 'application/json; charset=utf-8', 'application/json;odata.metadata=minimal']) expect(accepts(JSON_CONTENT_TYPE, ok), ok).to.equal(true);
    for (const bad of ['text/html', 'application/jsonp', 'application/xml;charset=utf-8', 'application/json;']) expect(accepts(JSON_CONTENT_TYPE, bad), bad).to.equal(false);
  });
  it('GUIDs in both cases', () => {
    expect(accepts(GUID, '21C4A3FF-a3ff-21c4-ffa3-c421ffa3c421')).to.equal(true);
    expect(accepts(GUID, '21c4a3ff-a3ff-21c4-ffa3-c421ffa3c42')).to.equal(false);
  });
  it('date-times with offsets; the loose form also without', () => {
    expect(accepts(DATE_TIME, '2014-01-01T00:00:00.1234567Z')).to.equal(true);
    expect(accepts(DATE_TIME, '2014-01-01T00:00:00')).to.equal(false);
    expect(accepts(LOOSE_DATE_TIME, '2014-01-01T00:00:00')).to.equal(true);
    expect(accepts(LOOSE_DATE_TIME, 'Last Updated Date Time value')).to.equal(false);
  });
  it('padded base64 only', () => {
    expect(accepts(BASE64, 'QUJDRA==')).to.equal(true);
    expect(accepts(BASE64, '6uv7gh')).to.equal(false);
    expect(accepts(BASE64, 'MIZB9jVCACfEw=')).to.equal(false);
  });
  it('Authorization: a bearer credential; the pattern and its example survive redaction', () => {
    expect(accepts(BEARER, 'Bearer eyJ0eXAi.x.y')).to.equal(true);
    expect(accepts(BEARER, 'Basic dXNlcjpwYXNz')).to.equal(false);
    expect(accepts(BEARER, 'Bearer ')).to.equal(false);
    const inContract = JSON.stringify({ regex: BEARER, example: BEARER_EXAMPLE });
    expect(redactText(inContract)).to.equal(inContract);
  });
});
