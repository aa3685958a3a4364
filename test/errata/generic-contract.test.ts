/** A generic contract interaction (any documented operation) names the errata its operation follows. */
import { expect } from 'chai';
import { lintInMemory } from '../../src/lint/in-memory.js';
import { applyErrata, type Erratum } from '../../src/errata/index.js';
import { generateSchemas } from '../../src/schema/generate.js';
import { assessOperations } from '../../src/select/index.js';
import { genericInteractions } from '../../src/contracts/generic.js';
import { contractSources } from '../../src/contracts/sources.js';

const API = `# Update widget

Updates a widget.

## HTTP request
\`\`\`http
PATCH /widgets/{id}
\`\`\`

## Request body
|Property|Type|Description|
|:---|:---|:---|
|colour|String|Colour.|

## Response
If successful, this method returns a \`204 No Content\` response code.

## Example
### Request
<!-- { "blockType": "request", "name": "update_widget" } -->
\`\`\`http
PATCH https://graph.microsoft.com/v1.0/widgets/1
Content-type: application/json

{
  "color": "red"
}
\`\`\`

### Response
<!-- { "blockType": "response" } -->
\`\`\`http
HTTP/1.1 204 No Content
\`\`\`
`;
const FILES = { 'v1.0/api/widget-update.md': API };

const ERRATUM: Erratum = {
  id: 'widget-update-colour', page: 'api/widget-update.md', file: 'v1.0/api/widget-update.md', anchor: { text: '"color": "red"' },
  answers: [{ rule: 'example-request-unknown-property', fingerprint: '0000000000000000' }],
  correct: [{ op: 'rename-example-property', side: 'request', pointer: '/color', to: 'colour' }], reason: 'the table documents colour', source: { file: 'v1.0/errata/e.yaml', line: 2 },
};

function interactions(errata: Erratum[]) {
  const { catalog: documented } = lintInMemory(FILES);
  const { catalog } = applyErrata(documented, errata, (f) => (FILES as Record<string, string>)[f]?.split('\n'));
  const generated = generateSchemas(catalog);
  const sources = contractSources(catalog, generated.index, (p) => generated.files.get(p), 'schemas', errata);
  return genericInteractions({ catalog, assessments: assessOperations(catalog.operations), sources });
}

describe('errata: generic contract interactions', () => {
  it('the documented interaction sends the corrected body and names the erratum in its comments', () => {
    const documented = interactions([ERRATUM]).find((d) => d.description.startsWith('the documented'));
    expect(documented?.request.body).to.deep.equal({ colour: 'red' });
    expect(documented?.comments).to.deep.equal(['erratum widget-update-colour: the table documents colour']);
  });

  it('no erratum, no comment', () => {
    const documented = interactions([]).find((d) => d.description.startsWith('the documented'));
    expect(documented?.request.body).to.deep.equal({ color: 'red' });
    expect(documented).to.not.have.property('comments');
  });
});
