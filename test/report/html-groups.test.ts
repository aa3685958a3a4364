import { expect } from 'chai';
import { renderHtml, pathGroup } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { countStatuses, type OperationOutcome } from '../../src/report/model.js';
import { sampleReport } from './fixture.js';

const op = (id: string, path: string, status: OperationOutcome['status']): OperationOutcome => ({
  id, version: 'v1.0', method: 'GET', path, status, responseProperties: [],
  checks: status === 'skip' ? [] : [{ check: 'status_code_conformance', scenario: 'success', status, message: status, request: { method: 'GET', path } }],
  ...(status === 'skip' ? { notExercised: 'not applicable: no documented example' } : {}),
});

describe('HTML report with many operations', () => {
  const operations = [
    ...Array.from({ length: 300 }, (_, i) => op(`users.op${String(i).padStart(3, '0')}`, `/users/{id}/thing${i}`, i % 3 === 0 ? 'skip' : 'pass')),
    op('education.classes.list', '/education/classes', 'pass'),
    op('education.classes.get', '/education/classes/{id}', 'fail'),
  ];
  const base = sampleReport({ checksSelected: ['status_code_conformance'] });
  const report = { ...base, pact: { ...base.pact, interactions: [] }, operations, totals: countStatuses(operations, { ...base.pact, interactions: [] }) };
  const html = renderHtml(report);

  it('groups by path prefix, the group with failures first and open, failing operations first within it', () => {
    expect(pathGroup('/education/classes/{id}')).to.equal('/education');
    expect(pathGroup("/reports/getEmailActivity(period='D7')")).to.equal('/reports');
    const education = html.indexOf('<code>/education</code>');
    const users = html.indexOf('<code>/users</code>');
    expect(education).to.be.greaterThan(-1);
    expect(education).to.be.lessThan(users);
    expect(html.slice(html.lastIndexOf('<details', education), education)).to.match(/class="group has-fail has-pass" open/);
    expect(html.indexOf('education.classes.get')).to.be.lessThan(html.indexOf('education.classes.list'));
    expect(html).to.match(/\/users<\/code> — 300 operation\(s\): 200 pass, 100 not applicable/);
  });

  it('filters by status without scripts', () => {
    expect(html).not.to.match(/<script/);
    for (const id of ['all', 'fail', 'inconclusive', 'warn', 'pass', 'skip']) expect(html).to.contain(`id="f-${id}"`);
    expect(html).to.contain('#f-fail:checked~.ops tr.op:not(.s-fail)');
    expect(html).to.match(/<tr class="op s-fail">/);
  });

  it('the Markdown summary lists only the operations to look at when there are many, with the counts', () => {
    const md = renderMarkdown(report);
    expect(md).to.contain('302 operations: 201 pass, 1 fail, 0 warn, 0 inconclusive, 100 not applicable');
    expect(md).to.contain('`GET /education/classes/{id}`');
    expect(md).not.to.contain('/users/{id}/thing1`');
  });
});
