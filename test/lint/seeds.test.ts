/**
 * The seeds are the specification under test and contain real defects on purpose. This is the FULL
 * expected lint output for apidocs/ (no baseline): every known defect at its line, with why it is one,
 * and nothing else. Semantics of addKey compared with the real Graph page
 * (api-reference/beta/api/serviceprincipal-addkey.md): body {keyCredential, passwordCredential, proof},
 * 200 OK returning the new keyCredential itself.
 *
 * Not defects, on purpose absent: the Content-Length headers (seed 000: 246 and 295, seed 001: 200 and
 * 75) are exactly the CRLF byte lengths of the bodies shown, so example-content-length stays silent; the
 * response annotations' @odata.type without "#" is the annotation format, not a payload.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { runLint } from '../../src/lint/run.js';
import { lintInMemory } from '../../src/lint/in-memory.js';

interface Expected {
  line: number;
  ruleId: string;
  /** Words the message must contain. */
  words: string[];
  why: string;
}

const SEED_000 = 'apidocs/api/intune-onboarding-sideloadingkey-create.md';
const SEED_001 = 'apidocs/api/application-addkey-localtest.md';
const SEED_002 = 'apidocs/api/application-addkey.md';
const SIDELOADINGKEY = 'apidocs/resources/intune-onboarding-sideloadingkey.md';

