// Renders the job summary's HTML (what GitHub shows on the run page) as readable terminal text.
import { styleText } from 'node:util'

const WIDTH = Math.min(process.stdout.columns || 110, 120)
const MAX_COLUMN = 64

type Style = Parameters<typeof styleText>[0]
const paint = (style: Style, text: string): string => styleText(style, text, { stream: process.stdout })

export function renderSummary(html: string): string {
  const blocks = /<(h[1-6]|p|table|pre|ul|ol|details)\b[^>]*>([\s\S]*?)<\/\1>/g
  const out: string[] = []
  for (const [, tag = '', inner = ''] of html.matchAll(blocks)) {
    // A blank line before each heading, table, snippet and collapsed block, so sections stand apart.
    out.push((/^(h\d|table|pre|details)$/.test(tag) && out.length > 0 ? '\n' : '') + renderBlock(tag, inner))
  }
  return out.join('\n')
}

function renderBlock(tag: string, inner: string): string {
  switch (tag) {
    case 'h1':
    case 'h2':
      return paint('bold', inline(inner)) + '\n'
    case 'h3':
      return paint('bold', `▸ ${inline(inner)}`)
    case 'h4':
    case 'h5':
    case 'h6':
      return paint('underline', inline(inner))
    case 'pre':
      return inline(inner)
        .split('\n')
        .map((line) => paint('cyan', `    ${line}`))
        .join('\n')
    case 'ul':
    case 'ol':
      return [...inner.matchAll(/<li>([\s\S]*?)<\/li>/g)]
        .map(([, item = '']) => wrap(`• ${inline(item)}`, '  ', '    '))
        .join('\n')
    case 'table':
      return renderTable(inner)
    case 'details': {
      const [, label = '', rest = ''] = /^<summary>([\s\S]*?)<\/summary>([\s\S]*)$/.exec(inner) ?? []
      return `${paint('underline', inline(label))}\n${renderSummary(rest)}`
    }
    default:
      return inline(inner)
        .split('\n')
        .map((line) => wrap(line, '', ''))
        .join('\n')
  }
}

/** Inline markup → terminal: bold stays bold, a link shows its address, code and sub lose their tags, entities are decoded. */
function inline(html: string): string {
  return decode(
    html
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<b>([\s\S]*?)<\/b>/g, (_m, text: string) => paint('bold', text))
      .replace(/<sub>([\s\S]*?)<\/sub>/g, (_m, text: string) => paint('dim', text))
      // A link keeps its address, which a terminal cannot hide behind the text.
      .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, (_m, href: string, text: string) =>
        text === href ? href : `${text} (${href})`
      )
      .replace(/<[^>]+>/g, '')
  )
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

function renderTable(html: string): string {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row = '']) =>
    [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell = '']) => inline(cell))
  )
  const columns = Math.max(...rows.map((row) => row.length))
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.min(MAX_COLUMN, Math.max(...rows.map((row) => visibleLength(row[i] ?? ''))))
  )
  const lines = rows.flatMap((row, index) => {
    const cells = widths.map((width, i) => wrapWords(row[i] ?? '', width))
    const height = Math.max(...cells.map((cell) => cell.length))
    const rendered = Array.from(
      { length: height },
      (_, line) =>
        '  ' +
        cells
          .map((cell, i) => pad(cell[line] ?? '', widths[i] ?? 0))
          .join('  ')
          .trimEnd()
    )
    return index === 0 ? rendered.map((line) => paint('dim', line)) : rendered
  })
  return lines.join('\n')
}

function wrap(text: string, indent: string, hanging: string): string {
  return wrapWords(text, WIDTH - hanging.length)
    .map((line, i) => (i === 0 ? indent : hanging) + line)
    .join('\n')
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  return line ? [...lines, line] : lines.length > 0 ? lines : ['']
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)))
}

// Emoji take two terminal cells; ANSI styling takes none.
function visibleLength(text: string): number {
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '').replace(/\uFE0F/g, '')
  return [...plain].reduce((sum, char) => sum + (/\p{Extended_Pictographic}/u.test(char) ? 2 : 1), 0)
}
