import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/**
 * What people here pick that the English and common lists miss: pinyin words, love-number
 * codes (520 = 我爱你, 1314 = 一生一世) and the commonest surnames, ranked roughly by use.
 */
const chineseCommon = [
  'woaini', '5201314', '1314520', 'aini', '520', '1314', 'iloveyou', 'woaini520', 'nihao', 'mima', 'zhongguo', 'beijing',
  'shanghai', 'qq123456', 'a123456', 'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun',
  'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'gao', 'luo', 'yichuang', 'onewindow', 'tiaojie', 'xinfang',
];

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn's estimate: 3 of 4 or better ("safely unguessable", about 10^8 guesses and up), the
 * person's own phone, name and account name counting as known words.
 */
export function isStrongPassword(password: string, userInputs: string[] = []): boolean {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, chineseCommon },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator.check(password, userInputs).score >= 3;
}
