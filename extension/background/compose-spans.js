// @ts-check
/**
 * The backend is Python: a tip's span counts code points of the text. JavaScript strings
 * count UTF-16 units, where an emoji or any other astral character takes two. These convert
 * one into the other against the exact text that was sent.
 */

/**
 * UTF-16 offset of every code-point index 0..n of text (n = number of code points), so a
 * list of spans converts in one pass. A lone surrogate is one code point on both sides
 * (JSON carries it as a single \uXXXX escape).
 * @param {string} text
 * @returns {number[]}
 */
export function codePointOffsets(text) {
  const offsets = [0];
  let unit = 0;
  for (const character of text) {
    unit += character.length;
    offsets.push(unit);
  }
  return offsets;
}

/** @param {string} text */
export function codePointLength(text) {
  let count = 0;
  // eslint-disable-next-line no-unused-vars
  for (const _ of text) count += 1;
  return count;
}

/**
 * @param {unknown} span [start, end) in code points, as the backend sent it
 * @param {number[]} offsets from codePointOffsets(text)
 * @returns {[number, number] | null} [start, end) in UTF-16 units, or null when the span does
 *   not fit the text (then the tip is shown without a highlight rather than marking the wrong part)
 */
export function toUtf16Span(span, offsets) {
  if (!Array.isArray(span) || span.length !== 2) return null;
  const [start, end] = span;
  const last = offsets.length - 1;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > last) return null;
  return [offsets[start], offsets[end]];
}
