import * as core from '@actions/core'
import { fixText } from '../causes/fix.js'
import type { Finding } from './findings.js'
import { neutralise } from '../security/neutralise.js'
import { clip } from './text.js'

// GitHub shows 10 error and 10 warning annotations per step; setFailed adds one error of its own.
// A few is what a person reads anyway: everything is in the job summary.
const MAX_ERRORS = 4
const MAX_WARNINGS = 4
const MAX_MESSAGE_CHARS = 4000

/** A titled annotation per failed check (errors) and warned check (warnings), placed on the file when known. */
export function annotate(findings: readonly Finding[]): void {
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
  const title = neutralise(`${finding.cause}: ${finding.title}`)
  const { source } = finding.target
  if (source.kind !== 'file' || !source.file) return { title }
  const place = { title, file: neutralise(source.file) }
  return source.line === undefined ? place : { ...place, startLine: source.line }
}
