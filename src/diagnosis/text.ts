// Turns a pasted error (JSON, SDK repr, escaped log line, wrapped console output) into one searchable line.

const LINE_PREFIXES = [
  /^\s*\uFEFF/,
  /^\s*\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?\s*/, // 2024-05-01T10:00:00.1234567Z
  /^\s*\[?\d\d:\d\d:\d\d(?:[.,]\d+)?\]?\s*/, // 10:00:00.123
  /^\s*##\[(?:error|warning|debug|notice|group|endgroup)\]\s*/i,
  /^\s*(?:\||>|[*]\s)\s*/ // quoted or table-pasted lines
]

/** Undoes the escaping that JSON strings, Python reprs and log shippers add (applied twice for double escaping). */
export function unescapeText(text: string): string {
  let result = text
  for (let pass = 0; pass < 2; pass++) {
    result = result
      .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\[nrt]/g, ' ')
      .replace(/\\(["'/\\`])/g, '$1')
  }
  return result
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function stripPrefixes(line: string): string {
  let stripped = line
  for (let changed = true; changed; ) {
    changed = false
    for (const prefix of LINE_PREFIXES) {
      const next = stripped.replace(prefix, '')
      if (next !== stripped) {
        stripped = next
        changed = true
      }
    }
  }
  return stripped
}

/** The text as one line: escapes undone, log prefixes removed, lines joined, whitespace collapsed. */
export function normaliseText(text: string): string {
  return unescapeText(text)
    .split(/\r?\n/)
    .map(stripPrefixes)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Lines joined without a space: finds words a terminal or a log viewer broke in the middle. */
export function unwrappedText(text: string): string {
  return unescapeText(text)
    .split(/\r?\n/)
    .map((line) => stripPrefixes(line).trim())
    .join('')
}
