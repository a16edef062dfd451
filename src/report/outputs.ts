import * as core from '@actions/core'
import type { RunResult, TargetResult } from '../pipeline/types.js'
import { neutralise } from '../security/neutralise.js'
import type { Finding } from './findings.js'

/** One entry of the `causes` output and of the report's `causes`. */
export interface CauseEntryOutput {
  check: string
  cause: string
  status: 'fail' | 'warn'
  title: string
}

export function causeEntries(findings: readonly Finding[]): CauseEntryOutput[] {
  return findings.map((f) => ({ check: f.check.id, cause: f.cause, status: f.status, title: f.title }))
}

/** Sets every output of the action (the contract in action.yml); a value nobody learned is ''. */
export function setOutputs(
  run: RunResult,
  findings: readonly Finding[],
  lead: Finding | undefined,
  reportFile: string
): void {
  const first = (pick: (target: TargetResult) => string | undefined): string =>
    run.targets.map(pick).find((value) => value !== undefined && value !== '') ?? ''

  const setOutput = (name: string, value: string): void => {
    core.setOutput(name, neutralise(value))
  }
  setOutput('result', run.outcome)
  setOutput('cause', run.outcome === 'pass' ? '' : (lead?.cause ?? 'unknown'))
  setOutput('causes', JSON.stringify(causeEntries(findings)))
  setOutput('principal-id', first((t) => t.principalId))
  setOutput('tenant-id', first((t) => t.tenantId))
  setOutput('token-audience', first((t) => t.tokenAudience))
  setOutput('token-issuer', first((t) => t.tokenIssuer))
  setOutput('token-expires-on', first((t) => t.tokenExpiresOn))
  setOutput('oidc-subject', first((t) => t.oidcSubject))
  setOutput('report-file', reportFile)
}
