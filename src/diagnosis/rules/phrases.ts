// Patterns written one phrase per line: each phrase is a regular expression of its own, with the source that
// justified it beside it, and a rule matches when any of its phrases does.

/** One case-insensitive pattern that matches when any phrase matches. */
export function anyPhrase(...phrases: readonly RegExp[]): RegExp {
  return new RegExp(phrases.map((phrase) => `(?:${phrase.source})`).join('|'), 'i')
}
