// A fix as data: prose a person reads (with inline code and links) and commands they copy, each with its shell.
// The catalogue builds fixes with the builders below; each reporter renders the blocks its own way.

export type Inline =
  { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'link'; href: string; text: string }

export type Shell = 'bash' | 'yaml'

export interface CommandBlock {
  kind: 'command'
  shell: Shell
  lines: string[]
}

export type FixBlock = { kind: 'prose'; parts: Inline[] } | CommandBlock

export type Fix = FixBlock[]

/** Inline code: a value, a short command or a name to type as shown. */
export function code(text: string): Inline {
  return { kind: 'code', text }
}

export function link(href: string, text = href): Inline {
  return { kind: 'link', href, text }
}

/** A paragraph: strings are plain text, the rest inline code or links. Empty strings are dropped. */
export function prose(...parts: (string | Inline)[]): FixBlock {
  const inlines: Inline[] = []
  for (const part of parts) {
    const inline = typeof part === 'string' ? { kind: 'text' as const, text: part } : part
    if (inline.text === '') continue
    const last = inlines.at(-1)
    if (inline.kind === 'text' && last?.kind === 'text') last.text += inline.text
    else inlines.push({ ...inline })
  }
  return { kind: 'prose', parts: inlines }
}

/** One or more shell commands, one a line; reporters wrap long ones. */
export function bash(...lines: string[]): CommandBlock {
  return { kind: 'command', shell: 'bash', lines }
}

/** A YAML snippet to paste into a workflow, exactly as given. */
export function yaml(...lines: string[]): CommandBlock {
  return { kind: 'command', shell: 'yaml', lines }
}

/** The inline parts as plain text: code in backticks, a link as its text with the address after it. */
export function inlineText(parts: readonly Inline[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'code') return `\`${part.text}\``
      if (part.kind === 'link') return part.text === part.href ? part.href : `${part.text} (${part.href})`
      return part.text
    })
    .join('')
}

/** The fix as plain text: one line a paragraph, commands unwrapped, one a line (the JSON `fix` and annotations). */
export function fixText(fix: Fix): string {
  return fix.map((block) => (block.kind === 'prose' ? inlineText(block.parts) : block.lines.join('\n'))).join('\n')
}

/** Where a summary 900 pixels wide starts to scroll a code block. */
export const COMMAND_WIDTH = 100

/**
 * A command's lines as a person pastes them: a bash command longer than `width` is broken at argument boundaries
 * (a `--flag` stays with its value, quoted strings and `$(...)` stay whole; a long JSON argument is laid out one
 * member a line) with ` \` continuations; YAML as is.
 */
export function commandLines(block: CommandBlock, width = COMMAND_WIDTH): string[] {
  if (block.shell !== 'bash') return block.lines
  return block.lines.flatMap((line) => wrapCommand(line, width))
}

export function wrapCommand(line: string, width = COMMAND_WIDTH): string[] {
  if (line.length <= width) return [line]
  const out: string[] = []
  let current = ''
  const indent = (): string => (out.length === 0 ? '' : '  ')
  const flush = (continued: boolean): void => {
    out.push(`${indent()}${current}${continued ? ' \\' : ''}`)
    current = ''
  }
  for (const argument of argumentsOf(line)) {
    const json = argument.length > width ? jsonArgumentLines(argument) : undefined
    if (json) {
      // The JSON's lines sit inside its single quotes, where a backslash would be literal: no continuation there.
      if (current) flush(true)
      current = json[0] ?? ''
      flush(false)
      out.push(...json.slice(1, -1))
      current = json.at(-1) ?? ''
      continue
    }
    if (current && indent().length + current.length + 1 + argument.length + 2 > width) flush(true)
    current = current ? `${current} ${argument}` : argument
  }
  out.push(`${indent()}${current}`)
  return out
}

/** A `--flag '{...}'` JSON object argument laid out one member a line (JSON allows the line breaks), or undefined. */
function jsonArgumentLines(argument: string): string[] | undefined {
  const match = /^(--[\w-]+ )?'(\{.*\})'$/s.exec(argument)
  if (!match) return undefined
  const [, flag = '', json = ''] = match
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const members = Object.entries(value).map(([key, member]) => `    ${JSON.stringify(key)}:${JSON.stringify(member)}`)
  return [`${flag}'{`, ...members.map((member, i) => (i < members.length - 1 ? `${member},` : member)), "}'"]
}

/** The words of a command, a `--flag` joined with the value after it. */
function argumentsOf(line: string): string[] {
  const words = shellWords(line)
  const grouped: string[] = []
  for (const word of words) {
    const last = grouped.at(-1)
    // A word after a lone flag is its value.
    if (last !== undefined && /^-\S*$/.test(last) && !word.startsWith('-'))
      grouped[grouped.length - 1] = `${last} ${word}`
    else grouped.push(word)
  }
  return grouped
}

/** Splits at spaces outside quotes and `$(...)` (which nest), keeping each word's text as written. */
function shellWords(line: string): string[] {
  const words: string[] = []
  let word = ''
  const open: string[] = []
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? ''
    const top = open.at(-1)
    if (top === "'") {
      if (char === "'") open.pop()
    } else if (char === '$' && line[i + 1] === '(') {
      open.push('$(')
    } else if (top === '"' && char === '"') {
      open.pop()
    } else if (top !== '"' && (char === "'" || char === '"')) {
      open.push(char)
    } else if (top === '$(' && char === ')') {
      open.pop()
    } else if (char === ' ' && top === undefined) {
      if (word) words.push(word)
      word = ''
      continue
    }
    word += char
  }
  if (word) words.push(word)
  return words
}
