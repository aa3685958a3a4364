/** `graphpact operations` says which documented paths the emulator answers 501, and why (docs written to a temp dir). */
import { expect } from 'chai';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { useTempDirs } from '../../helpers/temp.js';
import { emulatorDocs } from './docs.js';

describe('graphpact operations: what the emulator does not serve', function () {
  const tempDir = useTempDirs('emulator-operations');

  async function writeDocs(): Promise<string> {
    const root = await tempDir();
    for (const [path, text] of Object.entries(emulatorDocs())) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return root;
  }

  it('json: the paths answered 501 with the reason, only on the operations that have them', async function () {
    const docs = await writeDocs();
    const { code, stdout } = await runCli(['operations', '--docs', docs, '--operations', 'widgets.**', '--format', 'json']);
    expect(code).to.equal(0);
    const ops = (JSON.parse(stdout) as { operations: { id: string; emulatorNotServed?: string[] }[] }).operations;
    const byId = new Map(ops.map((o) => [o.id, o]));
    expect(byId.get('widgets.photo.value.get')?.emulatorNotServed).to.deep.equal(['GET /widgets/{widget-id}/photo/$value: binary content (a media stream, not JSON)']);
    expect(byId.get('widgets.blob.set')?.emulatorNotServed?.[0]).to.include('binary request body');
    expect(byId.get('widgets.create')).to.not.have.property('emulatorNotServed');
    expect(byId.get('widgets.archive')).to.not.have.property('emulatorNotServed');
  });

  it('text: a line under the operation', async function () {
    const docs = await writeDocs();
    const { code, stdout } = await runCli(['operations', '--docs', docs, '--operations', 'widgets.photo.**,widgets.create']);
    expect(code).to.equal(0);
    expect(stdout).to.include('emulator answers 501: GET /widgets/{widget-id}/photo/$value: binary content');
    expect(stdout.match(/emulator answers 501/g)).to.have.length(1);
  });
});
