import { expect } from 'chai';
import type { Catalog, Operation } from '../../src/model/catalog.js';
import type { LintContext } from '../../src/lint/types.js';
import { firstSegmentKey, pathMatches } from '../../src/lint/paths.js';
import { operationCalled } from '../../src/lint/request-target.js';

/** An operation with just what operationCalled reads. */
function op(version: string, file: string, ...paths: string[]): Operation {
  return {
    version,
    sources: [{ file, line: 1 }],
    paths: paths.map((p) => {
      const [method, path] = p.split(' ');
      return { method, path, raw: p, line: 1 };
    }),
  } as unknown as Operation;
}

/** operationCalled as it was before the index: every operation of the version, in catalog order. */
function everyOperation(operations: readonly Operation[], version: string, method: string, path: string, exceptFile?: string): Operation | undefined {
  return operations.find((o) => o.version === version && !(exceptFile && o.sources.every((s) => s.file === exceptFile))
    && o.paths.some((d) => d.method.toUpperCase() === method && pathMatches(path, d.path)));
}

describe('lint/request-target: the operation an example calls', () => {
  const operations = [
    op('v1.0', 'a.md', 'GET /users/{id}/messages', 'GET /me/messages'),
    op('v1.0', 'b.md', 'GET /{siteId}/lists'), // a placeholder first: may match any first segment
    op('v1.0', 'c.md', 'POST /Groups/{id}/team'),
    op('v1.0', 'd.md', 'GET /drive/root/children'),
    op('v1.0', 'e.md', 'GET /acdefc6b-2dc6-4e15-9a1d-1d28b2a9c0b7/classes'), // a GUID first
    op('v1.0', 'f.md', 'get /users/{id}/events'),
    op('beta', 'g.md', 'GET /users/{id}/messages'),
    op('v1.0', 'h.md', 'GET /users'),
    op('v1.0', 'i.md', 'GET https://graph.microsoft.com/v1.0/sites/{id}/lists'),
  ];
  const ctx = { catalog: { operations } as unknown as Catalog } as LintContext;
  const examplePaths = [
    '/users/1/messages', '/USERS/1/Messages', '/me/messages', '/users/{user-id}/messages', '/me', '/users', '/Users/',
    '/contoso.sharepoint.com/lists', '/sites/x/lists', '/{site-id}/lists', '/groups/1/team', '/GROUPS/1/TEAM',
    '/drive/root/children', '/me/drive/items/{root}/children', '/12345678-aaaa-bbbb-cccc-1234567890ab/classes',
    '/users/1/events', "/users('1')/messages", '/v1.0/users/1/messages', 'https://graph.microsoft.com/v1.0/users/1/messages',
    '/', '/résumé/lists', '/unknown/thing',
  ];

  it('finds the same operation as trying every operation of the version in catalog order', () => {
    let found = 0;
    for (const version of ['v1.0', 'beta', 'localtest']) {
      for (const method of ['GET', 'POST']) {
        for (const path of examplePaths) {
          for (const except of [undefined, 'a.md', 'b.md']) {
            const expected = everyOperation(operations, version, method, path, except);
            if (expected) found++;
            expect(operationCalled(ctx, version, method, path, except), `${version} ${method} ${path} except ${except}`).to.equal(expected);
          }
        }
      }
    }
    expect(found).to.be.greaterThan(30); // the cases do find operations, not only misses
  });

  it('pathMatches gives what the documented path as a regex gives (placeholders .+?, GUID segments [^/]+, case-insensitive)', () => {
    // The regex pathMatches used before it matched simple patterns without one (paths here are as documentedPathPart leaves them).
    const LITERAL_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const regexOf = (path: string) => new RegExp(`^${path.split(/(\{[^}]*\}|<[^>]*>)/).map((part, i) => (i % 2 === 1 ? '.+?'
      : part.split('/').map((seg) => (LITERAL_GUID.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/'))).join('')}$`, 'i');
    const reference = (example: string, documented: string) => regexOf(documented).test(example) || (/[{<]/.test(example) && regexOf(example).test(documented));
    const atoms = ['/a', '/A', '/b', '/ab', 'a', 'b', '/{x}', '{y}', '/<z>', '/acdefc6b-2dc6-4e15-9a1d-1d28b2a9c0b7', '/é', '/K', '/\u212a', '.', '/a.b'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const path = () => {
      let p = '/users';
      for (let i = random(6); i > 0; i--) p += atoms[random(atoms.length)];
      return p;
    };
    let matched = 0;
    for (let i = 0; i < 20000; i++) {
      const documented = path();
      // Half the examples fill the documented path's placeholders (with nothing, too: a placeholder needs one character).
      const example = i % 2 === 0 ? path() : documented.replace(/\{[^}]*\}|<[^>]*>/g, () => ['', 'x', 'x/Y', '{id}', '/'][random(5)]).replace(/\/+$/, '');
      const expected = reference(example, documented);
      if (expected) matched++;
      expect(pathMatches(example, documented), `${example} against ${documented}`).to.equal(expected);
    }
    expect(matched).to.be.greaterThan(5000);
  });

  it('firstSegmentKey: the lower-cased first segment when it can only match itself', () => {
    expect(firstSegmentKey('https://graph.microsoft.com/v1.0/Users/{id}')).to.equal('users');
    expect(firstSegmentKey('/me/messages')).to.equal('users'); // /me is /users/{me}
    expect(firstSegmentKey('/{siteId}/lists')).to.equal(undefined);
    expect(firstSegmentKey('/<site>/lists')).to.equal(undefined);
    expect(firstSegmentKey('/acdefc6b-2dc6-4e15-9a1d-1d28b2a9c0b7/classes')).to.equal(undefined);
    expect(firstSegmentKey('/résumé')).to.equal(undefined);
  });
});
