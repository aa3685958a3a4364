import { expect } from 'chai';
import { compileSelection, inShard, parseSelectionTerms, parseShard, selectionOf, SelectionError } from '../../src/select/index.js';

const op = (id: string, path: string, paths: string[] = []) => ({ id, path, paths: paths.map((p) => ({ path: p })) });
const addKey = op('applications.addKey', '/applications/{id}/addKey');
const ownersList = op('applications.owners.list', '/applications/{id}/owners');
const messages = op('users.messages.list', '/users/{id}/messages', ['/me/messages', '/users/{id | userPrincipalName}/messages']);
const classes = op('education.classes.list', '/education/classes');

describe('select/selection', () => {
  it('an operationId glob: * stays within a segment, ** crosses segments', () => {
    expect(selectionOf('applications.*').matches(addKey)).to.equal(true);
    expect(selectionOf('applications.*').matches(ownersList)).to.equal(false);
    expect(selectionOf('applications.**').matches(ownersList)).to.equal(true);
    expect(selectionOf('users.messages.list').matches(messages)).to.equal(true);
    expect(selectionOf('users.messages.get').matches(messages)).to.equal(false);
  });

  it('a path glob matches the first or any alternate documented path, case-insensitively', () => {
    expect(selectionOf('/education/**').matches(classes)).to.equal(true);
    expect(selectionOf('/education/**').matches(messages)).to.equal(false);
    expect(selectionOf('/me/messages').matches(messages)).to.equal(true);
    expect(selectionOf('/ME/**').matches(messages)).to.equal(true);
  });

  it('placeholders in a path glob match any placeholder name (no brace expansion)', () => {
    expect(selectionOf('/applications/{application-id}/addKey').matches(addKey)).to.equal(true);
    expect(selectionOf('/applications/*/addKey').matches(addKey)).to.equal(true);
    expect(selectionOf('/applications/{id}/removeKey').matches(addKey)).to.equal(false);
  });

  it('a comma list is a union; !term excludes; only exclusions means everything else', () => {
    const sel = selectionOf('applications.**, /education/**, !applications.owners.*');
    expect([addKey, ownersList, messages, classes].filter(sel.matches).map((o) => o.id)).to.deep.equal(['applications.addKey', 'education.classes.list']);
    expect([addKey, messages].filter(selectionOf('!users.**').matches).map((o) => o.id)).to.deep.equal(['applications.addKey']);
  });

  it('@file reads one term per line, comments and blank lines ignored', () => {
    const files: Record<string, string> = { 'sel.txt': '# mine\napplications.addKey\n\n/education/**  # classes\n' };
    const terms = parseSelectionTerms('@sel.txt,users.*.list', (f) => files[f]);
    expect(terms).to.deep.equal(['applications.addKey', '/education/**', 'users.*.list']);
    expect(compileSelection(terms).matches(messages)).to.equal(true);
  });

  it('an unreadable @file or an empty selection is a usage error naming it', () => {
    expect(() => parseSelectionTerms('@missing.txt', () => { throw Object.assign(new Error('nope'), { code: 'ENOENT' }); })).to.throw(SelectionError, /missing\.txt.*ENOENT/);
    expect(() => parseSelectionTerms(' , ')).to.throw(SelectionError, /selects nothing/);
  });

  it('--shard i/n: every item in exactly one shard, shards balanced', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const shards = [1, 2, 3].map((i) => inShard(items, parseShard(`${i}/3`)));
    expect(shards.map((s) => s.length)).to.deep.equal([4, 3, 3]);
    expect(shards.flat().sort((a, b) => a - b)).to.deep.equal(items);
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2']) expect(() => parseShard(bad), bad).to.throw(SelectionError);
  });
});
