import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { buildFromDocs, type DocsBuild } from '../../src/schema/pipeline.js';
import { openApiPath as openApiFile } from '../../src/model/schema-layout.js';
import { documentedLinesPresent, operationsWithout4xx, redoclyErrors, spectralErrors } from '../../scripts/openapi-tools.js';
import type { ApiPage } from '../../src/model/page.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('openapi: the project build as Redocly and Spectral read it', function () {
  this.timeout(120_000);
  let built: DocsBuild;
  const doc = (version: string): any => built.output.files.get(openApiFile(version));
  before(async () => {
    built = await buildFromDocs([`${ROOT}apidocs`], { root: ROOT });
  });

  for (const version of ['beta', 'localtest']) {
    it(`openapi.${version}.json: no Redocly (recommended) or Spectral (spectral:oas) error, every operation has a 4XX`, async () => {
      const text = JSON.stringify(doc(version));
      const redocly = await redoclyErrors(text, `openapi.${version}.json`);
      expect(redocly.errors, JSON.stringify(redocly.first)).to.equal(0);
      const spectral = await spectralErrors(text, `openapi.${version}.json`);
      expect(spectral.errors, JSON.stringify(spectral.first)).to.equal(0);
      expect(operationsWithout4xx(doc(version))).to.equal(0);
    });
  }

  it('the tools do report what they should (identical paths, an invalid example, a missing 4XX)', async () => {
    const broken = structuredClone(doc('beta'));
    const addKey = broken.paths['/applications/{id}/addKey'];
    broken.paths['/applications/{applicationId}/addKey'] = { post: { ...structuredClone(addKey.post), operationId: 'other', parameters: [{ name: 'applicationId', in: 'path', required: true, schema: { type: 'string' } }] } };
    delete addKey.post.responses['4XX'];
    addKey.post.requestBody.content['application/json'].examples = { bad: { value: { keyCredential: { notAProperty: 1 } } } };
    const text = JSON.stringify(broken);
    expect((await redoclyErrors(text, 'broken.json')).byRule).to.have.property('no-identical-paths');
    expect((await spectralErrors(text, 'broken.json')).byRule).to.have.property('oas3-valid-media-example');
    expect(operationsWithout4xx(broken)).to.equal(1);
  });

  it('counts the documented METHOD path lines that have an operation (parameter names aside)', () => {
    const pages = built.pages.filter((p): p is ApiPage => p.kind === 'api');
    const documents = new Map([['beta', doc('beta')], ['localtest', doc('localtest')]]);
    const all = documentedLinesPresent(pages, documents);
    expect(all.documented).to.be.greaterThan(0);
    expect(all.present).to.equal(all.documented);
    const withoutBeta = documentedLinesPresent(pages, new Map([['localtest', doc('localtest')]]));
    expect(withoutBeta.present).to.be.lessThan(all.present);
  });
});
