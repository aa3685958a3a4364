import { expect } from 'chai';
import { alignExample, assessOperations, stateParams, statesOf, CreatorIndex } from '../../src/select/index.js';
import { catalogOf } from './docs.js';

const groupBody = { displayName: 'Library Assist', mailNickname: 'library', mailEnabled: false, securityEnabled: true, groupTypes: [] };
const threadBody = { topic: 'New head count' };

describe('select/assess', () => {
  const catalog = catalogOf({
    'group-post-groups': { method: 'POST', paths: ['/groups'], title: 'Create group', example: { path: '/groups', body: groupBody }, returns: 'thing' },
    'group-post-threads': { method: 'POST', paths: ['/groups/{id}/threads'], title: 'Create thread', example: { path: '/groups/02bd9fd6/threads', body: threadBody }, returns: 'thing' },
    'thread-get': { method: 'GET', paths: ['/groups/{group-id}/threads/{thread-id}'], title: 'Get thread', example: { path: '/groups/02bd9fd6/threads/AAQk' }, returns: 'thing' },
    'org-get': { method: 'GET', paths: ['/organization/{id}'], title: 'Get organization', example: { path: '/organization/84841066' }, returns: 'thing' },
    'message-get': { method: 'GET', paths: ['/me/messages/{id}', '/users/{id | userPrincipalName}/messages/{id}'], title: 'Get message', example: { path: '/me/messages/AAMk' }, returns: 'thing' },
    'message-list': { method: 'GET', paths: ['/me/messages'], title: 'List messages', example: { path: '/me/messages' }, returns: 'thing' },
    'thing-list': { method: 'GET', paths: ['/things'], title: 'List things', returns: 'thing' },
    'photo-put': { method: 'PUT', paths: ['/groups/{id}/photo/$value'], title: 'Update photo', example: { path: '/groups/1/photo/$value', contentType: 'image/jpeg', rawBody: 'Binary data for the image' } },
  });
  const byId = (id: string) => {
    const found = assessOperations(catalog.operations).find((a) => a.id === id);
    if (!found) throw new Error(`no ${id} in ${catalog.operations.map((o) => o.id).join(', ')}`);
    return found;
  };

  it('a nested path needs each object it addresses, created by the documented creates, outermost first', () => {
    const a = byId('groups.threads.get');
    expect(a.verifiable).to.equal(true);
    expect(a.states.map((s) => [s.placeholder, s.create?.operationId])).to.deep.equal([['group-id', 'groups.create'], ['thread-id', 'groups.threads.create']]);
    expect(a.states[1].create?.body).to.deep.equal(threadBody);
    expect(a.request?.exampleSegments).to.deep.equal(['groups', '02bd9fd6', 'threads', 'AAQk']);
  });

  it('a tenant object no operation creates is named, not verifiable without a state setup URL', () => {
    const a = byId('organization.get');
    expect(a.verifiable).to.equal(false);
    expect(a.reason?.code).to.equal('state-not-creatable');
    expect(a.reason?.message).to.match(/\/organization/);
  });

  it('/me is a state the API cannot create; an alternate /users/{id} path is not used without a create user', () => {
    expect(byId('me.messages.list').reason?.message).to.match(/signed-in user/);
    expect(byId('me.messages.get').verifiable).to.equal(false);
  });

  it('the /me state is literal: placeholders and state collections take the ids of the other states only', () => {
    const a = byId('me.messages.get');
    expect(a.states.map((s) => [s.placeholder, s.literal ?? false])).to.deep.equal([['me', true], ['id', false]]);
    const params = stateParams([...a.states, { name: 'an attachment', placeholder: 'attachment-id', collection: '/me/messages/{id}/attachments', creatable: true }]);
    expect(params.map((p) => [p.as, p.collection])).to.deep.equal([['me', '/me'], ['id', '/me/messages'], ['attachment_id', '/me/messages/${id}/attachments']]);
  });

  it('no example, and a binary body, are reasons', () => {
    expect(byId('things.list').reason?.code).to.equal('no-example');
    expect(byId('groups.photo.value.set').reason?.code).to.equal('binary-body');
  });

  it('a collection create with its example needs no state', () => {
    const a = byId('groups.create');
    expect(a.verifiable).to.equal(true);
    expect(a.states).to.deep.equal([]);
    expect(a.request?.body).to.deep.equal(groupBody);
  });

  it('statesOf: a placeholder right after another one cannot be created', () => {
    const states = statesOf('/a/{x}/{y}', 'v1.0', new CreatorIndex([]));
    expect(states.map((s) => s.creatable)).to.deep.equal([false, false]);
  });

  it('alignExample aligns from the end (placeholder positions, filled by states when sent, take anything); function parameters come from the example', () => {
    expect(alignExample('/users/{id}/messages/{message-id}', '/me/messages/AAMk')).to.deep.equal(['users', 'me', 'messages', 'AAMk']);
    expect(alignExample('/users/{id}/messages/{message-id}', '/messages/AAMk')).to.deep.equal(['users', '{id}', 'messages', 'AAMk']);
    expect(alignExample("/reports/getOffice365ActiveUserDetail(period='{period_value}')", "/reports/getOffice365ActiveUserDetail(period='D7')")).to.deep.equal(['reports', "getOffice365ActiveUserDetail(period='D7')"]);
    expect(alignExample('/groups/{id}/threads', '/groups/1/conversations')).to.equal(undefined);
  });
});
