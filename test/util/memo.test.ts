import { expect } from 'chai';
import { memoizedPair } from '../../src/util/memo.js';

describe('util: memoizedPair', () => {
  it('computes each pair of arguments once, tells pairs apart by both arguments, and lets all answers go at its bound', () => {
    const calls: string[] = [];
    const join = memoizedPair((a, b) => {
      calls.push(`${a}|${b}`);
      return `${a}/${b}`;
    }, 3);
    expect([join('x', 'y'), join('x', 'y'), join('xy', ''), join('x', 'z'), join('x', 'y')]).to.deep.equal(['x/y', 'x/y', 'xy/', 'x/z', 'x/y']);
    expect(calls).to.deep.equal(['x|y', 'xy|', 'x|z']);
    join('a', 'b'); // the bound (3): every answer let go, this one kept
    join('x', 'y');
    join('a', 'b');
    expect(calls).to.deep.equal(['x|y', 'xy|', 'x|z', 'a|b', 'x|y']);
  });
});
