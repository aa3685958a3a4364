import { expect } from 'chai';
import { parseJsonBody, parseJsonText, scanJson } from '../../src/parse/json-body.js';

describe('parse/json-body: strict, lenient, invalid, pointers', () => {
  it('strict JSON parses with no repairs', () => {
    const body = parseJsonBody('{\n  "a": 1\n}', 'f.md', 10);
    expect(body).to.include({ parse: 'strict', line: 10 });
    expect(body.repairs).to.deep.equal([]);
    expect(body.value).to.deep.equal({ a: 1 });
  });

  it('maps every key to its file line, nested and in arrays', () => {
    const text = ['{', '  "keyCredential": {', '    "endDate": "x",', '    "a/b": 1', '  },', '  "value": [', '    { "id": "1" },', '    {', '      "id": "2"', '    }', '  ]', '}'].join('\n');
    const body = parseJsonBody(text, 'f.md', 100);
    expect(body.pointers).to.deep.equal({
      '/keyCredential': 101,
      '/keyCredential/endDate': 102,
      '/keyCredential/a~1b': 103,
      '/value': 105,
      '/value/0/id': 106,
      '/value/1/id': 108,
    });
  });

  it('pointers survive JSON serialisation and can be replaced', () => {
    const body = parseJsonBody('{"a": {"b": 1}}', 'f.md', 1);
    expect(JSON.parse(JSON.stringify(body)).pointers).to.deep.equal({ '/a': 1, '/a/b': 1 });
    body.pointers = { '/x': 5 };
    expect(body.pointers).to.deep.equal({ '/x': 5 });
  });

  it('trailing commas → lenient', () => {
    const body = parseJsonBody('{\n  "a": [1, 2,],\n  "b": 2,\n}', 'f.md', 1);
    expect(body.parse).to.equal('lenient');
    expect(body.repairs).to.deep.equal(['trailing comma']);
    expect(body.value).to.deep.equal({ a: [1, 2], b: 2 });
    expect(body.pointers).to.deep.equal({ '/a': 2, '/b': 3 });
  });

  it('unquoted keys and // comments → lenient', () => {
    const r = parseJsonText('{\n  // the id\n  id: "x"\n}');
    expect(r.parse).to.equal('lenient');
    expect(r.repairs).to.have.members(['// comment', 'unquoted key']);
    expect(r.value).to.deep.equal({ id: 'x' });
  });

  it('raw newlines and tabs inside strings → lenient, lines still right', () => {
    const body = parseJsonBody('{\n  "a": "line one\nline two",\n  "b": "x\ty"\n}', 'f.md', 1);
    expect(body.parse).to.equal('lenient');
    expect(body.repairs).to.deep.equal(['control character in string']);
    expect(body.value).to.deep.equal({ a: 'line one\nline two', b: 'x\ty' });
    expect(body.pointers).to.deep.equal({ '/a': 2, '/b': 4 });
  });

  it('... elisions → lenient', () => {
    const r = parseJsonText('{\n  "value": [\n    { "id": "1" },\n    ...\n  ]\n}');
    expect(r.parse).to.equal('lenient');
    expect(r.repairs).to.deep.equal(['... elision']);
    expect(r.value).to.deep.equal({ value: [{ id: '1' }] });
    expect(parseJsonText('{ "a": 1, ... }').value).to.deep.equal({ a: 1 });
    expect(parseJsonText('[ ..., {"a": 1} ]').value).to.deep.equal([{ a: 1 }]);
  });

  it('a "..." inside a string is content, not an elision', () => {
    const r = parseJsonText('{ "a": "wait..." }');
    expect(r).to.include({ parse: 'strict' });
    expect(r.value).to.deep.equal({ a: 'wait...' });
  });

  it('missing comma → invalid, error names the file line', () => {
    const body = parseJsonBody('{\n  "a": 1\n  "b": 2\n}', 'docs/x.md', 20);
    expect(body.parse).to.equal('invalid');
    expect(body).to.not.have.property('value');
    expect(body.errorLine).to.equal(22);
    expect(body.error).to.be.a('string').and.not.match(/^invalid JSON at/);
    expect(body.pointers).to.deep.equal({ '/a': 21, '/b': 22 });
  });

  it('JSON nested deeper than any Graph body → invalid (later stages recurse over values)', () => {
    const deep = parseJsonBody('{"a":'.repeat(3000) + '1' + '}'.repeat(3000), 'docs/x.md', 5);
    expect(deep.parse).to.equal('invalid');
    expect(deep).to.not.have.property('value');
    expect(deep.errorLine).to.equal(5);
    expect(deep.error).to.match(/^nested deeper than \d+ levels$/);
    expect(parseJsonText('['.repeat(5000) + ']'.repeat(5000)).parse).to.equal('invalid');
    expect(parseJsonText('[' + '{"a":['.repeat(20) + ']}'.repeat(20) + ',]').parse).to.equal('lenient');
  });

  it('smart quotes and placeholders → invalid', () => {
    expect(parseJsonText('{ \u201ca\u201d: 1 }').parse).to.equal('invalid');
    expect(parseJsonText('{ "file": [Zip file] }').parse).to.equal('invalid');
  });

  it('scanJson notes repairs without parsing', () => {
    expect(scanJson('{"a": 1}').repairs).to.deep.equal([]);
    expect(scanJson("{'a': 1}").repairs).to.deep.equal(['single quotes']);
  });
});