const EXPECTED: Record<string, Expected[]> = {
  [SEED_000]: [
    { line: 1, ruleId: 'front-matter-missing', words: ['no front matter'], why: 'the page starts with its H1: no title/description front matter, unlike every Graph page' },
    { line: 5, ruleId: 'link-broken', words: ['intune_onboarding_sideloadingkey.md'], why: 'the resource page is intune-onboarding-sideloadingkey.md (hyphens); fix names it' },
    { line: 16, ruleId: 'path-trailing-slash', words: ['/deviceAppManagement/sideLoadingKeys/'], why: 'documented path ends with a slash' },
    { line: 20, ruleId: 'headers-content-type-missing', words: ['Content-Type', 'Content-type: application/json', 'line 48'], why: 'the headers table lists Authorization and Accept, but the example (line 48) sends its JSON body with Content-type: application/json, which Graph requires' },
    { line: 31, ruleId: 'request-table-unused-row', words: ['"id"'], why: 'id is in the create table but no example sends it (the service assigns it)' },
    { line: 36, ruleId: 'table-type-name-mismatch', words: ['lastUpdatedDateTime', 'String'], why: 'a ...DateTime property typed String (a warning, fix DateTimeOffset)' },
    { line: 41, ruleId: 'link-broken', words: ['intune_onboarding_sideloadingkey.md'], why: 'same broken resource link in the Response section' },
    { line: 47, ruleId: 'path-trailing-slash', words: ['sideLoadingKeys/'], why: 'example URL ends with a slash' },
  ],
  [SEED_001]: [
    { line: 3, ruleId: 'front-matter-missing', words: ['description is empty'], why: 'description: ""' },
    { line: 10, ruleId: 'summary-missing', words: ['addKey', '## Permissions'], why: 'under the H1 only "Namespace:": no sentence says what addKey does (and the description is empty too)' },
    { line: 21, ruleId: 'permissions-placeholder', words: ['Delegated (work or school account)', 'TODO'], why: '"TODO: Determine scopes" is not a permission' },
    { line: 23, ruleId: 'permissions-placeholder', words: ['Application', 'TODO'], why: '"TODO: Determine AppOnly scopes" is not a permission' },
    { line: 47, ruleId: 'request-table-description-empty', words: ['"keyCredential"'], why: 'empty Description cell: nothing says which keyCredential properties are required (type, usage, key)' },
    { line: 48, ruleId: 'request-table-description-empty', words: ['"passwordCredential"'], why: 'empty Description cell: nothing says it is only for X509CertAndPassword keys' },
    { line: 49, ruleId: 'request-table-description-empty', words: ['"proof"'], why: 'empty Description cell: nothing says proof is a JWT signed with an existing key (the real page explains it)' },
    { line: 66, ruleId: 'parse-http-framing', words: ['blank line before headers'], why: 'the request line is followed by a blank line, so strictly the headers are the body' },
    { line: 73, ruleId: 'example-odata-type-hash', words: ['microsoft.graph.keyCredential', '"#"'], why: 'an @odata.type in a JSON payload is a fragment: "#microsoft.graph.keyCredential"' },
    { line: 76, ruleId: 'example-odata-type-hash', words: ['microsoft.graph.passwordCredential', '"#"'], why: 'ditto "#microsoft.graph.passwordCredential"' },
    { line: 87, ruleId: 'example-response-odata-type', words: ['microsoft.graph.keycredential', 'only in case'], why: 'annotation says keycredential, the Response text keyCredential (case-only: warning)' },
    { line: 96, ruleId: 'example-response-envelope', words: ['"value"', 'keyCredential'], why: 'a single keyCredential is documented; the example wraps it in {"value": {...}}' },
    { line: 97, ruleId: 'example-odata-type-hash', words: ['response example', 'microsoft.graph.keyCredential'], why: 'the response body\'s @odata.type lacks the "#" too (Graph returns "#microsoft.graph.keyCredential")' },
  ],
  [SEED_002]: [
    { line: 3, ruleId: 'description-h1-mismatch', words: ['strong password', 'addKey'], why: 'the description is addPassword\'s ("Adds a strong password"), the page documents addKey' },
    { line: 10, ruleId: 'title-h1-mismatch', words: ['addPasswordKey', 'addKey'], why: 'H1 names addPasswordKey under the title addKey: a different operation (a warning: never an error, the reader sees both)' },
    { line: 36, ruleId: 'headers-content-type-missing', words: ['Content-Type', 'line 68'], why: 'the headers table lists only Authorization; the example (line 68) sends a JSON body with Content-type: application/json' },
    { line: 40, ruleId: 'request-body-version-mismatch', words: ['"passwordCredential"', 'localtest', 'application-addkey-localtest.md:48'], why: 'the same action in localtest (seed 001) takes passwordCredential; the beta page documents only keyCredential (the real beta page has all three)' },
    { line: 40, ruleId: 'request-body-version-mismatch', words: ['"proof"', 'localtest', 'application-addkey-localtest.md:49'], why: 'ditto proof, which addKey requires (a proof-of-possession JWT): so the beta example sends none' },
    { line: 46, ruleId: 'request-table-unused-row', words: ['displayName'], why: 'the table (copied from addPassword) lists displayName; no example uses it' },
    { line: 47, ruleId: 'request-table-unused-row', words: ['endDateTime'], why: 'ditto endDateTime (the example misspells it endDate)' },
    { line: 48, ruleId: 'request-table-unused-row', words: ['startDateTime'], why: 'ditto startDateTime' },
    { line: 72, ruleId: 'example-request-unknown-property', words: ['customKeyIdentifier'], why: 'not in the request body table (the prose wraps the table in keyCredential)' },
    { line: 73, ruleId: 'example-request-unknown-property', words: ['endDate'], why: 'not in the table; means endDateTime, and its value "endDate=2017-..." is not a date-time' },
    { line: 74, ruleId: 'example-request-unknown-property', words: ['keyId'], why: 'not in the table' },
    { line: 75, ruleId: 'example-request-unknown-property', words: ['"type"'], why: 'not in the table' },
    { line: 76, ruleId: 'example-request-unknown-property', words: ['usage'], why: 'not in the table' },
    { line: 77, ruleId: 'example-request-unknown-property', words: ['"value"'], why: 'not in the table (keyCredential calls the key material "key")' },
    { line: 93, ruleId: 'parse-http-framing', words: ['no blank line before body'], why: 'response headers run straight into the JSON body' },
    { line: 96, ruleId: 'example-response-envelope', words: ['"keyCredential"'], why: 'the returned keyCredential is wrapped in {"keyCredential": {...}}, which the Response text does not document' },
    { line: 97, ruleId: 'example-response-invalid', words: ['customKeyIdentifier', '6uv7gh', 'base64'], why: 'customKeyIdentifier is Binary (base64); "6uv7gh" is not valid base64' },
    { line: 100, ruleId: 'example-response-unknown-property', words: ['"value"', 'keyCredential'], why: 'keyCredential has no "value" property (it is "key"); a warning since Graph adds properties' },
  ],
  [SIDELOADINGKEY]: [
    { line: 31, ruleId: 'table-type-name-mismatch', words: ['lastUpdatedDateTime'], why: 'the resource types lastUpdatedDateTime as String, as Graph documents it (a warning)' },
  ],
  'apidocs/resources/keycredential.md': [],
  'apidocs/resources/passwordcredential.md': [],
};

