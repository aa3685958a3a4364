/**
 * `graphpact publish`: publishes the Pact contracts to a Pact Broker with the official Pact CLI.
 * Exit 0 published, 2 could not publish (bad folder, bad options, broker down / 5xx / refused).
 */
import { Command } from 'commander';
import { addBrokerConnectionOptions, brokerFlags } from '../../broker/cli-options.js';
import { BrokerConfigError, resolveBrokerConnection, type BrokerFlags } from '../../broker/connection.js';
import { BrokerUnavailableError } from '../../broker/preflight.js';
import { PactFileError, publishContracts, type PublishResult } from '../../broker/publish.js';
import { redactText } from '../../util/redact.js';
import { action, addFormatOption, collect, EXIT, reportCouldNotRun, type OutputFormat } from '../command.js';

interface PublishCliOptions extends BrokerFlags {
  pactDir: string;
  consumerAppVersion: string;
  branch?: string;
  tag?: string[];
  buildUrl?: string;
  retries: string;
  format: OutputFormat;
}

export function publishCommand(): Command {
  const cmd = new Command('publish')
    .description('publish the Pact contracts to a Pact Broker (exit 0 published, 2 could not publish)')
    .option('--pact-dir <dir>', 'directory of Pact contract files', 'contracts')
    .requiredOption('--consumer-app-version <version>', 'consumer version to publish under (e.g. the git sha)')
    .option('--branch <branch>', 'repository branch of the consumer version')
    .option('--tag <tag>', 'tag for the consumer version (repeatable)', collect)
    .option('--build-url <url>', 'URL of the CI build that produced the contracts')
    .option('--retries <n>', 'HTTP retries on 5xx/429 inside the Pact CLI', '2');
  addBrokerConnectionOptions(cmd);
  addFormatOption(cmd);
  cmd.addHelpText(
    'after',
    '\nEnvironment: PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD (flags override).\n' +
      'Example:\n  PACT_BROKER_BASE_URL=https://broker.example PACT_BROKER_TOKEN=... graphpact publish --consumer-app-version $(git rev-parse HEAD) --branch main',
  );
  return cmd.action(action(async (opts: PublishCliOptions) => publishAction(opts)));
}

async function publishAction(opts: PublishCliOptions): Promise<number> {
  let result: PublishResult;
  try {
    const connection = resolveBrokerConnection(brokerFlags(opts));
    result = await publishContracts(
      {
        pactDir: opts.pactDir,
        consumerAppVersion: opts.consumerAppVersion,
        branch: opts.branch,
        tags: opts.tag ?? [],
        buildUrl: opts.buildUrl,
        retries: Number(opts.retries),
      },
      connection,
    );
  } catch (err) {
    if (err instanceof BrokerConfigError || err instanceof BrokerUnavailableError || err instanceof PactFileError) {
      return reportCouldNotRun('graphpact publish', err, opts.format);
    }
    throw err;
  }
  process.stdout.write(redactText(opts.format === 'json' ? JSON.stringify({ outcome: 'published', ...result }, null, 2) + '\n' : renderPublished(result)));
  return EXIT.ok;
}

function renderPublished(r: PublishResult): string {
  const extras = [r.branch ? `branch ${r.branch}` : '', r.tags.length ? `tags ${r.tags.join(', ')}` : ''].filter(Boolean).join(', ');
  const lines = [`published ${r.pacts.length} pact(s) to ${r.broker} as consumer version ${r.consumerAppVersion}${extras ? ` (${extras})` : ''}`];
  for (const p of r.pacts) lines.push(`  ${p.file}: ${p.consumer} -> ${p.provider} (${p.interactions} interactions)`);
  return lines.join('\n') + '\n';
}
