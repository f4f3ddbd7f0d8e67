import { describe, expect, it } from 'vitest';
import { parseRoster, rosterRowIsValid } from '../../server/domain/roster';
import { rosterCellsFromText } from '../../server/domain/roster-text';

const id1 = '33042119900101123X';
const id2 = '330421198505052313';

describe('a roster of workers as rows of cells', () => {
  it('reads name, ID number, phone and amount in that order, normalized', () => {
    const [row] = parseRoster([[' 张三 ', id1.toLowerCase(), '138-0000-0001', '7,000']]);
    expect(row).toEqual({ line: 1, values: { name: '张三', idNumber: id1, phone: '13800000001', claimedAmount: '7000' }, errors: {} });
  });

  it('names the problem of each cell, per row', () => {
    const rows = parseRoster([
      ['张三', id1, '13800000001', '7000'],
      ['', '330421199001011235', '1380000', '7000.123'],
    ]);
    expect(rosterRowIsValid(rows[0]!)).toBe(true);
    expect(rows[1]!.errors).toEqual({
      name: { key: 'validation.required' },
      idNumber: { key: 'validation.idNumber' },
      phone: { key: 'validation.mobile' },
      claimedAmount: { key: 'validation.amount' },
    });
  });

  it('lets ID number, phone and amount be left out', () => {
    const [row] = parseRoster([['李四']]);
    expect(row!.values).toEqual({ name: '李四', idNumber: '', phone: '', claimedAmount: '' });
    expect(rosterRowIsValid(row!)).toBe(true);
  });

  it('skips blank rows but counts them in line numbers', () => {
    const rows = parseRoster([['张三'], ['', ''], ['李四']]);
    expect(rows.map((r) => [r.line, r.values.name])).toEqual([
      [1, '张三'],
      [3, '李四'],
    ]);
  });

  it('refuses an ID number listed twice, or already on the petition', () => {
    const rows = parseRoster([['张三', id1], ['张三丰', id1], ['李四', id2]], { alreadyListed: [id2] });
    expect(rows[0]!.errors).toEqual({});
    expect(rows[1]!.errors.idNumber).toEqual({ key: 'roster.duplicateOf', values: { line: 1 } });
    expect(rows[2]!.errors.idNumber).toEqual({ key: 'roster.alreadyListed' });
  });

  it('reads the columns of a header row in any order, in Chinese or English', () => {
    const zh = parseRoster([['序号', '手机号', '姓名', '金额（元）', '身份证号码'], ['1', '13800000001', '张三', '7000', id1]]);
    expect(zh).toEqual([{ line: 2, values: { name: '张三', idNumber: id1, phone: '13800000001', claimedAmount: '7000' }, errors: {} }]);
    const en = parseRoster([['Name', 'Phone'], ['Zhang San', '13800000001']]);
    expect(en[0]!.values).toEqual({ name: 'Zhang San', idNumber: '', phone: '13800000001', claimedAmount: '' });
  });

  it('refuses a name longer than the form allows', () => {
    const [row] = parseRoster([['很'.repeat(51)]]);
    expect(row!.errors.name).toEqual({ key: 'validation.tooLong', values: { max: 50 } });
  });
});

describe('pasted text', () => {
  it('keeps a spreadsheet’s tab-separated columns in place, empty cells included', () => {
    expect(rosterCellsFromText(`张三\t\t13800000001\t7,000\r\n李四\t${id2}\t\t`)).toEqual([
      ['张三', '', '13800000001', '7,000'],
      ['李四', id2, '', ''],
    ]);
  });

  it('places the pieces of a typed line by their shape', () => {
    expect(rosterCellsFromText(`张三 13800000001 7000\n李四，${id1}，¥6,500.50\n王五,${id2},13900000002,7000元`)).toEqual([
      ['张三', '', '13800000001', '7000'],
      ['李四', id1, '', '¥6,500.50'],
      ['王五', id2, '13900000002', '7000元'],
    ]);
  });

  it('takes a mistyped ID number as an ID number, so its error says so', () => {
    const rows = parseRoster(rosterCellsFromText('张三 33042119900101123'));
    expect(rows[0]!.errors).toEqual({ idNumber: { key: 'validation.idNumber' } });
  });

  it('keeps a typed header line as a header', () => {
    const rows = parseRoster(rosterCellsFromText(`姓名 手机号\n张三 13800000001`));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values.name).toBe('张三');
  });
});
