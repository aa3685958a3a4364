/**
 * The real docs at scale: the 1,014 pages of ../shared/corpus/dev-sample.txt (read in place, never
 * copied) through catalog, schemas and OpenAPI. Every schema compiles with ajv 2020 and both OpenAPI
 * documents pass @readme/openapi-parser. Skipped when the shared corpus is not beside the project.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { validate } from '@readme/openapi-parser';
import { buildCatalog } from '../../src/catalog/index.js';
import type { ParsedPage } from '../../src/model/page.js';
import { openApiPath, schemaId } from '../../src/model/schema-layout.js';
import { FileIndex, parsePage } from '../../src/parse/index.js';
import { generateOutput, type BuildOutput } from '../../src/schema/pipeline.js';
import { createAjv } from '../../src/schema/load.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

describe('build: dev sample of the real Graph docs', function () {
  let pages: ParsedPage[];
  let output: BuildOutput;
  before(async function () {
    if (!existsSync(`${CORPUS}dev-sample.txt`)) this.skip();
    const list = (await readFile(`${CORPUS}dev-sample.txt`, 'utf8')).split('\n').map((l) => l.trim()).filter(Boolean);
    const files = list.map((rel) => `../shared/corpus/graph-docs/${rel}`);
    const index = new FileIndex(files);
    pages = await Promise.all(
      files.map(async (file) => parsePage({ file, text: await readFile(`${CORPUS}graph-docs/${file.slice('../shared/corpus/graph-docs/'.length)}`, 'utf8') }, index)),
    );
    output = generateOutput(buildCatalog(pages));
  });

  it('turns most API pages into operations in both versions', () => {
    const apiPages = pages.filter((p) => p.kind === 'api').length;
    expect(apiPages).to.equal(400);
    expect(output.index.versions).to.deep.equal(['beta', 'v1.0']);
    // Pages documenting the same path in one version merge, so fewer operations than pages — but not few.
    expect(output.index.operations.length).to.be.within(250, 400);
  });

  it('every generated schema compiles with ajv 2020 + formats', () => {
    const ajv = createAjv();
    for (const [path, schema] of output.schemaFiles) ajv.addSchema(schema, schemaId(path));
    const failures: string[] = [];
    for (const path of output.schemaFiles.keys()) {
      try {
        ajv.getSchema(schemaId(path));
      } catch (err) {
        failures.push(`${path}: ${(err as Error).message}`);
      }
    }
    expect(failures).to.deep.equal([]);
    expect(output.schemaFiles.size).to.be.above(500);
  });

  for (const version of ['beta', 'v1.0']) {
    it(`openapi.${version}.json of the sample passes @readme/openapi-parser validate()`, async () => {
      const result = await validate(structuredClone(output.files.get(openApiPath(version))) as Parameters<typeof validate>[0]);
      expect(result.valid, JSON.stringify(result).slice(0, 2000)).to.equal(true);
    });
  }
});
