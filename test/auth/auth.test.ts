import { expect } from 'chai';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';
import { makeSelfSignedCertificate, type SelfSignedCertificate } from '../../src/credentials/index.js';
import {
  AuthConfigError,
  clientCertificateFromPem,
  createTokenProvider,
  msalConfiguration,
  resolveAuthPlan,
  resolveToken,
  TokenError,
} from '../../src/auth/index.js';
import { clearRegisteredSecrets, redactText } from '../../src/util/redact.js';
import { fakeAuthority } from './fake-authority.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SECRET = 'client-secret~Q8x.7Zp2';

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(AuthConfigError);
    expect((err as Error).message).not.to.include('\n');
    return (err as Error).message;
  }
  throw new Error('expected an AuthConfigError');
}

describe('auth', function () {
  this.timeout(30_000);
  let cert: SelfSignedCertificate;
  let pemFile: string;
  let pemDir: string;
  before(async () => {
    cert = await makeSelfSignedCertificate({ subject: 'CN=graphpact-nightly' });
    pemDir = await mkdtemp(join(tmpdir(), 'graphpact-auth-'));
    pemFile = join(pemDir, 'client.pem');
    await writeFile(pemFile, `${cert.certPem}\n${cert.privateKeyPem}\n`);
  });
  after(() => rm(pemDir, { recursive: true, force: true }));
  afterEach(() => clearRegisteredSecrets());

  describe('resolveAuthPlan (flags, then env)', () => {
    it('--token wins; GRAPH_TOKEN next; nothing → none', () => {
      expect(resolveAuthPlan({ token: 'flag-token-1' }, { GRAPH_TOKEN: 'env-token-1', AZURE_TENANT_ID: TENANT })).to.deep.equal({ kind: 'token', token: 'flag-token-1', source: '--token' });
      expect(resolveAuthPlan({}, { GRAPH_TOKEN: 'env-token-1' })).to.deep.include({ kind: 'token', source: 'GRAPH_TOKEN' });
      expect(resolveAuthPlan({}, {})).to.deep.equal({ kind: 'none' });
    });

    it('client secret from the AZURE_* environment, flags overriding single values', () => {
      const plan = resolveAuthPlan({ tenantId: 'contoso.onmicrosoft.com' }, { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET });
      expect(plan).to.deep.equal({ kind: 'client-secret', tenantId: 'contoso.onmicrosoft.com', clientId: CLIENT, clientSecret: SECRET, authorityHost: 'https://login.microsoftonline.com' });
      expect(redactText(`secret=${SECRET}`)).not.to.include(SECRET);
    });

    it('a certificate from --client-certificate ignores AZURE_CLIENT_SECRET; env secret beats env certificate', () => {
      expect(resolveAuthPlan({ clientCertificate: '/x.pem' }, { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET })).to.deep.include({ kind: 'client-certificate', certificatePath: '/x.pem' });
      expect(resolveAuthPlan({}, { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET, AZURE_CLIENT_CERTIFICATE_PATH: '/x.pem' })).to.deep.include({ kind: 'client-secret' });
      expect(resolveAuthPlan({}, { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_CERTIFICATE_PATH: '/x.pem' })).to.deep.include({ kind: 'client-certificate' });
      // Client-credential flags beat a GRAPH_TOKEN lying around in the environment.
      expect(resolveAuthPlan({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, { GRAPH_TOKEN: 'old-token-1' })).to.deep.include({ kind: 'client-secret' });
    });

    it('rejects incomplete or contradictory options in one line', () => {
      expect(configError(() => resolveAuthPlan({ token: 't-123456', clientSecret: SECRET }, {}))).to.match(/not both/);
      expect(configError(() => resolveAuthPlan({ clientSecret: SECRET, clientCertificate: '/x.pem', tenantId: TENANT, clientId: CLIENT }, {}))).to.match(/--client-secret or --client-certificate, not both/);
      expect(configError(() => resolveAuthPlan({ clientId: CLIENT, clientSecret: SECRET }, {}))).to.match(/need a tenant/);
      expect(configError(() => resolveAuthPlan({ tenantId: TENANT, clientSecret: SECRET }, {}))).to.match(/application \(client\) id/);
      expect(configError(() => resolveAuthPlan({ tenantId: TENANT, clientId: CLIENT }, {}))).to.match(/need --client-secret .* or --client-certificate/);
      expect(configError(() => resolveAuthPlan({ tenantId: 'not a tenant', clientId: CLIENT, clientSecret: SECRET }, {}))).to.match(/GUID or a domain/);
      expect(configError(() => resolveAuthPlan({ tenantId: TENANT, clientId: 'my-app', clientSecret: SECRET }, {}))).to.match(/--client-id must be/);
      expect(configError(() => resolveAuthPlan({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, authorityHost: 'http://login.example' }, {}))).to.match(/must be https/);
    });
  });

  describe('client certificate from PEM', () => {
    it('computes the thumbprints and exports the key as PKCS#8; the key is registered for redaction', () => {
      const c = clientCertificateFromPem(`${cert.certPem}\n${cert.privateKeyPem}`, 'client.pem');
      const der = Buffer.from(cert.certDerBase64, 'base64');
      expect(c.thumbprintSha256).to.equal(createHash('sha256').update(der).digest('hex'));
      expect(c.thumbprintSha1).to.equal(createHash('sha1').update(der).digest('hex'));
      expect(c.privateKey).to.match(/^-----BEGIN PRIVATE KEY-----/);
      expect(c.x5c).to.include('BEGIN CERTIFICATE');
      expect(c.subject).to.equal('CN=graphpact-nightly');
      expect(redactText(`key: ${cert.privateKeyPem}`)).not.to.include(cert.privateKeyPem.split('\n')[1]);
    });

    it('names the file and line of what is wrong', async () => {
      const stranger = await makeSelfSignedCertificate({ subject: 'CN=stranger' });
      expect(configError(() => clientCertificateFromPem(cert.privateKeyPem, 'a.pem'))).to.match(/^a\.pem:1: no "BEGIN CERTIFICATE" block/);
      expect(configError(() => clientCertificateFromPem(cert.certPem, 'b.pem'))).to.match(/^b\.pem:1: no private key block/);
      const mismatched = `${cert.certPem}\n${stranger.privateKeyPem}`;
      const keyLine = mismatched.split('\n').findIndex((l) => l.includes('BEGIN PRIVATE KEY')) + 1;
      expect(configError(() => clientCertificateFromPem(mismatched, 'c.pem'))).to.equal(`c.pem:${keyLine}: the private key does not belong to the certificate at line 1`);
      expect(configError(() => clientCertificateFromPem(`${cert.certPem}\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n`, 'd.pem'))).to.match(/d\.pem:\d+: the private key is encrypted/);
      const later = new Date(cert.notAfter.getTime() + 86_400_000);
      expect(configError(() => clientCertificateFromPem(`${cert.certPem}\n${cert.privateKeyPem}`, 'e.pem', later))).to.match(/e\.pem:1: the certificate expired on/);
    });
  });

  describe('MSAL client credentials (fake authority, no internet)', () => {
    it('client secret: the token request carries the Graph .default scope and the secret; the token is returned', async () => {
      const authority = fakeAuthority();
      const token = await resolveToken({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, {}, { networkClient: authority });
      expect(token).to.match(/fake-graph-token-1$/);
      expect(authority.posts).to.have.length(1);
      const { url, form } = authority.posts[0];
      expect(url.split('?')[0]).to.equal(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`);
      expect(form.get('grant_type')).to.equal('client_credentials');
      expect(form.get('scope')).to.include('https://graph.microsoft.com/.default');
      expect(form.get('client_id')).to.equal(CLIENT);
      expect(form.get('client_secret')).to.equal(SECRET);
      expect(redactText(`Authorization: ${token}`)).not.to.include('fake-graph-token');
    });

    it('client certificate: a client assertion signed with the key, x5t#S256 = SHA-256 thumbprint, x5c = the certificate', async () => {
      const authority = fakeAuthority();
      const provider = createTokenProvider(resolveAuthPlan({}, { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_CERTIFICATE_PATH: pemFile }), { networkClient: authority });
      expect(await provider()).to.match(/fake-graph-token-1$/);
      const form = authority.posts[0].form;
      expect(form.get('client_secret')).to.equal(null);
      expect(form.get('client_assertion_type')).to.equal('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      const assertion = form.get('client_assertion')!;
      const header = decodeProtectedHeader(assertion);
      const der = Buffer.from(cert.certDerBase64, 'base64');
      expect(header['x5t#S256']).to.equal(createHash('sha256').update(der).digest('base64url'));
      expect(header.x5c).to.deep.equal([cert.certDerBase64]);
      const { payload } = await jwtVerify(assertion, await importX509(new X509Certificate(der).toString(), String(header.alg)), {
        audience: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
        clockTolerance: 300, // this machine's clock can step; Entra ID tolerates skew too
      });
      expect(payload.iss).to.equal(CLIENT);
      expect(payload.sub).to.equal(CLIENT);
    });

    it('the token is acquired once per run and reused; a token about to expire is acquired again', async () => {
      const authority = fakeAuthority();
      const provider = createTokenProvider(resolveAuthPlan({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, {}), { networkClient: authority });
      const [a, b] = await Promise.all([provider(), provider()]);
      expect(a).to.equal(b);
      expect(await provider()).to.equal(a);
      expect(authority.posts).to.have.length(1);

      const shortLived = fakeAuthority();
      shortLived.tokenAnswers.push({ status: 200, body: { token_type: 'Bearer', expires_in: 120, access_token: 'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.short-lived-token' } });
      const renewing = createTokenProvider(resolveAuthPlan({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, {}), { networkClient: shortLived });
      expect(await renewing()).to.match(/short-lived-token$/);
      expect(await renewing()).to.match(/fake-graph-token-1$/);
      expect(shortLived.posts).to.have.length(2);
    });

    it('a refused client: one-line TokenError without the secret, and the next call tries again', async () => {
      const authority = fakeAuthority();
      authority.tokenAnswers.push({ status: 401, body: { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided. (${SECRET})`, error_codes: [7000215] } });
      const provider = createTokenProvider(resolveAuthPlan({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, {}), { networkClient: authority });
      let error: unknown;
      try {
        await provider();
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(TokenError);
      const message = (error as Error).message;
      expect(message).to.match(/could not get a Graph token for client .* invalid_client/);
      expect(message).not.to.include(SECRET);
      expect(message).not.to.include('\n');
      expect(await provider()).to.match(/fake-graph-token-1$/);
    });

    it('msalConfiguration: authority from host and tenant, certificate by SHA-256 thumbprint, PII logging off', () => {
      const c = clientCertificateFromPem(`${cert.certPem}\n${cert.privateKeyPem}`, 'client.pem');
      const config = msalConfiguration({ kind: 'client-certificate', tenantId: TENANT, clientId: CLIENT, certificatePath: 'x', authorityHost: 'https://login.microsoftonline.us' }, c);
      expect(config.auth.authority).to.equal(`https://login.microsoftonline.us/${TENANT}`);
      expect(config.auth.clientCertificate).to.deep.equal({ thumbprintSha256: c.thumbprintSha256, privateKey: c.privateKey, x5c: c.x5c });
      expect(config.auth.clientSecret).to.equal(undefined);
      expect(config.system?.loggerOptions?.piiLoggingEnabled).to.equal(false);
    });
  });
});
