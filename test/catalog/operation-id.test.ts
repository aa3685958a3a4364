import { expect } from 'chai';
import { normalizePath, operationId, pathPlaceholders } from '../../src/catalog/index.js';

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
