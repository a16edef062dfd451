// How `check` reports in a terminal: a line per check as it finishes, then the verdict, each cause with its fix,
// and the identity the token was issued to. Separate from the action's reporting (outputs, job summary,
// annotations): the same RunResult, read for a person at a terminal.
import { styleText } from 'node:util'
import { commandLines, inlineText, type Fix } from '../causes/fix.js'
import type { CheckResult, CheckStatus, RunResult } from '../pipeline/types.js'
import type { Finding } from '../report/findings.js'

type Style = Parameters<typeof styleText>[0]
export type Paint = (style: Style, text: string) => string

/**
 * Colour only where the stream shows it: a TTY, unless NO_COLOR is set (or FORCE_COLOR asks for it), as
 * node's own `styleText` decides for a stream.
 */
export function painterFor(stream: NodeJS.WritableStream): Paint {
  return (style, text) => styleText(style, text, { stream })
}

const MARK: Record<CheckStatus, { text: string; style: Style }> = {
  pass: { text: 'pass', style: 'green' },
  fail: { text: 'FAIL', style: ['red', 'bold'] },
  warn: { text: 'warn', style: 'yellow' },
  skip: { text: 'skip', style: 'gray' }
}

/** "  pass  Entra ID access token (41 ms): Token for … issued to principal …" */
export function checkLine(check: CheckResult, paint: Paint): string {
  const mark = MARK[check.status]
  const title = check.status === 'skip' ? paint('gray', check.title) : check.title
  return `  ${paint(mark.style, mark.text.padEnd(4))}  ${title} ${paint('gray', `(${check.ms} ms)`)}: ${check.detail}\n`
}

export interface FinalReport {
  headline: string
  findings: readonly Finding[]
  /** How the run signed in, e.g. "cli: Azure CLI login". */
  signIn: string
}

/** The verdict and, for every failure or warning, its cause, what it means and the fix. */
export function finalReport(run: RunResult, report: FinalReport, paint: Paint): string {
  const style: Style =
    run.outcome === 'pass' ? ['green', 'bold'] : run.outcome === 'warn' ? ['yellow', 'bold'] : ['red', 'bold']
  const lines = ['', paint(style, report.headline), `Sign-in: ${report.signIn}`]
  for (const finding of report.findings) {
    const label = finding.status === 'fail' ? paint(['red', 'bold'], 'Cause') : paint(['yellow', 'bold'], 'Warning')
    lines.push(
      '',
      `${label}: ${finding.title} (${finding.cause})`,
      indent(finding.meaning),
      indent(finding.check.detail)
    )
    if (finding.check.fix) lines.push('', paint('bold', 'Fix:'), ...fixLines(finding.check.fix))
  }
  for (const target of run.targets) {
    const identity = [
      target.principalId && `principal ${target.principalId}`,
      target.tenantId && `tenant ${target.tenantId}`,
      target.tokenAudience && `audience ${target.tokenAudience}`,
      target.tokenExpiresOn && `expires ${target.tokenExpiresOn}`
    ].filter(Boolean)
    if (identity.length) lines.push('', `Token: ${identity.join(', ')}`)
    if (target.oidcSubject) lines.push(`GitHub OIDC subject: ${target.oidcSubject}`)
  }
  return `${lines.join('\n')}\n`
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n')
}

/** Prose as it reads, commands indented and wrapped with continuations so they paste whole. */
export function fixLines(fix: Fix): string[] {
  return fix.flatMap((block) =>
    block.kind === 'prose' ? [`  ${inlineText(block.parts)}`] : commandLines(block).map((line) => `      ${line}`)
  )
}
