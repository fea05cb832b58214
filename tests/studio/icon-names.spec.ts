import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ICON_NAMES } from '../../studio/src/shared/shell/icon-names';
import { iconMessages } from '../../studio/src/app/setup/objects/icon-messages';

type Schema = { properties: Record<string, { $ref?: string }>; $defs: Record<string, { enum: string[] }> };
const schemaOf = (file: string): Schema => JSON.parse(readFileSync(new URL(`../../engine/schemas/${file}`, import.meta.url), 'utf8')) as Schema;

describe('web app: icons of apps and objects', () => {
  it('draws every icon the app and object schemas accept, and no other', () => {
    // Apps and objects name their icon from the one shared enum.
    for (const file of ['app.schema.json', 'object.schema.json']) expect(schemaOf(file).properties.icon!.$ref, file).to.equal('common.schema.json#/$defs/Icon');
    expect([...ICON_NAMES].sort()).to.deep.equal([...schemaOf('common.schema.json').$defs.Icon!.enum].sort());
  });

  it('names every icon in English and Chinese, for the picker and its search', () => {
    for (const texts of [iconMessages.en.icons, iconMessages.zhCN.icons] as Record<string, string>[]) {
      expect(ICON_NAMES.filter((name) => !texts[name]?.trim())).to.deep.equal([]);
    }
  });
});
