// @ts-check
'use strict';
/**
 * Turns the join dates sites print ("Joined March 2015", "Joined Mar 5, 2012", "Beigetreten am
 * 05.03.2012", "A rejoint X en mars 2015", "2015年3月に登録") into ISO 8601 timestamps. A date
 * with only a month becomes the first of that month, in UTC.
 */
(function (BotLens) {
  /** Month names and abbreviations by month number, across the locales sites commonly serve. */
  const MONTH_WORDS = [
    ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'gennaio', 'gen', 'januari', 'stycznia', 'января', 'янв'],
    ['february', 'feb', 'februar', 'février', 'févr', 'fevrier', 'febrero', 'fevereiro', 'fev', 'febbraio', 'februari', 'lutego', 'февраля', 'фев'],
    ['march', 'mar', 'märz', 'mär', 'mars', 'marzo', 'março', 'marco', 'maart', 'marca', 'марта', 'мар'],
    ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwietnia', 'апреля', 'апр'],
    ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'mei', 'maja', 'мая'],
    ['june', 'jun', 'juni', 'juin', 'junio', 'junho', 'giugno', 'giu', 'czerwca', 'июня', 'июн'],
    ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lug', 'lipca', 'июля', 'июл'],
    ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'sierpnia', 'августа', 'авг'],
    ['september', 'sep', 'sept', 'septembre', 'septiembre', 'set', 'setembro', 'settembre', 'września', 'сентября', 'сен'],
    ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'out', 'ottobre', 'ott', 'października', 'октября', 'окт'],
    ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'ноября', 'ноя'],
    ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dic', 'dezembro', 'dicembre', 'grudnia', 'декабря', 'дек'],
  ];
  /** @type {Map<string, number>} */
  const MONTHS = new Map();
  MONTH_WORDS.forEach((words, index) => words.forEach((word) => MONTHS.set(word, index + 1)));

  /**
   * @param {number} year @param {number} month 1-12 @param {number} day
   * @returns {string | null}
   */
  function toIso(year, month, day) {
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1) return null;
    return date.toISOString().replace('.000Z', 'Z');
  }

  /**
   * @param {string | null | undefined} text
   * @returns {string | null} ISO 8601 timestamp, or null when no date is recognised
   */
  function parseJoinDate(text) {
    if (!text) return null;
    const clean = String(text).normalize('NFKC').toLowerCase();

    const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(clean);
    if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));

    const cjk = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?/u.exec(clean);
    if (cjk) return toIso(Number(cjk[1]), Number(cjk[2]), Number(cjk[3] || 1));

    // Day-first numeric dates (05.03.2012, 05/03/2012) are the European convention; the
    // month-first US form only appears with month names on the sites we read.
    const numeric = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(clean);
    if (numeric) return toIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));

    const yearMatch = /\b(19\d{2}|20\d{2})\b/.exec(clean);
    if (!yearMatch) return null;
    const words = clean.match(/[\p{L}]+/gu) || [];
    const month = words.map((word) => MONTHS.get(word.replace(/\.$/, ''))).find((m) => m !== undefined);
    if (!month) return null;
    // A 1-2 digit number that is not part of the year is the day ("Mar 5, 2012", "5. März 2012").
    const withoutYear = clean.replace(yearMatch[0], ' ');
    const dayMatch = /(?:^|[^\d])(\d{1,2})(?:[^\d]|$)/.exec(withoutYear);
    return toIso(Number(yearMatch[1]), month, dayMatch ? Number(dayMatch[1]) : 1);
  }

  BotLens.dates = { parseJoinDate };
})((globalThis.BotLens ??= {}));
