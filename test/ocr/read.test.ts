// The readings taken from OCR text: a number only when its check character passes, a validity only
// when it is a period a card can have, a name only in its field.
import { describe, expect, it } from 'vitest';
import { compact, creditCodes, hasAnchor, idNumbers, idSide, idValidity, namePrinted } from '../../src/facts/ocr/read.js';

const A = '110101199003071233';
const CODE = '91110101MA00123450';

describe('idNumbers', () => {
  it('takes a number that passes its check digit, spaces and full-width forms ignored', () => {
    expect(idNumbers([`公民身份号码 ${A.slice(0, 6)} ${A.slice(6)}`]).valid).toEqual([A]);
    expect(idNumbers(['公民身份号码１１０１０１１９９００３０７１２３３']).valid).toEqual([A]);
  });

  it('reads O, I and S where digits must stand, and keeps the number only if the check passes', () => {
    expect(idNumbers(['11O1O1199OO3O71233']).valid).toEqual([A]);
    expect(idNumbers(['1101011990030712S3'])).toEqual({ valid: [], unreadable: 1 });
  });

  it('counts a misread digit as unreadable, never as another number', () => {
    const misread = `${A.slice(0, 16)}4${A[17]}`;
    expect(idNumbers([`公民身份号码${misread}`])).toEqual({ valid: [], unreadable: 1 });
  });

  it('distrusts a run of more than 18 digits', () => {
    expect(idNumbers([`${A}9`]).unreadable).toBeGreaterThan(0);
  });
});

describe('creditCodes', () => {
  it('takes a code that passes GB 32100, reading O and I as 0 and 1', () => {
    expect(creditCodes([`统一社会信用代码 ${CODE}`]).valid).toEqual([CODE]);
    expect(creditCodes(['统一社会信用代码 9111O1O1MAOO1234SO']).valid).toEqual([CODE]);
  });

  it('counts a code with a wrong check character as unreadable', () => {
    expect(creditCodes([`${CODE.slice(0, 17)}1`])).toEqual({ valid: [], unreadable: 1 });
  });
});

describe('idSide', () => {
  it('tells the photo side by 公民身份号码 and the emblem side by 签发机关 / 有效期限', () => {
    expect(idSide(['姓名王样本', `公民身份号码 ${A}`])).toBe('front');
    expect(idSide(['中华人民共和国', '签发机关测试市公安局'])).toBe('back');
    expect(idSide(['有效期限2016.03.01-2036.03.01'])).toBe('back');
  });

  it('says nothing when the text shows neither side, or both', () => {
    expect(idSide(['营业执照'])).toBeUndefined();
    expect(idSide(['公民身份号码', '签发机关'])).toBeUndefined();
  });
});

describe('idValidity', () => {
  it('reads a 5, 10 or 20 year period to the same day, and long-term', () => {
    expect(idValidity(['有效期限 2016.03.01-2036.03.01'])).toEqual({ from: '2016-03-01', to: '2036-03-01' });
    expect(idValidity(['有效期限2016.03.01一2026.03.01'])).toEqual({ from: '2016-03-01', to: '2026-03-01' });
    expect(idValidity(['有效期限2016.03.01—长期'])).toEqual({ from: '2016-03-01', to: 'long-term' });
  });

  it('rejects a period no card has: a misread digit is not a different date', () => {
    expect(idValidity(['有效期限2016.03.01-2038.03.01'])).toBeUndefined();
    expect(idValidity(['有效期限2016.03.01-2036.08.01'])).toBeUndefined();
    expect(idValidity(['有效期限2016.13.01-2036.13.01'])).toBeUndefined();
    expect(idValidity(['签发机关测试市公安局'])).toBeUndefined();
  });
});

describe('namePrinted', () => {
  it('finds the name in its field, on the same line or the next', () => {
    expect(namePrinted('王样本', ['姓名王样本'], '姓名')).toBe(true);
    expect(namePrinted('王样本', ['姓名', '王 样 本'], '姓名')).toBe(true);
  });

  it('finds the name beside a label that stands alone, as a tilted photo splits the row', () => {
    expect(namePrinted('吴演示', ['吴演示', '姓名', '民族 汉'], '姓名')).toBe(true);
    expect(namePrinted('测试市模拟科技有限公司', ['统一社会信用代码', '名称', '类型 测试市模拟科技有限公司'], '名称')).toBe(true);
    expect(namePrinted('王样本', ['姓名', '性别男', '住址示例省测试市样本区'], '姓名')).toBe(false);
  });

  it('allows one misread character in a name of three or more, none in two', () => {
    expect(namePrinted('王样本', ['姓名王祥本'], '姓名')).toBe(true);
    expect(namePrinted('王样', ['姓名王祥'], '姓名')).toBe(false);
    expect(namePrinted('测试市样本科技有限公司', ['名称 测试市样木科技有限公司'], '名称')).toBe(true);
  });

  it('never takes characters the name shares with an address, or another name', () => {
    expect(namePrinted('王样本', ['姓名李测试', '住址示例省测试市样本区演示路2号'], '姓名')).toBe(false);
    expect(namePrinted('王样本', ['住址示例省测试市样本区'], '姓名')).toBe(false);
  });

  it('without the label, counts only an exact match', () => {
    expect(namePrinted('王样本', ['王样本'], '姓名')).toBe(true);
    expect(namePrinted('王样本', ['王祥本'], '姓名')).toBe(false);
  });
});

describe('hasAnchor and compact', () => {
  it('knows a card or licence by its printed words or a valid number', () => {
    expect(hasAnchor(['统一社会信用代码'])).toBe(true);
    expect(hasAnchor([A])).toBe(true);
    expect(hasAnchor(['a b c', '1234'])).toBe(false);
    expect(compact(' 名　称：Ａ ')).toBe('名称A');
  });
});
