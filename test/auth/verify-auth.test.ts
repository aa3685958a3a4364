/** The auth flags on `graphpact verify` (client credentials for the nightly run): resolution errors exit 2 before anything is sent. */
import { expect } from 'chai';
import { runCli } from '../broker/helpers.js';
import { useTempDirs } from '../helpers/temp.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('graphpact verify with client credentials', () => {
  const tempDir = useTempDirs('verify-auth');
  it('incomplete client credentials: exit 2 with one line, nothing sent', async () => {
    const run = await runCli(['verify', '--provider-base-url', 'http://127.0.0.1:9/beta', '--tenant-id', TENANT, '--client-id', CLIENT, '--reports', await tempDir()]);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim()).to.equal('graphpact verify: could not run: client credentials need --client-secret (AZURE_CLIENT_SECRET) or --client-certificate PEM (AZURE_CLIENT_CERTIFICATE_PATH)');
  });

  it('an unreadable certificate from AZURE_CLIENT_CERTIFICATE_PATH is named', async () => {
    const run = await runCli(['verify', '--provider-base-url', 'http://127.0.0.1:9/beta', '--format', 'json', '--reports', await tempDir()], {
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_CERTIFICATE_PATH: '/nonexistent/client.pem',
    });
    expect(run.code).to.equal(2);
    expect(JSON.parse(run.stdout)).to.deep.include({ outcome: 'could-not-run' });
    expect(run.stderr).to.include('/nonexistent/client.pem: cannot read the client certificate (ENOENT)');
  });

  it('--help lists the client-credential options', async () => {
    const run = await runCli(['verify', '--help']);
    expect(run.code).to.equal(0);
    for (const flag of ['--tenant-id', '--client-id', '--client-secret', '--client-certificate']) expect(run.stdout).to.include(flag);
  });
});
