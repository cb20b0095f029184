import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.js';
import { placeholders, translate } from '../../web/src/i18n/translate.js';
import { zh } from '../../web/src/i18n/zh.js';

describe('the web app’s dictionaries', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message uses the same placeholders in both languages and none is empty', () => {
    const mismatched = Object.entries(en)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(zh[key as keyof typeof en]).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
    expect(Object.entries({ ...en }).filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    expect(Object.entries(zh).filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translate(en['points.signed'], { sign: '−', n: 100 })).toBe('−100 points');
    expect(translate(zh['points.signed'], { sign: '−', n: 100 })).toBe('−100 分');
    expect(translate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
