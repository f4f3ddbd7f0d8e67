import { describe, expect, it } from 'vitest';
import { hasErrorUnder, reviseErrors } from '../../app/_lib/field-errors';

describe('errors shown on a form, as the person corrects it', () => {
  const shown = { title: '此项必填', 'applicants.1.idNumber': '身份证号码不正确', applicants: '代表最多 5 名' };

  it('drops the error of a field once it is right, and keeps the others', () => {
    expect(reviseErrors(shown, 'title', { 'applicants.1.idNumber': '身份证号码不正确', applicants: '代表最多 5 名' })).toEqual({
      'applicants.1.idNumber': '身份证号码不正确',
      applicants: '代表最多 5 名',
    });
  });

  it('rewords an error the field still has', () => {
    expect(reviseErrors({ title: '此项必填' }, 'title', { title: '最多 100 个字' })).toEqual({ title: '最多 100 个字' });
  });

  it('adds no error to a field the person has not been told about yet', () => {
    expect(reviseErrors({ title: '此项必填' }, 'description', { title: '此项必填', description: '此项必填' })).toEqual({ title: '此项必填' });
  });

  it('checks the group error again when one of its rows changes', () => {
    expect(reviseErrors(shown, 'applicants.4.isRepresentative', { title: '此项必填', 'applicants.1.idNumber': '身份证号码不正确' })).toEqual({
      title: '此项必填',
      'applicants.1.idNumber': '身份证号码不正确',
    });
  });

  it('shows the current errors of a group whose rows were added or removed', () => {
    expect(reviseErrors(shown, 'applicants', { title: '此项必填', 'applicants.0.idNumber': '身份证号码不正确' })).toEqual({
      title: '此项必填',
      'applicants.0.idNumber': '身份证号码不正确',
    });
  });

  it('finds the errors of one row', () => {
    expect(hasErrorUnder(shown, 'applicants.1')).toBe(true);
    expect(hasErrorUnder(shown, 'applicants.10')).toBe(false);
  });
});
