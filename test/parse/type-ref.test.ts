import { expect } from 'chai';
import { parseTypeRef, primitiveName } from '../../src/parse/type-ref.js';

describe('parse/type-ref: Type column → TypeRef', () => {
  describe('primitive spellings', () => {
    const cases: Array<[string, string]> = [
      ['String', 'Edm.String'], ['string', 'Edm.String'], ['Edm.String', 'Edm.String'],
      ['Boolean', 'Edm.Boolean'], ['boolean', 'Edm.Boolean'], ['bool', 'Edm.Boolean'],
      ['Int32', 'Edm.Int32'], ['int', 'Edm.Int32'], ['int32', 'Edm.Int32'], ['Integer', 'Edm.Int32'],
      ['Int64', 'Edm.Int64'], ['Int16', 'Edm.Int16'], ['Byte', 'Edm.Byte'],
      ['DateTimeOffset', 'Edm.DateTimeOffset'], ['dateTimeOffset', 'Edm.DateTimeOffset'], ['DateTimeOffSet', 'Edm.DateTimeOffset'],
      ['DateTime', 'Edm.DateTimeOffset'], ['datetime', 'Edm.DateTimeOffset'], ['Timestamp', 'Edm.DateTimeOffset'],
      ['Guid', 'Edm.Guid'], ['GUID', 'Edm.Guid'], ['Date', 'Edm.Date'], ['TimeOfDay', 'Edm.TimeOfDay'],
      ['Duration', 'Edm.Duration'], ['Double', 'Edm.Double'], ['double', 'Edm.Double'], ['Float', 'Edm.Double'],
      ['number', 'Edm.Double'], ['Single', 'Edm.Single'], ['Decimal', 'Edm.Decimal'], ['Binary', 'Edm.Binary'],
      ['Stream', 'Edm.Stream'], ['Edm.Int64', 'Edm.Int64'], ['`String`', 'Edm.String'], ['**Int32**', 'Edm.Int32'],
    ];
    for (const [raw, name] of cases) {
      it(`${raw} → ${name}`, () => {
        const ref = parseTypeRef(raw);
        expect(ref).to.include({ kind: 'primitive', name, collection: false, raw });
      });
    }
    it('primitiveName rejects type names that are not primitives', () => {
      expect(primitiveName('keyCredential')).to.equal(undefined);
      expect(primitiveName('Edm.Nonsense')).to.equal(undefined);
    });
  });

  describe('JSON objects', () => {
    for (const raw of ['Json', 'Object', 'JSON object', 'Untyped JSON object']) {
      it(`${raw} → json`, () => expect(parseTypeRef(raw)).to.include({ kind: 'json', name: 'Json' }));
    }
  });

  describe('collections', () => {
    it('String collection', () => expect(parseTypeRef('String collection')).to.include({ kind: 'primitive', name: 'Edm.String', collection: true }));
    it('Collection(String)', () => expect(parseTypeRef('Collection(String)')).to.include({ kind: 'primitive', name: 'Edm.String', collection: true }));
    it('[x](…) collection', () => {
      const ref = parseTypeRef('[keyCredential](../resources/keycredential.md) collection');
      expect(ref).to.include({ kind: 'named', name: 'keyCredential', collection: true, link: '../resources/keycredential.md' });
    });
    it('Collection([x](…))', () => {
      const ref = parseTypeRef('Collection([alert](alert.md))');
      expect(ref).to.include({ kind: 'named', name: 'alert', collection: true, link: 'alert.md' });
    });
    it('a single link is not a collection', () => {
      expect(parseTypeRef('[keyCredential](../resources/keycredential.md)').collection).to.equal(false);
    });
  });

  describe('named types', () => {
    it('linked type keeps its link', () => {
      expect(parseTypeRef('[identitySet](identityset.md)')).to.deep.equal({
        raw: '[identitySet](identityset.md)', kind: 'named', name: 'identitySet', collection: false, link: 'identityset.md',
      });
    });
    it('reference-style [x][] resolves through the page references', () => {
      const lookup = (label: string) => (label.toLowerCase() === 'identityset' ? '../resources/identityset.md' : undefined);
      expect(parseTypeRef('[identitySet][]', lookup)).to.include({ kind: 'named', name: 'identitySet', link: '../resources/identityset.md', collection: false });
      expect(parseTypeRef('[identitySet][] collection', lookup)).to.include({ kind: 'named', name: 'identitySet', collection: true });
      expect(parseTypeRef('String[]')).to.include({ kind: 'primitive', collection: true });
      expect(parseTypeRef('[identitySet][idset]', (l) => (l === 'idset' ? 'x.md' : undefined))).to.include({ link: 'x.md' });
    });
    it('an unresolved reference-style link has no link', () => {
      expect(parseTypeRef('[identitySet][]', () => undefined)).to.not.have.property('link');
    });
    it('unlinked names (enums, complex types)', () => {
      expect(parseTypeRef('printerProcessingState')).to.include({ kind: 'named', name: 'printerProcessingState', collection: false });
      expect(parseTypeRef('microsoft.graph.keyCredential')).to.include({ kind: 'named', name: 'microsoft.graph.keyCredential' });
      expect(parseTypeRef('printerProcessingStateDetail collection')).to.include({ kind: 'named', collection: true });
    });
    it('a linked primitive is still a primitive', () => {
      expect(parseTypeRef('[String](string.md)')).to.include({ kind: 'primitive', name: 'Edm.String', link: 'string.md' });
    });
  });

  describe('free text', () => {
    it('(Optional) String', () => expect(parseTypeRef('(Optional) String')).to.include({ kind: 'primitive', name: 'Edm.String' }));
    it('String (timestamp) reads as a DateTimeOffset', () => expect(parseTypeRef('String (timestamp)')).to.include({ kind: 'primitive', name: 'Edm.DateTimeOffset' }));
    it('string, maximum size 20', () => expect(parseTypeRef('string, maximum size 20')).to.include({ kind: 'primitive', name: 'Edm.String' }));
    it('[x](…) (optional) keeps the link', () => {
      expect(parseTypeRef('[teamVisibilityType](../resources/teamvisibilitytype.md) (optional)')).to.include({ kind: 'named', name: 'teamVisibilityType', link: '../resources/teamvisibilitytype.md' });
    });
    it('[x](…) enum', () => expect(parseTypeRef('[fileHashType](filehashtype.md) enum')).to.include({ kind: 'named', name: 'fileHashType' }));
    it('[x](…) collection. Then prose', () => {
      expect(parseTypeRef('[educationOutcome](educationOutcome.md) collection. Holds grades and feedback')).to.include({ kind: 'named', name: 'educationOutcome', collection: true });
    });
    it('string/number is unknown, with the text as name', () => {
      expect(parseTypeRef('string/number')).to.include({ kind: 'unknown', name: 'string/number' });
    });
    it('HTML entities and <br> are cleaned', () => {
      expect(parseTypeRef('String<br>')).to.include({ kind: 'primitive', name: 'Edm.String' });
      expect(parseTypeRef('Collection(&lt;String&gt;)').kind).to.equal('unknown');
    });
    it('empty cell is unknown', () => expect(parseTypeRef('')).to.include({ kind: 'unknown', name: '' }));
  });

  describe('alternatives', () => {
    it('[a](…) or [b](…)', () => {
      const ref = parseTypeRef('[user](user.md) or [group](group.md)');
      expect(ref).to.include({ kind: 'named', name: 'user', link: 'user.md' });
      expect(ref.alternatives?.map((a) => a.name)).to.deep.equal(['user', 'group']);
    });
    it('String or Int32', () => {
      expect(parseTypeRef('String or Int32').alternatives?.map((a) => a.name)).to.deep.equal(['Edm.String', 'Edm.Int32']);
    });
    it('prose with "or" is not split', () => {
      expect(parseTypeRef('String or null if not set yet')).to.not.have.property('alternatives');
    });
  });
});
