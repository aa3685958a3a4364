/**
 * The committed contract: reproducible, free of secrets, and verifiable. A small reference provider
 * (node:http on 127.0.0.1) shows the contract can be satisfied, and broken variants show each kind of
 * defect makes Pact's verifier fail.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { writeContracts, CONTRACT_FILE, PROJECT_ROOT, STATES, STATE_PARAMS, missingStateParams } from '../../src/contracts/index.js';

const COMMITTED = join(PROJECT_ROOT, 'contracts', CONTRACT_FILE);

/** Shapes of real secrets: a JWT, a PEM block, a bearer credential that is not the `{token}` placeholder. */
export const SECRET_SHAPES: Array<[string, RegExp]> = [
  ['JWT', /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/],
  ['PEM', /-----BEGIN [A-Z ]+-----/],
  ['bearer credential', /Bearer\s+(?!\{token\})[A-Za-z0-9\-._~+/]{8,}/i],
];

function secretShapes(text: string): string[] {
  return SECRET_SHAPES.filter(([, re]) => re.test(text)).map(([name]) => name);
}

describe('contracts/committed contract', function () {
  this.timeout(120_000);

  it('is what the interactions generate today (byte for byte)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphpact-contract-'));
    try {
      const first = await writeContracts({ pactDir: dir });
      const regenerated = await readFile(first.files[0], 'utf8');
      const committed = await readFile(COMMITTED, 'utf8').catch(() => '');
      expect(regenerated === committed, `contracts/${CONTRACT_FILE} is stale: run \`npx mocha specs/consumer.pact.spec.ts\` (or \`graphpact contracts\`) and commit it`).to.equal(true);
      // And a second run gives the same bytes.
      await writeContracts({ pactDir: dir });
      expect(await readFile(first.files[0], 'utf8')).to.equal(regenerated);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('holds no JWT, PEM or bearer credential in any file under contracts/', async () => {
    const dir = join(PROJECT_ROOT, 'contracts');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(files).to.include(CONTRACT_FILE);
    for (const file of files) expect(secretShapes(await readFile(join(dir, file), 'utf8')), file).to.deep.equal([]);
  });

  it('the secret scan finds what it must', () => {
    expect(secretShapes('"Authorization": "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.eyJhdWQiOiIwMDAw.c2ln"')).to.deep.equal(['JWT', 'bearer credential']);
    expect(secretShapes('-----BEGIN PRIVATE KEY-----')).to.deep.equal(['PEM']);
    expect(secretShapes('"Authorization": ["Bearer {token}"], "regex": "^Bearer\\\\s\\\\S+$"')).to.deep.equal([]);
  });

  it('declares only the provider states of src/contracts/states.ts, with their documented params', async () => {
    const pact = JSON.parse(await readFile(COMMITTED, 'utf8')) as { interactions: Array<{ providerStates?: Array<{ name: string; params?: Record<string, unknown> }> }> };
    const states = pact.interactions.flatMap((i) => i.providerStates ?? []);
    expect(new Set(states.map((s) => s.name))).to.deep.equal(new Set(Object.values(STATES)));
    for (const state of states) {
      const allowed = STATE_PARAMS[state.name as keyof typeof STATE_PARAMS];
      expect(Object.keys(state.params ?? {}).every((p) => (allowed as readonly string[]).includes(p)), state.name).to.equal(true);
    }
  });

  describe('verified by Pact against a reference provider', () => {
    it('passes a provider that behaves like Graph (key returned as null)', async () => {
      expect(await verify(referenceProvider({}))).to.equal('pass');
    });
    it('passes a provider that returns the key as base64 and adds properties', async () => {
      expect(await verify(referenceProvider({ returnKey: 'QUJDRA==' }))).to.equal('pass');
    });
    it('fails a provider whose key is not base64', async () => {
      expect(await verify(referenceProvider({ returnKey: 'not base64!' }))).to.match(/\$\.key/);
    });
    it('fails a provider that does not check the proof', async () => {
      expect(await verify(referenceProvider({ skipProofCheck: true }))).to.match(/invalid proof/);
    });
    it('fails a provider whose errors are not Graph error envelopes', async () => {
      expect(await verify(referenceProvider({ plainErrors: true }))).to.match(/missing the following keys: error/);
    });
    it('fails a provider that adds a key whose type is not a string (the generic invalid-body interaction of addKey)', async () => {
      expect(await verify(referenceProvider({ acceptAnyKeyType: true }))).to.match(/add a key with an invalid body/);
    });
    it('fails a provider that returns totalActivation as a string', async () => {
      expect(await verify(referenceProvider({ totalActivationAsString: true }))).to.match(/totalActivation/);
    });
  });
});

