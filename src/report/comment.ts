// The pull request comment: the headline and one row per target (failures first), each linked to its file and
// line; kept as one sticky comment the action updates in place.
import type { RunResult, TargetResult } from '../pipeline/types.js'
import { fileLink, worstFirst } from './summary.js'

const MARK: Record<TargetResult['outcome'], string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏭️ skip'
}
// GitHub refuses a comment body over 65536 characters; the table stops well before.
const MAX_BODY_CHARS = 60_000

export function commentBody(run: RunResult, headline: string): string {
  const lines = [`### ${cell(headline)}`, '', '| Target | Result | Cause | Source |', '| --- | --- | --- | --- |']
  const rows = worstFirst(run.targets).map((target) =>
    [
      cell(target.label),
      MARK[target.outcome],
      target.cause ? `\`${target.cause}\`` : '',
      'file' in target.source ? fileLink(target.source.file, target.source.line) : 'inputs'
    ].join(' | ')
  )
  let length = lines.join('\n').length
  for (const [index, row] of rows.entries()) {
    if (length + row.length > MAX_BODY_CHARS) {
      lines.push('', `…and ${rows.length - index} more targets: see the job summary.`)
      break
    }
    lines.push(`| ${row} |`)
    length += row.length + 5
  }
  lines.push('', "<sub>aoai-auth-check · the job summary has each target's checks and fix</sub>")
  return lines.join('\n')
}

/** Text in a table cell: no markup of its own, no line break, no cell separator. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
}
