// The backend counts span offsets in code points (Python str indices); JavaScript in UTF-16 units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointOffsets, codePointLength, toUtf16Span } from '../../extension/background/compose-spans.js';

/** The code-point span of `part` in `text`, computed the way Python indexes strings. */
function pythonSpan(text, part) {
  const points = [...text];
  const want = [...part];
  for (let i = 0; i + want.length <= points.length; i++) {
    if (want.every((c, j) => points[i + j] === c)) return [i, i + want.length];
  }
  throw new Error(`${part} not in ${text}`);
}

const CASES = [
  ['plain ascii', 'buy now at bit.ly/x', 'bit.ly/x'],
  ['after an emoji', '😀 #sale #promo', '#promo'],
  ['after a ZWJ family and a flag', '👨‍👩‍👧 🇺🇦 FOLLOW BACK', 'FOLLOW BACK'],
  ['an emoji run itself', 'wow 🎉🎉🎉🎉 ok', '🎉🎉🎉🎉'],
  ['right-to-left text with marks', 'مرحبا \u200Fبالعالم DM me', 'DM me'],
  ['after mathematical letters and combining marks', '𝒳𝒴 e\u0301 free money', 'free money'],
  ['after a lone surrogate', 'a\uD800b #tag', '#tag'],
];

for (const [name, text, part] of CASES) {
  test(`a code-point span becomes the UTF-16 span of the same text: ${name}`, () => {
    const span = toUtf16Span(pythonSpan(text, part), codePointOffsets(text));
    assert.equal(text.slice(span[0], span[1]), part);
  });
}

test('astral characters shift UTF-16 offsets, so using code points directly would mark the wrong text', () => {
  const text = '🚀🚀 #ad';
  const cp = pythonSpan(text, '#ad');
  assert.deepEqual(cp, [3, 6]);
  assert.notEqual(text.slice(cp[0], cp[1]), '#ad');
  assert.deepEqual(toUtf16Span(cp, codePointOffsets(text)), [5, 8]);
});

test('spans that do not fit the text are dropped, not clamped onto the wrong part', () => {
  const offsets = codePointOffsets('😀abc');
  for (const bad of [[0, 99], [-1, 2], [3, 3], [4, 2], [1.5, 3], ['0', '2'], [0], null, undefined, 'x']) {
    assert.equal(toUtf16Span(bad, offsets), null, JSON.stringify(bad));
  }
  assert.deepEqual(toUtf16Span([0, 4], offsets), [0, 5], 'the whole text');
});

test('codePointLength counts what Python’s len() counts', () => {
  assert.equal(codePointLength('👨‍👩‍👧'), 5);
  assert.equal(codePointLength('a\uD800'), 2);
  assert.equal(codePointLength(''), 0);
  assert.equal(codePointLength('😀'.repeat(10_000)), 10_000);
});
