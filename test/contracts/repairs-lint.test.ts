/** Every repair that names a lint finding answers a finding lint really reports on the project's docs. */
import { expect } from 'chai';
import { join } from 'node:path';
import { loadDocs } from '../../src/parse/index.js';
import { buildCatalog } from '../../src/catalog/index.js';
import { loadSchemaSet } from '../../src/schema/load.js';
import { lintDocs } from '../../src/lint/engine.js';
import { REPAIRS } from '../../src/contracts/repairs.js';
import { PROJECT_ROOT } from '../../src/contracts/sources.js';

describe('contracts/repairs answer real lint findings', () => {
  it('each named rule reports the named property on the seeds', async () => {
    const { pages } = await loadDocs([join(PROJECT_ROOT, 'apidocs')]);
    const findings = lintDocs(pages, buildCatalog(pages), await loadSchemaSet(join(PROJECT_ROOT, 'schemas')));
    let checked = 0;
    for (const [key, repairs] of Object.entries(REPAIRS)) {
      for (const repair of repairs) {
        if (repair.finding.startsWith('none:')) continue;
        const ruleId = repair.finding.slice(0, repair.finding.indexOf(':'));
        const quoted = /"([^"]+)"/.exec(repair.finding)?.[1];
        const match = findings.find((f) => f.ruleId === ruleId && (!quoted || f.message.includes(`"${quoted}"`)));
        expect(match, `${key} ${repair.op} ${repair.pointer}: lint reports no ${ruleId} about "${quoted}"`).to.not.equal(undefined);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(3);
  });
});
