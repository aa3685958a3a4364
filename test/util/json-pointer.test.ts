import { expect } from 'chai';
import { pointerSegment } from '../../src/util/json-pointer.js';

describe('util/json-pointer: pointerSegment', () => {
  it('escapes ~ first, then / (RFC 6901), and writes an index as it is', () => {
    expect(pointerSegment('a/b')).to.equal('a~1b');
    expect(pointerSegment('a~b')).to.equal('a~0b');
    // Escaping / first would turn its ~1 into ~01.
    expect(pointerSegment('~/')).to.equal('~0~1');
    expect(pointerSegment('@odata.type')).to.equal('@odata.type');
    expect(pointerSegment(3)).to.equal('3');
  });
});
