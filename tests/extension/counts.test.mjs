import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent, plain } from './helpers/content-loader.mjs';

const { BotLens } = loadContent({ files: ['content/parse/counts.js'] });
const parse = (text) => plain(BotLens.counts.parseCount(text));

test('exact counts with thousands separators in several locales', () => {
  assert.deepEqual(parse('1,234'), { value: 1234, approximate: false });
  assert.deepEqual(parse('1.234'), { value: 1234, approximate: false });
  assert.deepEqual(parse('1,234,567 subscribers'), { value: 1234567, approximate: false });
  assert.deepEqual(parse('1\u00a0234\u00a0567'), { value: 1234567, approximate: false });
  assert.deepEqual(parse('12\u202f345 abonnés'), { value: 12345, approximate: false });
  assert.deepEqual(parse("1'234'567"), { value: 1234567, approximate: false });
  assert.deepEqual(parse('987'), { value: 987, approximate: false });
  assert.deepEqual(parse('0 Following'), { value: 0, approximate: false });
});

test('rounded counts with magnitude words are approximate', () => {
  assert.deepEqual(parse('12.3K'), { value: 12300, approximate: true });
  assert.deepEqual(parse('1.2M'), { value: 1200000, approximate: true });
  assert.deepEqual(parse('1,2 K'), { value: 1200, approximate: true });
  assert.deepEqual(parse('12,3 k'), { value: 12300, approximate: true });
  assert.deepEqual(parse('1,2 Mio. Abonnenten'), { value: 1200000, approximate: true });
  assert.deepEqual(parse('3,4 Mrd.'), { value: 3400000000, approximate: true });
  assert.deepEqual(parse('56.7K Followers'), { value: 56700, approximate: true });
  assert.deepEqual(parse('2B'), { value: 2000000000, approximate: true });
  assert.deepEqual(parse('5 mil seguidores'), { value: 5000, approximate: true });
  assert.deepEqual(parse('1,5\u00a0M de suscriptores'), { value: 1500000, approximate: true });
  assert.deepEqual(parse('1.2万人'), { value: 12000, approximate: true });
  assert.deepEqual(parse('12 тыс. подписчиков'), { value: 12000, approximate: true });
});

test('words that merely start like a magnitude are not one', () => {
  assert.deepEqual(parse('1,234 members'), { value: 1234, approximate: false });
  assert.deepEqual(parse('310 Followers'), { value: 310, approximate: false });
  assert.deepEqual(parse('45 Beiträge'), { value: 45, approximate: false });
});

test('text without a number gives null', () => {
  assert.equal(BotLens.counts.parseCount('Followers'), null);
  assert.equal(BotLens.counts.parseCount(''), null);
  assert.equal(BotLens.counts.parseCount(null), null);
});

test('parseExactCount only accepts unrounded figures', () => {
  assert.equal(BotLens.counts.parseExactCount('48,213'), 48213);
  assert.equal(BotLens.counts.parseExactCount('48.2K'), null);
  assert.equal(BotLens.counts.parseExactCount(null), null);
});
