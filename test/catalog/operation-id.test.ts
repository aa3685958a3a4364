import { expect } from 'chai';
import { normalizePath, operationId, pathPlaceholders } from '../../src/catalog/index.js';
import { normalizePathFully } from '../../src/catalog/operation-id.js';

describe('catalog: operation paths and ids', () => {
  it('normalises documented paths', () => {
    expect(normalizePath('/deviceAppManagement/sideLoadingKeys/')).to.equal('/deviceAppManagement/sideLoadingKeys');
    expect(normalizePath('users/{id | userPrincipalName}/messages')).to.equal('/users/{id}/messages');
    expect(normalizePath('https://graph.microsoft.com/beta/applications/{id}/addKey?x=1')).to.equal('/applications/{id}/addKey');
    expect(normalizePath('/me/drive/items/<item-id>/content')).to.equal('/me/drive/items/{item-id}/content');
    expect(normalizePath('/')).to.equal('/');
    // Relative paths written with the version segment (corpus: teams photo $value) lose it too; a lookalike does not.
    expect(normalizePath('/beta/teams/{id}/photo/$value')).to.equal('/teams/{id}/photo/$value');
    expect(normalizePath('/betas/things')).to.equal('/betas/things');
  });

  it('lists placeholders in order', () => {
    expect(pathPlaceholders('/users/{id}/messages/{message-id}')).to.deep.equal(['id', 'message-id']);
  });

  it('names CRUD operations by method and shape', () => {
    expect(operationId('POST', '/deviceAppManagement/sideLoadingKeys', { heading: 'Create sideLoadingKey' })).to.equal('deviceAppManagement.sideLoadingKeys.create');
    expect(operationId('GET', '/deviceAppManagement/sideLoadingKeys', { returnsCollection: true })).to.equal('deviceAppManagement.sideLoadingKeys.list');
    expect(operationId('GET', '/deviceAppManagement/sideLoadingKeys/{id}')).to.equal('deviceAppManagement.sideLoadingKeys.get');
    expect(operationId('PATCH', '/deviceAppManagement/sideLoadingKeys/{id}')).to.equal('deviceAppManagement.sideLoadingKeys.update');
    expect(operationId('DELETE', '/deviceAppManagement/sideLoadingKeys/{id}')).to.equal('deviceAppManagement.sideLoadingKeys.delete');
    expect(operationId('PUT', '/deviceAppManagement/sideLoadingKeys/{id}')).to.equal('deviceAppManagement.sideLoadingKeys.set');
  });

  it('names actions by their last segment, and a 201 POST a create', () => {
    expect(operationId('POST', '/applications/{id}/addKey', { heading: 'application: addKey', successStatus: 200 })).to.equal('applications.addKey');
    expect(operationId('POST', '/users/{id}/messages', { successStatus: 201 })).to.equal('users.messages.create');
  });

  it('makes odd segments safe for file names', () => {
    expect(operationId('GET', "/reports/getOffice365ActiveUserCounts(period='{period_value}')")).to.equal('reports.getOffice365ActiveUserCounts');
    expect(operationId('POST', '/groups/{id}/members/$ref')).to.equal('groups.members.ref');
    expect(operationId('GET', '/me/drive/root:/{item-path}:/content')).to.match(/^[A-Za-z0-9_.-]+$/);
  });
});

describe('catalog/operation-id: normalizePath shortcut', () => {
  const paths = [
    '/users', '/users/{id}', '/Beta/users', '/beta', '/betax/users', '/v1.0x', '/users/{id | upn}', '/users/{ id}', '/users/<id>',
    '/users?$top=1', '/users/', '//users', '/a b', '/a\\b', "/users/{id}/x(y='1')", '/users/{{id}}', '/{', '/}', '/users/{id}extra',
    'users', 'https://graph.microsoft.com/v1.0/users', '/v1.0', '/LocalTest/x', '/x/microsoft.graph.delta()', '/', '',
    '/drives/{drive-id}/items/{item-id}:/{path}:/content', ' /users', '/users\t', '/a|b', '/users/{id|}',
  ];
  for (const path of paths) {
    it(`gives ${JSON.stringify(path)} as the full normalisation does`, () => expect(normalizePath(path)).to.equal(normalizePathFully(path)));
  }
});
