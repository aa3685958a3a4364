/** Schemas generated on demand are the ones `graphpact build` writes, and their $refs resolve when compiled. */
import { expect } from 'chai';
import { generateSchemas } from '../../../src/schema/generate.js';
import { lazySchemaSet } from '../../../src/provider/emulator/lazy-schemas.js';
import { emulatorCatalog } from './docs.js';

describe('provider/emulator lazy schemas', function () {
  const catalog = emulatorCatalog();
  const built = generateSchemas(catalog);

  it('every file build generates comes out the same on demand; what build does not generate does not exist', function () {
    const lazy = lazySchemaSet(catalog);
    expect(built.files.size).to.be.above(10);
    for (const [path, schema] of built.files) expect(lazy.schema(path), path).to.deep.equal(schema);
    expect(lazy.has('v1.0/operations/widgets.delete.request.json')).to.equal(false);
    expect(lazy.has('v1.0/types/microsoft.graph.nothing.json')).to.equal(false);
    expect(lazy.has('v2/types/microsoft.graph.widget.json')).to.equal(false);
    expect(lazy.index.versions).to.deep.equal(built.index.versions);
  });

  it('a validator reaches the type schemas its schema $refs, generated when first needed', function () {
    const lazy = lazySchemaSet(catalog);
    const response = 'v1.0/operations/widgets.get.response.json';
    expect(JSON.stringify(lazy.schema(response))).to.include('$ref');
    const validate = lazy.validator(response);
    expect(validate({ id: 'x', size: 3 })).to.equal(true);
    expect(validate({ id: 'x', size: 'big' })).to.equal(false);
    expect(() => lazy.validator('v1.0/operations/nothing.request.json')).to.throw(/no schema/);
  });
});
