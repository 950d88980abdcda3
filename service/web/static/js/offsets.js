// The service counts offsets in Unicode code points (Python str indices); JavaScript
// strings count UTF-16 code units, and every character outside the Basic Multilingual
// Plane (most emoji, some CJK) takes two of them. This converts one to the other.

/**
 * A table from code-point offset to UTF-16 offset for `text`: table[i] is where the
 * i-th code point starts, and table[codePointCount] is text.length.
 */
export function codePointTable(text) {
  const table = [];
  let unit = 0;
  for (const char of text) {
    table.push(unit);
    unit += char.length;
  }
  table.push(unit);
  return table;
}

/** The UTF-16 [start, end) of a code-point span, or null when it lies outside the text. */
export function toUtf16(table, start, end) {
  if (!(start >= 0 && end >= start && end < table.length)) return null;
  return [table[start], table[end]];
}
