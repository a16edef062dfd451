import * as core from '@actions/core'
import { fixText } from '../causes/fix.js'
import type { Finding } from './findings.js'
import { neutralise } from '../security/neutralise.js'
import { clip } from './text.js'

// GitHub shows 10 error and 10 warning annotations per step; setFailed adds one error of its own. With many
// targets each finding goes on its own line of the pull request, as many as fit; the rest are in the job summary.
const MAX_ERRORS = 9
const MAX_WARNINGS = 9
const MAX_MESSAGE_CHARS = 4000

/** A titled annotation per failed check (errors) and warned check (warnings), placed on the file when known. */
export function annotate(all: readonly Finding[]): void {
  // Targets of one file share some findings (a key committed in a .env concerns each of its deployments): once.
  const seen = new Set<string>()
  const findings = all.filter((finding) => {
    const location = finding.check.location
    const key = location ? `${finding.cause}|${location.file}|${location.line}|${finding.check.detail}` : undefined
    if (!key) return true
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const errors = findings.filter((f) => f.status === 'fail')
  const warnings = findings.filter((f) => f.status === 'warn')
  for (const finding of errors.slice(0, MAX_ERRORS)) core.error(message(finding), properties(finding))
  for (const finding of warnings.slice(0, MAX_WARNINGS)) core.warning(message(finding), properties(finding))

  const omitted = Math.max(0, errors.length - MAX_ERRORS) + Math.max(0, warnings.length - MAX_WARNINGS)
  if (omitted > 0) {
    core.notice(`${omitted} more finding${omitted === 1 ? ' is' : 's are'} listed in the job summary.`, {
      title: 'More findings'
    })
  }
}

function message(finding: Finding): string {
  const fix = finding.check.fix ? `\n\nFix:\n${fixText(finding.check.fix)}` : ''
  return neutralise(clip(`${finding.check.detail}${fix}`, MAX_MESSAGE_CHARS), 'block')
}

function properties(finding: Finding): core.AnnotationProperties {
  const many = finding.target.label && 'file' in finding.target.source
  const title = neutralise(`${finding.cause}: ${finding.title}${many ? ` (${finding.target.label})` : ''}`)
  const { source } = finding.target
  const location = finding.check.location ?? ('file' in source ? { file: source.file, line: source.line } : undefined)
  if (!location) return { title }
  const column = location.column ? { startColumn: location.column } : {}
  return { title, file: neutralise(location.file), startLine: location.line, ...column }
}
