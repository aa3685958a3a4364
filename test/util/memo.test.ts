import { expect } from 'chai';
import { memoizedPair } from '../../src/util/memo.js';

describe('util: memoizedPair', () => {
  it('computes each pair of arguments once, tells pairs apart by both arguments, and lets all answers go at its bound', () => {
    const calls: string[] = [];
    const join = memoizedPair((a, b) => {
      calls.push(`${a}|${b}`);
      return `${a}/${b}`;
    }, 3);
    expect([join('x', 'y'), join('x', 'y'), join('xy', ''), join('x', 'y')]).to.deep.equal(['x/y', 'x/y', 'xy/', 'x/y']);
    expect(calls).to.deep.equal(['x|y', 'xy|']);
    join('a', 'b');
    join('c', 'd'); // the bound (3): every answer let go, this one kept
    join('x', 'y');
    expect(calls).to.deep.equal(['x|y', 'xy|', 'a|b', 'c|d', 'x|y']);
  });
});
