// Everything the action hands to the runner (log lines, annotations, outputs, the job summary) passes through
// `neutralise` last, so no value from an input, a file, a token claim or a service answer can start a workflow
// command. The runner reads stdout line by line, splitting at LF and at a bare CR; a line whose text, after leading
// whitespace, starts with `::` is a command (`::add-mask::`, `::stop-commands::`, `::error::`), and the legacy
// `##[name]` form is honoured anywhere in a line.

export type NeutraliseMode = 'line' | 'block'

// C0 and C1 controls (ESC, NUL, a bare CR, NEL...) and the Unicode line and paragraph separators, except TAB and LF.
// eslint-disable-next-line no-control-regex -- matching control characters is what this module is for
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g
const COMMAND_AT_LINE_START = /^([ \t]*):(?=:)/gm
const LEGACY_COMMAND = /##\[/g

/**
 * `text` as the runner may safely show it. In 'line' mode (a log line, an output, a headline) line breaks become a
 * visible `\n`, so the value stays on the line the action began; in 'block' mode (an annotation's message, the
 * summary, a fix) LF is kept. Either way every other control character becomes a visible `\u....` escape (no
 * terminal escape sequence survives), a line cannot begin with `::`, and `##[` is broken up.
 */
export function neutralise(text: string, mode: NeutraliseMode = 'line'): string {
  const unified = text.replace(/\r\n/g, '\n')
  const lines = mode === 'line' ? unified.replace(/\n/g, '\\n') : unified
  return lines
    .replace(CONTROLS, (char) => escapeControl(char))
    .replace(COMMAND_AT_LINE_START, '$1: ')
    .replace(LEGACY_COMMAND, '## [')
}

/** A deep copy of `value` with every string neutralised in 'block' mode (a whole run, before it is reported). */
export function neutraliseDeep<T>(value: T): T {
  return neutraliseValue(value) as T
}

function neutraliseValue(value: unknown): unknown {
  if (typeof value === 'string') return neutralise(value, 'block')
  if (Array.isArray(value)) return value.map(neutraliseValue)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [neutralise(key, 'line'), neutraliseValue(item)])
    )
  }
  return value
}

/** A control character as the escape a person reads: `\r`, `\t`, else `\u001b`-style. */
export function escapeControl(char: string): string {
  if (char === '\r') return '\\r'
  if (char === '\n') return '\\n'
  if (char === '\t') return '\\t'
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** Every control character in `text` (TAB, LF and CR included) written as its escape: for echoing a bad input. */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- as above
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escapeControl)
}

/** True when `text` holds a control character (TAB, LF and CR included) or a Unicode line separator. */
export function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- as above
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)
}
