import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countStatuses, decideOutcome } from '../../src/report/model.js';
import { PENDING_NOTE, declaredInteractions, interactionOutcomes, parseVerifierJson, plainOutput } from '../../src/verify/pact-results.js';
import { explainStateFailures, flagUnknownStates, readContracts, unanswered } from '../../src/verify/pact.js';

const pact = {
  interactions: [
    { description: 'create a key', providerStates: [], request: { method: 'POST', path: '/keys', headers: { Authorization: ['Bearer x'] } } },
    { description: 'add a key', providerStates: [{ name: 'an application with a valid certificate exists' }], request: { method: 'POST', path: '/applications/1/addKey', generators: { path: { type: 'ProviderState', expression: '/applications/${applicationId}/addKey' } } } },
    { description: 'never ran', request: { method: 'GET', path: '/' } },
  ],
};

describe('Pact results', () => {
  it('reads interactions, states and request header names from a Pact file', () => {
    const declared = declaredInteractions(pact, 'p.json');
    expect(declared.map((d) => d.description)).to.deep.equal(['create a key', 'add a key', 'never ran']);
    expect(declared[1].providerStates).to.deep.equal(['an application with a valid certificate exists']);
    expect(declared[0].headers).to.deep.equal(['Authorization']);
    expect(declared[1].path).to.equal('/applications/${applicationId}/addKey');
  });

  it('rejects a file that is not a Pact, naming it', () => {
    expect(() => declaredInteractions({ foo: 1 }, 'contracts/x.json')).to.throw('contracts/x.json: not a Pact file');
  });

  it('a failure the verifier lists as pending (--enable-pending) is a warning with a pending note, not a failure', () => {
    const pendingError = { interaction: 'Verifying a pact between graphpact and graph - create a key', mismatch: { type: 'mismatches', mismatches: [{ type: 'BodyMismatch', path: '$.ok', expected: 'true', actual: 'false', mismatch: 'Expected false to be equal to true' }] } };
    const result = parseVerifierJson(JSON.stringify({
      result: true,
      interactionResults: [{ description: 'create a key', result: 'Error' }, { description: 'add a key', result: 'Error' }],
      errors: [{ interaction: 'Verifying a pact between graphpact and graph - add a key', mismatch: { type: 'error', message: 'boom' } }],
      pendingErrors: [pendingError],
    }))!;
    const outcomes = interactionOutcomes(declaredInteractions(pact, 'p.json'), result);
    expect(outcomes.map((o) => [o.status, o.pending])).to.deep.equal([['warn', true], ['fail', undefined], ['skip', undefined]]);
    expect(outcomes[0].mismatches.map((m) => m.message)).to.deep.equal(['BodyMismatch: Expected false to be equal to true', PENDING_NOTE]);
    const report = { pact: { ran: true, pactFiles: [], interactions: [outcomes[0]] } };
    expect(decideOutcome(countStatuses([], report.pact), false)).to.deep.equal({ outcome: 'conformant', exitCode: 0 });
    expect(countStatuses([], report.pact).warn).to.equal(1);
  });

  it('maps the verifier result to one outcome per interaction, with its mismatches', () => {
    const result = parseVerifierJson(JSON.stringify({
      result: false,
      interactionResults: [{ description: 'create a key', result: 'OK' }, { description: 'add a key', result: 'Error' }],
      errors: [{ interaction: 'Verifying a pact between graphpact and graph Given an application with a valid certificate exists - add a key', mismatch: { type: 'mismatches', mismatches: [{ type: 'StatusMismatch', expected: 200, actual: 401, mismatch: 'expected 200 but was 401' }, { type: 'BodyMismatch', path: '$.keyId', expected: '"a"', actual: '1', mismatch: 'Expected 1 to be a string' }] } }],
      output: ['\u001b[1mVerifying\u001b[0m'],
    }))!;
    const outcomes = interactionOutcomes(declaredInteractions(pact, 'p.json'), result);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['pass', 'fail', 'skip']);
    expect(outcomes[1].mismatches).to.deep.equal([
      { message: 'StatusMismatch: expected 200 but was 401', expected: '200', actual: '401' },
      { message: 'BodyMismatch: Expected 1 to be a string', path: '$.keyId', expected: '"a"', actual: '1' },
    ]);
    expect(plainOutput(result)).to.equal('Verifying');
  });

  it('one wrong value matched by OR-ed rules (a nullable integer) is one mismatch listing both alternatives', () => {
    const or = [
      { type: 'BodyMismatch', path: '$.totalActivation', expected: '15', actual: '"15"', mismatch: "Expected '15' (String) to be an integer" },
      { type: 'BodyMismatch', path: '$.totalActivation', expected: '15', actual: '"15"', mismatch: "Expected '15' (String) to be a null value" },
      { type: 'BodyMismatch', path: '$.id', actual: '1', mismatch: 'Expected 1 to be a string' },
    ];
    const outcomes = interactionOutcomes(declaredInteractions(pact, 'p.json'), { errors: [{ interaction: 'x - create a key', mismatch: { type: 'mismatches', mismatches: or } }] });
    expect(outcomes[0].mismatches.map((m) => m.message)).to.deep.equal([
      "BodyMismatch: Expected '15' (String) to be an integer, or Expected '15' (String) to be a null value",
      'BodyMismatch: Expected 1 to be a string',
    ]);
  });

  it('turns an error without mismatches (e.g. a failed state change) into a failure with its message', () => {
    const outcomes = interactionOutcomes(declaredInteractions(pact, 'p.json'), { errors: [{ interaction: 'x - create a key', mismatch: { type: 'error', message: 'One or more of the setup state change handlers has failed' } }] });
    expect(outcomes[0]).to.deep.include({ status: 'fail', mismatches: [{ message: 'One or more of the setup state change handlers has failed' }] });
  });

  it('parseVerifierJson: undefined for garbage', () => {
    expect(parseVerifierJson('not json')).to.equal(undefined);
    expect(parseVerifierJson(undefined)).to.equal(undefined);
  });

  it('readContracts: clear one-line errors for a missing directory, no contracts, and broken JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphpact-pacts-'));
    try {
      await readContracts(join(dir, 'missing')).then(() => expect.fail('no error'), (err: Error) => expect(err.message).to.match(/missing: contracts folder not found/));
      await readContracts(dir).then(() => expect.fail('no error'), (err: Error) => expect(err.message).to.match(/: no Pact contracts \(\*\.json\) in the folder/));
      await writeFile(join(dir, 'bad.json'), '{\n  "interactions": [\n    {"description": "x",}\n  ]\n}\n');
      await readContracts(dir).then(() => expect.fail('no error'), (err: Error) => expect(err.message).to.match(/bad\.json:3: not valid JSON/));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('explainStateFailures', () => {
  it('adds each state setup error to the next failed interaction of that state', () => {
    const state = 'an application with a valid certificate exists';
    const outcomes = explainStateFailures([
      { description: 'a', providerStates: [], status: 'fail', mismatches: [{ message: 'x' }] },
      { description: 'b', providerStates: [state], status: 'pass', mismatches: [] },
      { description: 'c', providerStates: [state], status: 'fail', mismatches: [{ message: 'StatusMismatch: expected 200 but was 404' }] },
    ], [{ state, message: 'POST /applications failed: HTTP 500' }]);
    expect(outcomes[0].mismatches).to.have.length(1);
    expect(outcomes[1].mismatches).to.have.length(0);
    expect(outcomes[2].mismatches[1].message).to.equal(`state "${state}" setup failed: POST /applications failed: HTTP 500`);
  });
});

describe('unanswered', () => {
  it('makes failures the forwarder answered 502 inconclusive, with the reason; leaves other failures and passes', () => {
    const outcomes = unanswered([
      { description: 'hung', providerStates: [], status: 'fail', mismatches: [{ message: 'StatusMismatch: expected 200 but was 502', expected: '200', actual: '502' }] },
      { description: 'wrong', providerStates: [], status: 'fail', mismatches: [{ message: 'StatusMismatch: expected 200 but was 404', expected: '200', actual: '404' }] },
      { description: 'fine', providerStates: [], status: 'pass', mismatches: [] },
    ], 'provider did not answer in time at http://p/beta/x: no complete response within 1000 ms');
    expect(outcomes.map((o) => o.status)).to.deep.equal(['inconclusive', 'fail', 'pass']);
    expect(outcomes[0].mismatches[1].message).to.equal('no answer from the provider: provider did not answer in time at http://p/beta/x: no complete response within 1000 ms');
  });
});

describe('interactionOutcomes: throttling', () => {
  it('calls an interaction still answered 429 after the retry budget inconclusive, not failed', () => {
    const declared = declaredInteractions(pact, 'p.json');
    const throttled = interactionOutcomes(declared, { errors: [{ interaction: 'x - create a key', mismatch: { mismatches: [{ type: 'StatusMismatch', expected: 201, actual: 429, mismatch: 'expected 201 but was 429' }] } }] });
    expect(throttled[0].status).to.equal('inconclusive');
    const wrong = interactionOutcomes(declared, { errors: [{ interaction: 'x - create a key', mismatch: { mismatches: [{ type: 'StatusMismatch', expected: 201, actual: 200, mismatch: 'expected 201 but was 200' }] } }] });
    expect(wrong[0].status).to.equal('fail');
  });
});

describe('flagUnknownStates', () => {
  it('explains a failure that needs a provider state graphpact cannot set up', () => {
    const [unknown, known, passed] = flagUnknownStates([
      { description: 'a', providerStates: ['a tenant with 3 keys exists'], status: 'fail', mismatches: [] },
      { description: 'b', providerStates: ['no application exists with the given id'], status: 'fail', mismatches: [] },
      { description: 'c', providerStates: ['a tenant with 3 keys exists'], status: 'pass', mismatches: [] },
    ]);
    expect(unknown.mismatches[0].message).to.match(/^graphpact has no handler for provider state "a tenant with 3 keys exists"/);
    expect(known.mismatches).to.deep.equal([]);
    expect(passed.mismatches).to.deep.equal([]);
  });
});
