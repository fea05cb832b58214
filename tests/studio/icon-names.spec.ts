import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ICON_NAMES } from '../../studio/src/shared/shell/icon-names';
import { iconMessages } from '../../studio/src/app/setup/objects/icon-messages';

const schemaEnum = (file: string, definition: string): string[] => {
  const schema = JSON.parse(readFileSync(new URL(`../../engine/schemas/${file}`, import.meta.url), 'utf8')) as { $defs: Record<string, { enum: string[] }> };
  return schema.$defs[definition]!.enum;
};

describe('web app: icons of apps and objects', () => {
  it('draws every icon the app and object schemas accept, and no other', () => {
    expect([...ICON_NAMES].sort()).to.deep.equal([...schemaEnum('app.schema.json', 'AppIcon')].sort());
    expect([...ICON_NAMES].sort()).to.deep.equal([...schemaEnum('object.schema.json', 'ObjectIcon')].sort());
  });

  it('names every icon in English and Chinese, for the picker and its search', () => {
    for (const texts of [iconMessages.en.icons, iconMessages.zhCN.icons] as Record<string, string>[]) {
      expect(ICON_NAMES.filter((name) => !texts[name]?.trim())).to.deep.equal([]);
    }
  });
});
