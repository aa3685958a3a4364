import { expect } from 'chai';
import { brokerVerifierOptions, DEFAULT_SELECTORS, parseSelectors, wantsBroker } from '../../src/broker/verify-options.js';
import { BrokerConfigError, resolveBrokerConnection, pactCliEnv } from '../../src/broker/connection.js';
import { canIDeployArgs, canIDeployExitCode, extractBrokerFlags } from '../../src/broker/can-i-deploy.js';
import { publishArgs } from '../../src/broker/publish.js';
import { clearRegisteredSecrets, redactText } from '../../src/util/redact.js';

const URL_ = 'https://broker.example';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(BrokerConfigError);
    const message = (err as Error).message;
    expect(message).not.to.include('\n');
    return message;
  }
  throw new Error('expected a BrokerConfigError');
}

describe('broker options (pure)', () => {
  afterEach(() => clearRegisteredSecrets());

  describe('brokerVerifierOptions', () => {
    it('maps every flag to the Pact Verifier option', () => {
      const options = brokerVerifierOptions(
        {
          brokerUrl: `${URL_}/`,
          provider: 'graph',
          consumerVersionSelectors: '[{"branch":"main"},{"deployedOrReleased":true}]',
          publishVerificationResults: true,
          providerAppVersion: 'abc123',
          providerVersionBranch: 'main',
          enablePending: true,
          includeWipPactsSince: '2026-01-31',
          brokerToken: 'token-1234567',
        },
        {},
      );
      expect(options).to.deep.equal({
        pactBrokerUrl: URL_,
        provider: 'graph',
        consumerVersionSelectors: [{ branch: 'main' }, { deployedOrReleased: true }],
        publishVerificationResult: true,
        providerVersion: 'abc123',
        providerVersionBranch: 'main',
        enablePending: true,
        includeWipPactsSince: '2026-01-31',
        pactBrokerToken: 'token-1234567',
      });
    });

    it('takes URL and basic auth from PACT_BROKER_*; defaults the selectors; registers the password for redaction', () => {
      const options = brokerVerifierOptions({ provider: 'graph' }, { PACT_BROKER_BASE_URL: URL_, PACT_BROKER_USERNAME: 'u', PACT_BROKER_PASSWORD: 'pw-9876543' });
      expect(options).to.deep.include({ pactBrokerUrl: URL_, pactBrokerUsername: 'u', pactBrokerPassword: 'pw-9876543', consumerVersionSelectors: DEFAULT_SELECTORS });
      expect(options.publishVerificationResult).to.equal(undefined);
      expect(redactText('password is pw-9876543')).to.equal('password is [REDACTED]');
    });

    it('flags override the environment', () => {
      const options = brokerVerifierOptions({ provider: 'p', brokerUrl: 'http://127.0.0.1:1234', brokerToken: 'flag-token-1' }, { PACT_BROKER_BASE_URL: URL_, PACT_BROKER_TOKEN: 'env-token-1' });
      expect(options.pactBrokerUrl).to.equal('http://127.0.0.1:1234');
      expect(options.pactBrokerToken).to.equal('flag-token-1');
    });

    it('rejects what cannot work, in one line each', () => {
      expect(errorOf(() => brokerVerifierOptions({ provider: 'p' }, {}))).to.match(/needs --broker-url/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: URL_ }, {}))).to.match(/needs --provider NAME/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: 'ftp://x', provider: 'p' }, {}))).to.match(/must be http or https/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: 'https://u:secret99@b.example', provider: 'p' }, {}))).to.match(/not in the URL/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: URL_, provider: 'p', publishVerificationResults: true }, {}))).to.match(/needs --provider-app-version/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: URL_, provider: 'p', providerVersionBranch: 'main' }, {}))).to.match(/only used with --publish-verification-results/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: URL_, provider: 'p', includeWipPactsSince: '2026-01-01' }, {}))).to.match(/needs --enable-pending/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: URL_, provider: 'p', enablePending: true, includeWipPactsSince: 'last week' }, {}))).to.match(/must be a date like/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: URL_, provider: 'p', brokerToken: 't-123456', brokerUsername: 'u' }, {}))).to.match(/not both/);
      expect(errorOf(() => brokerVerifierOptions({ brokerUrl: URL_, provider: 'p' }, { PACT_BROKER_USERNAME: 'u' }))).to.match(/needs a password/);
    });

    it('wantsBroker only when a broker flag is present', () => {
      expect(wantsBroker({})).to.equal(false);
      expect(wantsBroker({ brokerUrl: URL_ })).to.equal(true);
      expect(wantsBroker({ enablePending: true })).to.equal(true);
    });
  });

  describe('parseSelectors', () => {
    it('accepts an array or one object', () => {
      expect(parseSelectors('{"mainBranch":true}')).to.deep.equal([{ mainBranch: true }]);
      expect(parseSelectors('[{"tag":"prod","latest":true},{"environment":"production","deployed":true}]')).to.have.length(2);
    });
    it('rejects bad JSON, unknown keys, wrong types, empty selectors', () => {
      expect(errorOf(() => parseSelectors('[{mainBranch:true}]'))).to.match(/not valid JSON/);
      expect(errorOf(() => parseSelectors('[{"mainbranch":true}]'))).to.match(/unknown key "mainbranch"/);
      expect(errorOf(() => parseSelectors('[{"branch":true}]'))).to.match(/\[0\]\.branch must be a string/);
      expect(errorOf(() => parseSelectors('[]'))).to.match(/at least one/);
      expect(errorOf(() => parseSelectors('[{}]'))).to.match(/is empty/);
      expect(errorOf(() => parseSelectors('["main"]'))).to.match(/must be an object/);
    });
  });

  describe('connection and CLI arguments', () => {
    it('credentials travel in the child env, never in the argument list', () => {
      const connection = resolveBrokerConnection({ brokerBaseUrl: URL_, brokerToken: 'argv-token-123' }, {});
      const args = publishArgs({ pactDir: 'contracts', consumerAppVersion: '1', tags: ['a', 'b'], branch: 'main', retries: 2 }, connection);
      expect(args.join(' ')).not.to.include('argv-token-123');
      expect(args).to.deep.equal(['broker', 'publish', 'contracts', '--broker-base-url', URL_, '--consumer-app-version', '1', '--branch', 'main', '--tag', 'a,b', '--retries', '2']);
      const env = pactCliEnv(connection, { PATH: '/bin', PACT_BROKER_USERNAME: 'stale', PACT_BROKER_PASSWORD: 'stale-pw' });
      expect(env).to.deep.equal({ PATH: '/bin', PACT_BROKER_BASE_URL: URL_, PACT_BROKER_TOKEN: 'argv-token-123' });
    });

    it('can-i-deploy: broker flags are pulled out of the pass-through arguments', () => {
      const { flags, own, rest } = extractBrokerFlags(['--pacticipant', 'graphpact', '--broker-token', 'tk-1234567', '--version', 'abc', '-b', URL_, '--broker-password=pw-1234567', '--to-environment', 'production', '--format', 'json', '--retries=0']);
      expect(own).to.deep.equal({ format: 'json', retries: '0' });
      expect(flags).to.deep.equal({ brokerToken: 'tk-1234567', brokerBaseUrl: URL_, brokerPassword: 'pw-1234567' });
      expect(rest).to.deep.equal(['--pacticipant', 'graphpact', '--version', 'abc', '--to-environment', 'production']);
      expect(canIDeployArgs(rest, URL_, 'json', 0)).to.deep.equal(['broker', 'can-i-deploy', ...rest, '--broker-base-url', URL_, '--output', 'json', '--retries', '0']);
      expect(canIDeployArgs(['--output', 'table'], URL_, 'json', 1)).not.to.include('json');
      expect([0, 1, 2, 101, null].map((s) => canIDeployExitCode(s))).to.deep.equal([0, 1, 2, 2, 2]);
      expect(canIDeployExitCode(0, '{"summary":{"deployable":false}}'), 'JSON says no although the CLI exits 0').to.equal(1);
      expect(canIDeployExitCode(0, '{"summary":{"deployable":true}}')).to.equal(0);
      expect(canIDeployExitCode(0, 'not json')).to.equal(2);
    });
  });
});
