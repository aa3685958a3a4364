/**
 * Each quirk changes the provider's behaviour the way its description says (the verifier's negative
 * tests rely on it): the same request against a plain provider and a quirky one, compared.
 */
import { expect } from 'chai';
import { startProvider, QUIRK_NAMES, GRAPH_JSON_CONTENT_TYPE, type QuirkName, type RunningProvider } from '../../src/provider/index.js';
import { applicationWithCertificate, call, proofFor, type Reply } from './helpers.js';
import { makeSelfSignedCertificate } from '../../src/credentials/index.js';
import { resolveQuirkScopes } from '../../src/provider/quirks.js';

const KEYS = '/deviceAppManagement/sideLoadingKeys';
const sample = { value: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY', displayName: 'graphpact-test quirk', totalActivation: 5 };

async function withProvider<T>(quirk: QuirkName | undefined, run: (base: string, provider: RunningProvider) => Promise<T>): Promise<T> {
  const provider = await startProvider({ quirks: quirk ? { [quirk]: true } : {} });
  try {
    return await run(`${provider.url}/beta`, provider);
  } finally {
    await provider.close();
  }
}

/** The reply to `request` from a plain provider and from one with the quirk on. */
async function both(quirk: QuirkName, request: (base: string) => Promise<Reply>): Promise<{ plain: Reply; quirky: Reply }> {
  return { plain: await withProvider(undefined, request), quirky: await withProvider(quirk, request) };
}

const create = (base: string) => call(base, 'POST', KEYS, { body: sample });

const expectations: Record<QuirkName, () => Promise<void>> = {
  async wrongCreateStatus() {
    const { plain, quirky } = await both('wrongCreateStatus', create);
    expect([plain.status, quirky.status]).to.deep.equal([201, 200]);
  },
  async omitId() {
    const { plain, quirky } = await both('omitId', create);
    expect(plain.json).to.have.property('id');
    expect(quirky.json).not.to.have.property('id');
  },
  async totalActivationAsString() {
    const { plain, quirky } = await both('totalActivationAsString', create);
    expect([plain.json.totalActivation, quirky.json.totalActivation]).to.deep.equal([5, '5']);
  },
  async wrapInValue() {
    const { plain, quirky } = await both('wrapInValue', create);
    expect(plain.json.displayName).to.equal(sample.displayName);
    expect(Object.keys(quirky.json)).to.deep.equal(['value']);
    expect(quirky.json.value.displayName).to.equal(sample.displayName);
  },
  async extraProperties() {
    const { plain, quirky } = await both('extraProperties', create);
    expect(plain.json).not.to.have.property('graphpactExtra');
    expect(quirky.json).to.include({ graphpactExtra: 'extra', displayName: sample.displayName, totalActivation: 5 });
  },
  async plainErrorBody() {
    const { plain, quirky } = await both('plainErrorBody', (base) => call(base, 'GET', `${KEYS}/nope`));
    expect(plain.json.error.code).to.equal('ResourceNotFound');
    expect(quirky.status).to.equal(404);
    expect(quirky.headers['content-type']).to.match(/^text\/plain/);
    expect(quirky.json).to.equal(undefined);
    expect(quirky.text).to.match(/^ResourceNotFound: /);
  },
  async wrongContentType() {
    const { plain, quirky } = await both('wrongContentType', create);
    expect([plain.headers['content-type'], quirky.headers['content-type']]).to.deep.equal([GRAPH_JSON_CONTENT_TYPE, 'text/json']);
  },
  async omitRequestId() {
    const { plain, quirky } = await both('omitRequestId', create);
    expect(plain.headers).to.have.property('request-id');
    expect(quirky.headers).not.to.have.property('request-id');
  },
  async wrongStatus() {
    const { plain, quirky } = await both('wrongStatus', create);
    expect([plain.status, quirky.status]).to.deep.equal([201, 200]);
    const deleted = await both('wrongStatus', async (base) => call(base, 'DELETE', `${KEYS}/${(await create(base)).json.id}`));
    expect([deleted.plain.status, deleted.quirky.status]).to.deep.equal([204, 200]);
  },
  async dropProperty() {
    const { plain, quirky } = await both('dropProperty', create);
    const dropped = Object.keys(plain.json).filter((key) => !(key in quirky.json));
    expect(dropped).to.have.length(1);
    expect(Object.keys(sample)).to.include(dropped[0]);
  },
  async notEchoed() {
    const { plain, quirky } = await both('notEchoed', create);
    expect(plain.json.value).to.equal(sample.value);
    expect(quirky.json.value).to.be.a('string').and.not.equal(sample.value);
    expect(quirky.json.displayName).to.equal(sample.displayName);
  },
  async listWithoutValue() {
    const { plain, quirky } = await both('listWithoutValue', async (base) => { await create(base); return call(base, 'GET', KEYS); });
    expect(plain.json.value).to.have.length(1);
    expect(quirky.json).not.to.have.property('value');
    expect(quirky.json.items).to.have.length(1);
  },
  async skipAuth() {
    const { plain, quirky } = await both('skipAuth', (base) => call(base, 'POST', KEYS, { body: sample, noAuth: true }));
    expect([plain.status, quirky.status]).to.deep.equal([401, 201]);
  },
  async skipProofCheck() {
    const stranger = await makeSelfSignedCertificate();
    const addWithForeignProof = async (base: string) => {
      const app = await applicationWithCertificate(base, 'graphpact-test quirk');
      const fresh = await makeSelfSignedCertificate();
      return call(base, 'POST', `/applications/${app.id}/addKey`, {
        body: { keyCredential: { type: 'AsymmetricX509Cert', usage: 'Verify', key: fresh.certDerBase64 }, proof: await proofFor({ id: app.id, cert: stranger }) },
      });
    };
    const { plain, quirky } = await both('skipProofCheck', addWithForeignProof);
    expect([plain.status, quirky.status]).to.deep.equal([401, 200]);
  },
};

describe('provider: quirks', function () {
  it('every quirk has a test here', function () {
    expect(Object.keys(expectations).sort()).to.deep.equal([...QUIRK_NAMES].sort());
  });

  for (const name of QUIRK_NAMES) {
    it(`${name} changes the behaviour`, async function () {
      await expectations[name]();
    });
  }

  it('a quirk scoped by operationId globs changes only the operations they match', async function () {
    const provider = await startProvider({ quirks: { dropProperty: { operations: 'applications.*' }, wrongStatus: { operations: '!applications.**' } } });
    try {
      const base = `${provider.url}/beta`;
      const key = await create(base);
      expect(key.status).to.equal(200);
      expect(key.json).to.include({ value: sample.value, displayName: sample.displayName, totalActivation: 5 });
      const app = await call(base, 'POST', '/applications', { body: { displayName: 'graphpact-test scoped' } });
      expect(app.status).to.equal(201);
      expect(app.json).not.to.have.property('displayName');
      expect(provider.quirks).to.include({ dropProperty: true, wrongStatus: true, omitId: false });
    } finally {
      await provider.close();
    }
    expect(() => resolveQuirkScopes({ dropProperty: { operations: ' , ' } })).to.throw(/operationId globs/);
  });

  it('quirks can be combined, and state.quirks says which are on', async function () {
    await withProvider(undefined, async (_base, provider) => {
      expect(Object.values(provider.quirks).every((on) => on === false)).to.equal(true);
    });
    const provider = await startProvider({ quirks: { omitId: true, wrongCreateStatus: true } });
    try {
      const reply = await create(`${provider.url}/beta`);
      expect(reply.status).to.equal(200);
      expect(reply.json).not.to.have.property('id');
      expect(provider.quirks).to.include({ omitId: true, wrongCreateStatus: true, skipAuth: false });
    } finally {
      await provider.close();
    }
  });
});
