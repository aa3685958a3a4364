import { expect } from 'chai';
import { FENCE, md, resourcePage } from './helpers.js';

describe('parse/resource: resource pages', () => {
  const entity = md(
    '# user resource type', '', '## Properties', '|Property|Type|Description|', '|:--|:--|:--|',
    '|id|String|The id. Read-only.|', '|displayName|String|The name.|', '|manager|[directoryObject](directoryobject.md)|Nullable.|', '',
    '## Relationships', '|Relationship|Type|Description|', '|:--|:--|:--|', '|photos|[photo](photo.md) collection|Read-only.|', '',
    '## JSON representation', '<!-- {', '  "blockType": "resource",', '  "keyProperty": "id",', '  "openType": "true",', '  "baseType": "microsoft.graph.directoryObject",',
    '  "@odata.type": "microsoft.graph.user"', '}-->', FENCE + 'json', '{', '  "id": "String",', '  "displayName": "String"', '}', FENCE);

  it('type name, properties, relationships and annotation facts', () => {
    const page = resourcePage(entity);
    expect(page).to.include({ typeName: 'microsoft.graph.user', typeKind: 'entity', keyProperty: 'id', baseType: 'microsoft.graph.directoryObject', openType: true, propertiesLine: 3 });
    expect(page.properties.map((p) => [p.name, p.type.name, p.line])).to.deep.equal([
      ['id', 'Edm.String', 6],
      ['displayName', 'Edm.String', 7],
      ['manager', 'directoryObject', 8],
    ]);
    expect(page.properties[0].readOnly).to.equal(true);
    expect(page.properties[2].nullable).to.equal(true);
    expect(page.relationships.map((p) => [p.name, p.type.collection])).to.deep.equal([['photos', true]]);
    expect(page.jsonRepresentation).to.include({ parse: 'strict', line: 24 });
    expect(page.jsonRepresentation?.pointers).to.deep.equal({ '/id': 25, '/displayName': 26 });
    expect(page.annotation?.blockType).to.equal('resource');
  });

  it('type name from the H1 when there is no annotation; complex when no id/key/relationships', () => {
    const page = resourcePage(md('# keyCredential resource type', '## Properties', '|Property|Type|Description|', '|--|--|--|', '|keyId|Guid|The id.|'));
    expect(page).to.include({ typeName: 'keyCredential', typeKind: 'complex' });
    expect(page).to.not.have.property('annotation');
  });

  it('baseType null is no base type; abstract flag', () => {
    const page = resourcePage(md('# x resource type', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x", "baseType": null, "abstract": true } -->', FENCE + 'json', '{}', FENCE));
    expect(page).to.not.have.property('baseType');
    expect(page.abstract).to.equal(true);
  });

  it('enum page: Members table', () => {
    const page = resourcePage(md('# printerState enum type', '## Members', '|Member|Value|Description|', '|--|--|--|', '|idle|0|Idle.|', '|busy|1|Busy.|'));
    expect(page.typeKind).to.equal('enum');
    expect(page.enumMembers).to.deep.equal([
      { name: 'idle', value: '0', description: 'Idle.', line: 5 },
      { name: 'busy', value: '1', description: 'Busy.', line: 6 },
    ]);
  });

  it('enum page: values in the description prose', () => {
    const page = resourcePage(md('# color enum type', '', 'Possible values are: `red`, `green`, `blue`.'));
    expect(page.typeKind).to.equal('enum');
    expect(page.enumMembers?.map((m) => m.name)).to.deep.equal(['red', 'green', 'blue']);
  });

  it('enum types documented as `### <name> values` sections (enums.md): names, members, namespace', () => {
    const page = resourcePage(md('# Enum values', '', 'Namespace: microsoft.graph.callRecords', '',
      '### callType values', '', '|Member|Value|Description|', '|:---|:---|:---|', '|groupCall|0|A group call.|', '|peerToPeer|1|A 1:1 call.|', '',
      '### `modality` values', '', '|Member|', '|:---|', '|audio|', '|video|', '',
      '#### ageGroup values', '| Member | Description|', '|:--|:--|', '|null|Not set.|', '|minor|A minor.|'), undefined, 'docs/resources/enums-callrecords.md');
    expect(page.namespace).to.equal('microsoft.graph.callRecords');
    expect(page.enumSections?.map((s) => [s.name, s.line, s.members.map((m) => m.name)])).to.deep.equal([
      ['callType', 5, ['groupCall', 'peerToPeer']],
      ['modality', 12, ['audio', 'video']],
      ['ageGroup', 19, ['minor']],
    ]);
    expect(page.enumSections?.[0].members[1]).to.deep.equal({ name: 'peerToPeer', value: '1', description: 'A 1:1 call.', line: 10 });
  });

  it('a "values" heading over a property table, a list or a generic title is no enum type', () => {
    const page = resourcePage(md('# thing resource type', '## Properties', '|Property|Type|Description|', '|--|--|--|', '|state|String|The state.|', '',
      '### Possible values', '|Member|', '|--|', '|a|', '',
      '### settings values', '|Property|Type|Description|', '|--|--|--|', '|x|String|X.|', '',
      '### mode values', '- first: the first mode', '- second: the second'));
    expect(page.enumSections).to.equal(undefined);
    expect(page.properties.map((p) => p.name)).to.deep.equal(['state', 'x']);
  });

  it('"Instance attributes" tables list instance annotations, not properties (H3 inside Properties, or an H2)', () => {
    const page = resourcePage(md('# channel resource type', '## Properties', '|Property|Type|Description|', '|--|--|--|', '|id|String|The id.|', '',
      '### Instance attributes', 'Instance attributes are properties with special behaviors.', '', '| Property name | Type | Description', '|:--|:--|:--', '|@microsoft.graph.channelCreationMode|string|Migration mode.|', '',
      '### More properties', '|Property|Type|Description|', '|--|--|--|', '|displayName|String|The name.|', '',
      '## Instance Attributes', '| Property name | Type | Description', '|:--|:--|:--', '| @microsoft.graph.downloadUrl | string | A short-lived URL.'));
    expect(page.properties.map((p) => p.name)).to.deep.equal(['id', 'displayName']);
  });

  it('a subsection listing the fields of a JSON string held by a String property is not read as properties of the type', () => {
    const head = ['# sessionPolicy resource type', '## Properties', '|Property|Type|Description|', '|--|--|--|',
      '|id|String|The id.|', '|rules|String collection|One JSON string with the rules of the policy.|', '|schedule|[window](window.md)|When it applies.|', ''];
    const fields = ['|Property|Type|Description|', '|--|--|--|', '|Version|Integer|Rule format version.|', '|MaxIdle|String|Longest idle time.|', ''];
    // The heading names the String property.
    const named = resourcePage(md(...head, '### Properties of a session policy rules document', ...fields));
    expect(named.properties.map((p) => p.name)).to.deep.equal(['id', 'rules', 'schedule']);
    // Only the prose names it, and says the object becomes a JSON string.
    const prose = resourcePage(md(...head, '### Rule document', 'The fields below make up the JSON object that is serialized into **rules**.', '', ...fields));
    expect(prose.properties.map((p) => p.name)).to.deep.equal(['id', 'rules', 'schedule']);
    // Not that class: the heading names a property that is no String; the prose names one without JSON.
    const complex = resourcePage(md(...head, '### Properties of the schedule window', ...fields));
    expect(complex.properties.map((p) => p.name)).to.deep.equal(['id', 'rules', 'schedule', 'Version', 'MaxIdle']);
    const plain = resourcePage(md(...head, '### More properties', 'These complete the **rules** above.', '', ...fields));
    expect(plain.properties.map((p) => p.name)).to.deep.equal(['id', 'rules', 'schedule', 'Version', 'MaxIdle']);
  });

  it('Member|Value tables inside Properties are enum values of other types, not properties', () => {
    const page = resourcePage(md('# printerStatus resource type', '## Properties', '|Property|Type|Description|', '|--|--|--|', '|state|printerProcessingState|The state.|', '',
      '### printerProcessingState values', '|Member|Value|Description|', '|--|--|--|', '|idle|0|Idle.|'));
    expect(page.properties.map((p) => p.name)).to.deep.equal(['state']);
    expect(page.typeKind).to.equal('complex');
    expect(page.enumSections?.map((s) => [s.name, s.members.map((m) => m.name)])).to.deep.equal([['printerProcessingState', ['idle']]]);
  });

  it('a base type named only in prose is kept apart from the annotation\'s (schemas follow the annotation)', () => {
    const prose = resourcePage(md('# areaZone resource type', '', 'Namespace: microsoft.graph', '', 'Inherits from [zone](zone.md).', '', '## Properties', '|Property|Type|Description|', '|--|--|--|', '|id|String|The id.|'));
    expect(prose).to.include({ proseBaseType: 'zone' });
    expect(prose).to.not.have.property('baseType');
    const sentence = resourcePage(md('# areaZone resource type', '', 'An **areaZone** inherits from zone.', '', '## Properties', '|Property|Type|Description|', '|--|--|--|', '|id|String|The id.|'));
    expect(sentence).to.include({ proseBaseType: 'zone' });
    expect(resourcePage(entity)).to.not.have.property('proseBaseType');
    expect(resourcePage(md('# zone resource type', '', 'Zones group places.', '', '## Properties', '|Property|Type|Description|', '|--|--|--|', '|id|String|The id.|'))).to.not.have.property('proseBaseType');
  });

  it('property names with a leading underscore or "(deprecated)" are read as written; italic names stay emphasis', () => {
    const page = resourcePage(md('# hit resource type', '## Properties', '|Property|Type|Description|', '|--|--|--|',
      '|rank|Int32|The rank.|', '|_rank (deprecated)|Int32|Renamed as **rank**.|', '|`_origin`|String|Where it came from.|', '|_note_|String|Emphasis, not a name.|'));
    expect(page.properties.map((p) => p.name)).to.deep.equal(['rank', '_rank', '_origin', 'note']);
  });

  it('a Type|Description table (a base page\'s "Derived types") lists types, not properties; a Name|Type table stays', () => {
    const page = resourcePage(md('# zone resource type', '## Properties', '|Property|Type|Description|', '|--|--|--|', '|id|String|The id.|', '',
      '### Derived types', '| Type | Description |', '|--|--|', '| [areaZone](areazone.md) | A zone drawn as an area. |', '',
      '### More', '| Name | Type | Description |', '|--|--|--|', '| label | String | The label. |'));
    expect(page.properties.map((p) => p.name)).to.deep.equal(['id', 'label']);
  });

  it('a concept page in the resources folder: unknown kind, no type name', () => {
    const page = resourcePage(md('# Working with users in Microsoft Graph', '## Common use cases', 'Prose.'));
    expect(page.typeKind).to.equal('unknown');
    expect(page).to.not.have.property('typeName');
  });
});
