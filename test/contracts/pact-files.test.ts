import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PactFileError, readPactFiles } from '../../src/contracts/pact-files.js';
import { readPactFolder } from '../../src/broker/publish.js';
import { readContracts } from '../../src/verify/pact.js';

// One reader for verify and publish: same files, same order, same one-line errors.
describe('contracts/readPactFiles (shared by verify and publish)', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'graphpact-pact-files-')); });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const pact = (consumer: string) => JSON.stringify({ consumer: { name: consumer }, provider: { name: 'graph' }, interactions: [{ description: `${consumer} asks`, type: 'Synchronous/HTTP' }], metadata: { pactSpecification: { version: '4.0' } } });

  it('reads every *.json, sorted by name, and nothing else', async () => {
    await writeFile(join(dir, 'b.json'), pact('b'));
    await writeFile(join(dir, 'a.json'), pact('a'));
    await writeFile(join(dir, 'notes.txt'), 'not a pact');
    expect((await readPactFiles(dir)).map((p) => p.file)).to.deep.equal([join(dir, 'a.json'), join(dir, 'b.json')]);
    expect((await readPactFolder(dir)).map((s) => [s.consumer, s.interactions])).to.deep.equal([['a', 1], ['b', 1]]);
    expect((await readContracts(dir)).interactions.map((i) => i.description)).to.deep.equal(['a asks', 'b asks']);
  });

  it('fails with one line naming the folder or file:line, the same for verify and publish', async () => {
    const missing = join(dir, 'missing');
    for (const read of [readPactFiles, readPactFolder, readContracts]) {
      await read(missing).then(() => expect.fail('no error'), (err: Error) => {
        expect(err).to.be.instanceOf(PactFileError);
        expect(err.message).to.equal(`${missing}: contracts folder not found (write them first: \`graphpact contracts\` or \`graphpact all\`; or give --pact-dir)`);
      });
    }
    await readPactFiles(dir).then(() => expect.fail('no error'), (err: Error) => expect(err.message).to.equal(`${dir}: no Pact contracts (*.json) in the folder`));
    await writeFile(join(dir, 'broken.json'), '{\n  "consumer": {"name": "x"},\n  oops\n}\n');
    await readPactFolder(dir).then(() => expect.fail('no error'), (err: Error) => expect(err.message).to.match(/broken\.json:3: not valid JSON/));
  });
});
