import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent } from './helpers/content-loader.mjs';

const { BotLens } = loadContent({ files: ['content/parse/dates.js'] });
const parse = (text) => BotLens.dates.parseJoinDate(text);

test('English join dates with and without a day', () => {
  assert.equal(parse('Joined March 2015'), '2015-03-01T00:00:00Z');
  assert.equal(parse('Joined Mar 5, 2012'), '2012-03-05T00:00:00Z');
  assert.equal(parse('Joined on Mar 15, 2017'), '2017-03-15T00:00:00Z');
  assert.equal(parse('Joined December 2009'), '2009-12-01T00:00:00Z');
});

test('other locales', () => {
  assert.equal(parse('Beigetreten am 05.03.2012'), '2012-03-05T00:00:00Z');
  assert.equal(parse('Seit März 2015 bei X'), '2015-03-01T00:00:00Z');
  assert.equal(parse('A rejoint X en mars 2015'), '2015-03-01T00:00:00Z');
  assert.equal(parse('Se unió en marzo de 2015'), '2015-03-01T00:00:00Z');
  assert.equal(parse('Iscritto dal 12 ago 2019'), '2019-08-12T00:00:00Z');
  assert.equal(parse('2015年3月に登録'), '2015-03-01T00:00:00Z');
  assert.equal(parse('2015年3月5日'), '2015-03-05T00:00:00Z');
});

test('machine-readable timestamps', () => {
  assert.equal(parse('2015-03-05T12:00:00.000Z'), '2015-03-05T00:00:00Z');
});

test('text without a recognisable date gives null', () => {
  assert.equal(parse('Joined 3 years ago'), null);
  assert.equal(parse('Joined Smarch 2015'), null);
  assert.equal(parse('31.02.2015'), null);
  assert.equal(parse(''), null);
  assert.equal(parse(null), null);
});
