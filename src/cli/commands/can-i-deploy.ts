/**
 * `graphpact can-i-deploy ...`: asks the Pact Broker whether a version may be deployed, through the
 * official CLI (`pact broker can-i-deploy`); every argument it does not know is passed through.
 */
import { Command } from 'commander';
import { canIDeployArgs, canIDeployExitCode, extractBrokerFlags } from '../../broker/can-i-deploy.js';
import { addBrokerConnectionOptions, brokerFlags } from '../../broker/cli-options.js';
import { BrokerConfigError, pactCliEnv, resolveBrokerConnection, type BrokerFlags } from '../../broker/connection.js';
import { BrokerUnavailableError, checkBrokerReachable } from '../../broker/preflight.js';
import { runPactCli } from '../../broker/pact-cli.js';
import { action, addFormatOption, reportCouldNotRun, type OutputFormat } from '../command.js';

interface CanIDeployCliOptions extends BrokerFlags {
  format: OutputFormat;
  retries: string;
}

export function canIDeployCommand(): Command {
  const cmd = new Command('can-i-deploy')
    .description('ask the Pact Broker whether a version can be deployed (exit 0 yes, 1 no, 2 could not ask)')
    .argument('[pact-args...]', 'arguments for `pact broker can-i-deploy` (--pacticipant NAME --version V --to-environment ENV ...)')
    .option('--retries <n>', 'HTTP retries on 5xx/429 inside the Pact CLI', '2')
    .allowUnknownOption()
    .passThroughOptions();
  addBrokerConnectionOptions(cmd);
  addFormatOption(cmd);
  cmd.addHelpText(
    'after',
    '\nEverything else is passed to `pact broker can-i-deploy` (see `npx pact broker can-i-deploy --help`).\n' +
      'Environment: PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD (flags override).\n' +
      'Example:\n  graphpact can-i-deploy --pacticipant graphpact --version $GITHUB_SHA --to-environment production',
  );
  return cmd.action(action(async (pactArgs: string[], opts: CanIDeployCliOptions) => {
    try {
      const { flags, own: late, rest } = extractBrokerFlags(pactArgs);
      const format = late.format ?? opts.format;
      if (format !== 'text' && format !== 'json') throw new BrokerConfigError(`--format must be one of text, json (got "${format}")`);
      opts.format = format;
      const own = brokerFlags(opts);
      const connection = resolveBrokerConnection({
        brokerBaseUrl: own.brokerBaseUrl ?? flags.brokerBaseUrl,
        brokerToken: own.brokerToken ?? flags.brokerToken,
        brokerUsername: own.brokerUsername ?? flags.brokerUsername,
        brokerPassword: own.brokerPassword ?? flags.brokerPassword,
      });
      if (!rest.some((a) => a === '--pacticipant' || a === '-a' || a.startsWith('--pacticipant='))) {
        throw new BrokerConfigError('can-i-deploy needs --pacticipant NAME (with --version V or --latest, and --to-environment ENV)');
      }
      const retriesText = late.retries ?? opts.retries;
      const retries = Number(retriesText);
      if (!Number.isInteger(retries) || retries < 0) throw new BrokerConfigError(`--retries must be a whole number >= 0 (got "${retriesText}")`);
      await checkBrokerReachable(connection);
      const args = canIDeployArgs(rest, connection.baseUrl, format, retries);
      const result = await runPactCli(args, pactCliEnv(connection));
      const jsonOutput = args[args.indexOf('--output') + 1] === 'json' ? result.stdout : undefined;
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      return canIDeployExitCode(result.status, jsonOutput);
    } catch (err) {
      if (err instanceof BrokerConfigError || err instanceof BrokerUnavailableError) return reportCouldNotRun('graphpact can-i-deploy', err, opts.format);
      throw err;
    }
  }));
}
