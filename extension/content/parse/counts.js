// @ts-check
'use strict';
/**
 * Locale-aware parsing of the follower/post counts that sites display.
 * Sites show either an exact figure in some locale ("1,234", "1.234", "1 234") or a rounded
 * one with a magnitude word ("12.3K", "1,2 Mio.", "3,4 万"); the rounded ones are flagged
 * approximate so the backend knows the figure lost precision.
 */
(function (BotLens) {
  /** Magnitude words as sites print them, lower-cased without a trailing dot. */
  const MULTIPLIERS = new Map([
    ['k', 1e3], ['tsd', 1e3], ['mil', 1e3], ['tys', 1e3], ['тыс', 1e3], ['rb', 1e3],
    ['m', 1e6], ['mn', 1e6], ['mio', 1e6], ['mln', 1e6], ['mi', 1e6], ['млн', 1e6], ['jt', 1e6],
    ['b', 1e9], ['bn', 1e9], ['md', 1e9], ['mrd', 1e9], ['mld', 1e9], ['млрд', 1e9],
    ['千', 1e3], ['万', 1e4], ['萬', 1e4], ['亿', 1e8], ['億', 1e8], ['천', 1e3], ['만', 1e4], ['억', 1e8],
  ]);

  // Digits with any of the group/decimal separators sites use, then an optional magnitude word.
  const NUMBER_RE = /(\d(?:[\d.,'\u00a0\u202f\u2009 ]*\d)?)\s*([A-Za-z\u0400-\u04ff\u3040-\u9fff\uac00-\ud7af]+\.?)?/u;

  /**
   * @param {string} digits e.g. "1,234" or "12.3"
   * @param {boolean} hasMultiplier a magnitude word follows, so a separator is a decimal point
   * @returns {number | null}
   */
  function parseDigits(digits, hasMultiplier) {
    // Spaces, NBSP, narrow NBSP and the Swiss apostrophe only ever group thousands.
    const compact = digits.replace(/[\s\u00a0\u202f\u2009']/g, ',');
    const parts = compact.split(/[.,]/);
    if (parts.length === 1) return Number(parts[0]);
    const last = parts[parts.length - 1];
    const head = parts.slice(0, -1);
    const groupsLookThousands = head.slice(1).every((p) => p.length === 3) && head[0].length <= 3;
    if (!hasMultiplier && last.length === 3 && groupsLookThousands) {
      return Number(parts.join(''));
    }
    // The last separator is a decimal mark; earlier ones were thousands groups.
    if (!groupsLookThousands) return null;
    return Number(`${head.join('')}.${last}`);
  }

  /**
   * Parses a displayed count.
   * @param {string | null | undefined} text
   * @returns {{ value: number, approximate: boolean } | null}
   */
  function parseCount(text) {
    if (text == null) return null;
    const match = NUMBER_RE.exec(String(text).normalize('NFKC'));
    if (!match) return null;
    const rawWord = (match[2] || '').toLowerCase();
    const word = rawWord.endsWith('.') && !MULTIPLIERS.has(rawWord) ? rawWord.slice(0, -1) : rawWord;
    // CJK magnitudes run straight into the following word ("1.2万人"), so try the first character too.
    const first = word.charAt(0);
    const cjkFirst = /[\u3040-\u9fff\uac00-\ud7af]/u.test(first) ? MULTIPLIERS.get(first) : undefined;
    const multiplier = MULTIPLIERS.get(word) ?? cjkFirst ?? null;
    const base = parseDigits(match[1].trim(), multiplier !== null);
    if (base === null || !Number.isFinite(base)) return null;
    if (multiplier === null) {
      return { value: Math.round(base), approximate: !Number.isInteger(base) };
    }
    return { value: Math.round(base * multiplier), approximate: true };
  }

  /**
   * Reads an exact count written for machines or tooltips (title="12,345", number="12345").
   * @param {string | null | undefined} text
   * @returns {number | null}
   */
  function parseExactCount(text) {
    const parsed = parseCount(text);
    return parsed && !parsed.approximate ? parsed.value : null;
  }

  BotLens.counts = { parseCount, parseExactCount };
})((globalThis.BotLens ??= {}));
