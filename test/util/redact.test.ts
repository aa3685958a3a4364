import { expect } from 'chai';
import { REDACTED, clearRegisteredSecrets, redactText, redactValue, registerSecret } from '../../src/util/redact.js';

describe('redact', () => {
  afterEach(() => clearRegisteredSecrets());

  it('redacts bearer credentials but keeps prose about them', () => {
    expect(redactText('Authorization: Bearer abcdefghijklmnop.qrs')).to.equal(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('Authorization: Bearer abc.def')).to.equal(`Authorization: Bearer ${REDACTED}`);
    // A credential that merely starts with a prose word is still a credential.
    for (const token of ['token-9f8e7d6c5b4a', 'auth.abc123secret', 'headerXYZ123']) {
      expect(redactText(`Authorization: Bearer ${token}`)).to.equal(`Authorization: Bearer ${REDACTED}`);
    }
    for (const prose of ['a request with no bearer token is refused', 'Basic authentication is not supported', 'send a bearer token.', 'Bearer tokens, Basic auth: both',
      'Get basic integrity check results', 'Basic Integrity of the device', 'the BASIC plan']) {
      expect(redactText(prose)).to.equal(prose);
    }
    // A Basic credential is base64 of user:password, in any spelling of the scheme.
    for (const header of ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'authorization: basic Zm9vOmJhcg==', 'Authorization: BASIC YWxpY2U6czNjcjN0']) {
      expect(redactText(header)).to.not.match(/dXNlcjpw|Zm9vOmJh|YWxpY2U6/);
      expect(redactText(header)).to.include(REDACTED);
    }
  });

  it('redacts JWTs, PEM private keys and secret-named JSON fields', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';
    expect(redactText(`proof ${jwt} end`)).to.equal(`proof ${REDACTED} end`);
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';
    expect(redactText(pem)).to.not.include('MIIE');
    expect(redactValue({ secretText: 'hunter2hunter2', displayName: 'x' })).to.deep.equal({ secretText: REDACTED, displayName: 'x' });
    expect(redactText('client_secret=abc123&x=1')).to.equal(`client_secret=${REDACTED}&x=1`);
  });

  it('redacts registered secrets wherever they appear, and ignores values too short to be secrets', () => {
    registerSecret('s3cr3t-value');
    registerSecret('abc');
    expect(redactText('token is s3cr3t-value, abc stays')).to.equal(`token is ${REDACTED}, abc stays`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'POST /applications/{id}/addKey returned 200 with keyId 633b1614-b669-47c5-961e-f4a45978ffff';
    expect(redactText(text)).to.equal(text);
  });
});
