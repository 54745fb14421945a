// @ts-check
/**
 * RFC 8288 Link headers, as Mastodon uses them to page API lists
 * (docs.joinmastodon.org/api/guidelines/#pagination).
 */

/**
 * Parses an RFC 8288 Link header into rel -> URL.
 * @param {string | null | undefined} header
 * @returns {Record<string, string>}
 */
export function parseLinkHeader(header) {
  /** @type {Record<string, string>} */
  const links = {};
  if (!header) return links;
  for (const value of splitLinkValues(header)) {
    const match = /^\s*<([^>]*)>(.*)$/s.exec(value);
    if (!match) continue;
    for (const param of match[2].matchAll(/;\s*([^\s=;]+)\s*(?:=\s*(?:"([^"]*)"|([^;]*)))?/g)) {
      if (param[1].toLowerCase() !== 'rel') continue;
      for (const rel of (param[2] ?? param[3] ?? '').trim().toLowerCase().split(/\s+/)) {
        if (rel && !(rel in links)) links[rel] = match[1];
      }
      break; // only the first rel parameter counts (RFC 8288, 3.3)
    }
  }
  return links;
}

/** Splits a Link header at the commas between link-values (not those inside <...> or quotes). @param {string} header */
function splitLinkValues(header) {
  const values = [];
  let current = '';
  let inUri = false;
  let inQuote = false;
  for (const c of header) {
    if (inQuote) inQuote = c !== '"';
    else if (inUri) inUri = c !== '>';
    else if (c === '"') inQuote = true;
    else if (c === '<') inUri = true;
    else if (c === ',') {
      values.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  values.push(current);
  return values;
}