interface Quirks {
  returnKey?: string;
  skipProofCheck?: boolean;
  plainErrors?: boolean;
  totalActivationAsString?: boolean;
  acceptAnyKeyType?: boolean;
}

interface TestProvider {
  handler(req: IncomingMessage, body: string, res: ServerResponse): void;
  states: Record<string, () => Promise<Record<string, string>>>;
}

/** Just enough of Graph for the contract's interactions; `quirks` break it in one way each. */
function referenceProvider(quirks: Quirks): TestProvider {
  const apps = new Map<string, { proof: string }>();
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string) =>
    send(res, status, quirks.plainErrors
      ? { message: code }
      : { error: { code, message: code, innerError: { date: '2026-01-01T00:00:00', 'request-id': randomUUID(), 'client-request-id': randomUUID().toUpperCase() } } });
  return {
    states: {
      [STATES.applicationWithCertificate]: async () => {
        const applicationId = randomUUID();
        apps.set(applicationId, { proof: 'valid-proof' });
        return {
          applicationId, proof: 'valid-proof', invalidProof: 'forged-proof', newKey: 'QUJDRA==', newKeyThumbprint: 'QUJD',
          newKeyStartDateTime: '2026-01-01T00:00:00Z', newKeyEndDateTime: '2027-01-01T00:00:00Z', newKeyPassword: 'password-of-the-key', newKeyPfx: 'UEZY',
        };
      },
      [STATES.noApplication]: async () => ({ applicationId: randomUUID(), proof: 'any-proof' }),
    },
    handler(req, raw, res) {
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return error(res, 401, 'InvalidAuthenticationToken');
      const body = JSON.parse(raw || '{}');
      if (req.url === '/deviceAppManagement/sideLoadingKeys') {
        if (!Number.isInteger(body.totalActivation)) return error(res, 400, 'BadRequest');
        const created = { ...body, id: randomUUID(), totalActivation: quirks.totalActivationAsString ? String(body.totalActivation) : body.totalActivation };
        return send(res, 201, created);
      }
      const addKey = /^\/applications\/([^/]+)\/addKey$/.exec(req.url ?? '');
      if (addKey) {
        const app = apps.get(decodeURIComponent(addKey[1]));
        if (!app) return error(res, 404, 'Request_ResourceNotFound');
        if (!quirks.acceptAnyKeyType && typeof body.keyCredential?.type !== 'string') return error(res, 400, 'BadRequest');
        if (!quirks.skipProofCheck && body.proof !== app.proof) return error(res, 401, 'Authentication_InvalidProof');
        const { customKeyIdentifier, keyId, type, usage, endDateTime } = body.keyCredential;
        return send(res, 200, { customKeyIdentifier, keyId, type, usage, endDateTime, displayName: null, key: quirks.returnKey ?? null });
      }
      error(res, 404, 'NotFound');
    },
  };
}

/** Runs Pact's verifier over the committed contract: 'pass', or the failure text. */
async function verify(provider: TestProvider): Promise<string> {
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => provider.handler(req, raw, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stateHandlers = Object.fromEntries(Object.entries(provider.states).map(([name, make]) => [name, async () => {
    const params = await make();
    expect(missingStateParams(name as never, params)).to.deep.equal([]);
    return params;
  }]));
  try {
    await new Verifier({ providerBaseUrl: `http://127.0.0.1:${port}`, pactUrls: [COMMITTED], logLevel: 'error', stateHandlers }).verifyProvider();
    return 'pass';
  } catch (err) {
    return String((err as Error).message);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}