describe('lint of the seed pages (apidocs/)', function () {
  let findings: Awaited<ReturnType<typeof runLint>>['report']['findings'];
  before(async () => {
    findings = (await runLint({ baseline: false })).report.findings;
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: exactly the known defects`, () => {
      const actual = findings.filter((f) => f.file === file);
      expect(actual.map((f) => `${f.line} ${f.ruleId}`)).to.deep.equal(expected.map((e) => `${e.line} ${e.ruleId}`));
      expected.forEach((e, i) => {
        for (const word of e.words) expect(actual[i].message + (actual[i].fix ?? ''), `${file}:${e.line} (${e.why})`).to.include(word);
      });
    });
  }

  it('reports no file other than the seeds and resources', () => {
    expect([...new Set(findings.map((f) => f.file))].filter((f) => !(f in EXPECTED))).to.deep.equal([]);
  });

  it('calibrates severities: contradictions are errors, style is warning/info', () => {
    const calibrated: [file: string, line: number, ruleId: string, severity: string][] = [
      [SEED_002, 10, 'title-h1-mismatch', 'warning'],
      [SEED_001, 96, 'example-response-envelope', 'error'],
      [SEED_000, 5, 'link-broken', 'error'],
      [SEED_000, 36, 'table-type-name-mismatch', 'warning'],
      [SEED_001, 87, 'example-response-odata-type', 'warning'],
      [SEED_002, 100, 'example-response-unknown-property', 'warning'],
      [SEED_000, 31, 'request-table-unused-row', 'info'],
      [SEED_001, 73, 'example-odata-type-hash', 'warning'],
      [SEED_000, 20, 'headers-content-type-missing', 'info'],
      [SEED_001, 49, 'request-table-description-empty', 'info'],
      [SEED_002, 40, 'request-body-version-mismatch', 'info'],
      [SEED_001, 10, 'summary-missing', 'info'],
    ];
    for (const [file, line, ruleId, severity] of calibrated) {
      const found = findings.find((f) => f.file === file && f.line === line && f.ruleId === ruleId);
      expect(found?.severity, `${file}:${line} ${ruleId}`).to.equal(severity);
    }
    expect(findings.filter((f) => f.ruleId === 'example-content-length')).to.deep.equal([]);
    expect(findings.find((f) => f.file === SEED_000 && f.line === 5)?.fix).to.equal('../resources/intune-onboarding-sideloadingkey.md');
    expect(findings.find((f) => f.file === SEED_000 && f.line === 36)?.fix).to.equal('DateTimeOffset');
  });

  it('Content-Length: the seeds are silent because they are right, not because the rule is blind', () => {
    const seed = readFileSync(SEED_000, 'utf8');
    const lintSeed = (text: string) => lintInMemory({ 'api/seed.md': text }).findings.filter((f) => f.ruleId === 'example-content-length');
    expect(lintSeed(seed)).to.deep.equal([]);
    // One byte off in the request (line 49) is reported with the CRLF length as fix.
    const found = lintSeed(seed.replace('Content-length: 246', 'Content-length: 247'));
    expect(found.map((f) => `${f.line} ${f.fix}`)).to.deep.equal(['49 Content-Length: 246']);
  });
});
