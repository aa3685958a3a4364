/**
 * The validation worker of a whole-tree lint (src/lint/validation.ts): it may only ever save time. The
 * findings with it are the findings without it; a worker that fails, or a body it was not sent, is
 * validated on the main thread.
 */
import { expect } from 'chai';
import type { JsonSchema } from '../../src/schema/edm.js';
import { FileIndex, parsePage } from '../../src/parse/index.js';
import { buildCatalog } from '../../src/catalog/index.js';
import { generateSchemas } from '../../src/schema/generate.js';
import { schemaSetFromFiles } from '../../src/schema/load.js';
import { lintDocsTree, lintWithGeneratedSchemas } from '../../src/lint/engine.js';
import { DeferRule, parallelValidators, startValidationWorker } from '../../src/lint/validation.js';
import { widgetPage, WIDGET_DEFAULTS, WIDGET_RESOURCE } from '../../src/lint/rules/fixtures.js';
import type { ExampleSubject, LintContext } from '../../src/lint/types.js';
import type { ApiPage } from '../../src/model/page.js';

/** Widget create pages, each its own operation (`POST /widgets<i>`): valid, a bad request or a bad response body. */
function docsTree(count: number): Record<string, string> {
  const files: Record<string, string> = { 'resources/widget.md': WIDGET_RESOURCE };
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    files[`api/widget${i}-create.md`] = widgetPage({
      h1: `Create widget ${i}`,
      httpRequest: `POST /widgets${i}`,
      requestLine: `POST https://graph.microsoft.com/v1.0/widgets${i}`,
      requestBody: kind === 1 ? WIDGET_DEFAULTS.requestBody.replace('"size": 3', '"size": 3.5') : WIDGET_DEFAULTS.requestBody,
      responseBody: kind === 2 ? WIDGET_DEFAULTS.responseBody.replace('"size": 3', '"size": "three"') : WIDGET_DEFAULTS.responseBody,
    });
  }
  return files;
}

function parsed(files: Record<string, string>) {
  const paths = Object.keys(files).sort();
  const index = new FileIndex(paths);
  const pages = paths.map((file) => parsePage({ file, text: files[file] }, index));
  const lines = new Map(paths.map((p) => [p, files[p].split(/\r?\n/)]));
  return { pages, catalog: buildCatalog(pages), options: { knownFiles: paths, sourceLines: (f: string) => lines.get(f) } };
}

describe('lint validation worker', () => {
  it('reports exactly the findings of one thread, in the same order', async () => {
    const { pages, catalog, options } = parsed(docsTree(9));
    const alone = lintWithGeneratedSchemas(pages, catalog, options);
    const withWorker = await lintDocsTree(pages, catalog, { ...options, parallel: true });
    expect(withWorker).to.deep.equal(alone);
    // The tree has what the worker decides: invalid request and response bodies, on their pages.
    const invalid = (rule: string) => withWorker.findings.filter((f) => f.ruleId === rule).map((f) => f.file);
    expect(invalid('example-request-invalid')).to.deep.equal(['api/widget1-create.md', 'api/widget4-create.md', 'api/widget7-create.md']);
    expect(invalid('example-response-invalid')).to.deep.equal(['api/widget2-create.md', 'api/widget5-create.md', 'api/widget8-create.md']);
  });

  it('without a worker (parallel: false) is lintWithGeneratedSchemas', async () => {
    const { pages, catalog, options } = parsed(docsTree(3));
    expect(await lintDocsTree(pages, catalog, { ...options, parallel: false })).to.deep.equal(lintWithGeneratedSchemas(pages, catalog, options));
  });

  describe('parallelValidators', () => {
    /**
     * `workerFiles: 'none'`: the worker gets no files (it fails on its first body). `localFiles: 'accept-all'`:
     * this thread's set accepts everything, so an answer tells which thread gave it.
     */
    function setup(workerFiles?: 'none', localFiles?: 'accept-all') {
      const { pages, catalog } = parsed(docsTree(3));
      const generated = generateSchemas(catalog);
      const operationOf = (file: string) => catalog.operations.find((op) => op.sources[0]?.file === file);
      const ctx: LintContext = { catalog, validators: { request: () => undefined, response: () => undefined }, knownFiles: [], operationOf, sourceLines: () => undefined };
      const examples: ExampleSubject[] = pages.filter((p): p is ApiPage => p.kind === 'api')
        .flatMap((page) => page.examples.map((example) => ({ page, example, operation: operationOf(page.file) })));
      const acceptAll = new Map([...generated.files.keys()].map((path) => [path, {} as JsonSchema]));
      const local = () => schemaSetFromFiles('(local)', generated.index, localFiles === 'accept-all' ? acceptAll : generated.files);
      // An empty set of files makes the worker fail on its first body.
      const parallel = parallelValidators(startValidationWorker(), generated.index, workerFiles === 'none' ? new Map() : generated.files, local, examples, ctx);
      const bad = examples.find((e) => e.page.file === 'api/widget1-create.md') as ExampleSubject;
      return { parallel, bad, local: local() };
    }

    it('defers a rule until the answers are in, then answers as the local validator', async () => {
      const { parallel, bad, local } = setup();
      try {
        const validate = parallel.validators.request(bad.operation!)!;
        const value = bad.example.request!.body!.value;
        expect(() => validate(value)).to.throw(DeferRule);
        expect(parallel.deferrals()).to.equal(1);
        await parallel.settled;
        const expected = local.validator('v1.0/operations/widgets1.create.request.json');
        expect(validate(value)).to.equal(false);
        expect(expected(value)).to.equal(false);
        expect(validate.errors).to.deep.equal(expected.errors);
      } finally {
        await parallel.stop();
      }
    });

    it('helpOut: this thread validates the jobs the worker has not taken, from the last back; the answers are merged', async () => {
      const answers = async (helpOut: boolean) => {
        const { parallel, bad } = setup(undefined, 'accept-all');
        try {
          // Right away, before the worker (still loading) has taken any: with helpOut this thread takes them all.
          if (helpOut) parallel.helpOut();
          await parallel.settled;
          const validate = parallel.validators.request(bad.operation!)!;
          const answer = validate(bad.example.request!.body!.value);
          parallel.helpOut(); // the answers are in: nothing left to take, nothing changes
          expect(validate(bad.example.request!.body!.value)).to.equal(answer);
          expect(parallel.deferrals()).to.equal(0);
          return answer;
        } finally {
          await parallel.stop();
        }
      };
      // Taken here: answered by this thread's (accept-all) set. Left to the worker: its real schemas reject it.
      expect(await answers(true)).to.equal(true);
      expect(await answers(false)).to.equal(false);
    });

    it('validates here a body it was not sent, and everything when the worker failed', async () => {
      const { parallel, bad, local } = setup('none');
      try {
        const validate = parallel.validators.request(bad.operation!)!;
        // Not sent ahead (a copy, not the parsed body): answered at once.
        expect(validate({ displayName: 'x', size: 'three' })).to.equal(false);
        await parallel.settled;
        // The worker had no schema to answer with: this is the local validator's answer.
        const value = bad.example.request!.body!.value;
        const expected = local.validator('v1.0/operations/widgets1.create.request.json');
        expect(validate(value)).to.equal(false);
        expect(expected(value)).to.equal(false);
        expect(validate.errors).to.deep.equal(expected.errors);
        expect(validate.errors?.map((e) => e.instancePath)).to.include('/size');
        expect(parallel.deferrals()).to.equal(0);
      } finally {
        await parallel.stop();
      }
    });
  });
});
