import { expect } from 'chai';
import ZH_CN from '../../engine/i18n/catalogues/zh-CN.messages.json' with { type: 'json' };
import { toTraditional as serverTraditional } from '../../engine/i18n/traditional';
import { loadTraditional, toTraditional } from '../../studio/src/shared/i18n/traditional';

describe('web app: Traditional Chinese converted as the server converts it', () => {
  it('gives the same text as the engine for labels and every message of the catalogue, so a page and the server\'s answers on it read alike', async () => {
    await loadTraditional();
    const texts = ['客户名称', '默认搜索', '保存', '登录', '信息', '软件与硬件', '记录数', '总计', '（空）', '超过 90 天', ...Object.values(ZH_CN)];
    const different = texts.filter((text) => toTraditional(text) !== serverTraditional(text));
    expect(different).to.deep.equal([]);
    expect(toTraditional('客户名称')).to.equal('客戶名稱');
  });
});
