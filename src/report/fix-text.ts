/** A piece of a fix: prose a person reads, or a command (or snippet) they copy. */
export interface FixBlock {
  kind: 'text' | 'code'
  text: string
}

// A line that starts with one of these is a command; a line ending in '\' carries the command on.
const COMMAND = String.raw`(?:\$ |az |gh |curl |export |npx |npm |node )`
const COMMAND_LINE = new RegExp(String.raw`^\s*${COMMAND}`)
// "(for a managed identity: az identity ...)" or "Run: az ...": prose, then a command to the end of the line.
const PROSE_THEN_COMMAND = new RegExp(String.raw`^\(?([^\x60]*?:)\s+(${COMMAND}.*?)\)?$`)
// A YAML snippet: "key:" lines, some indented (e.g. a workflow's permissions block).
const YAML_LINE = /^\s*[\w-]+:(?: \S.*)?$/

/**
 * Splits a fix into prose and commands, so commands land in code blocks. Fences (```) are honoured; outside
 * them, command lines (with their '\' continuations) are recognised by how they start, and a paragraph of
 * YAML keys by its shape.
 */
export function fixBlocks(fix: string): FixBlock[] {
  const blocks: FixBlock[] = []
  const push = (kind: FixBlock['kind'], line: string): void => {
    const last = blocks.at(-1)
    if (last && last.kind === kind) last.text += `\n${line}`
    else blocks.push({ kind, text: line })
  }
  const lines = fix.split(/\r?\n/)
  let fenced = false
  let continued = false
  lines.forEach((line, index) => {
    if (line.trim().startsWith('```')) {
      fenced = !fenced
      // A fence always closes the block before it, even when two code blocks follow each other.
      blocks.push({ kind: fenced ? 'code' : 'text', text: '' })
      return
    }
    const split = fenced || continued ? null : PROSE_THEN_COMMAND.exec(line)
    if (split) {
      push('text', split[1] ?? '')
      push('code', split[2] ?? '')
      return
    }
    const isCommand: boolean = fenced || continued || COMMAND_LINE.test(line) || inYamlParagraph(lines, index)
    continued = isCommand && line.trimEnd().endsWith('\\')
    push(isCommand ? 'code' : 'text', line)
  })
  return blocks
    .map((block) => ({ kind: block.kind, text: trimBlankLines(block.text) }))
    .filter((block) => block.text !== '')
}

/** The line belongs to a blank-line-delimited paragraph of two or more YAML key lines, some indented. */
function inYamlParagraph(lines: readonly string[], index: number): boolean {
  let start = index
  while (start > 0 && lines[start - 1]?.trim()) start--
  let end = index
  while (end < lines.length - 1 && lines[end + 1]?.trim()) end++
  const paragraph = lines.slice(start, end + 1)
  const indented = paragraph.some((line) => /^\s/.test(line))
  return paragraph.length > 1 && indented && paragraph.every((line) => YAML_LINE.test(line))
}

function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd()
}
