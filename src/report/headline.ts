import type { RunResult } from '../pipeline/types.js'
import { describeTarget, type Finding } from './findings.js'

const PRODUCT = 'Azure OpenAI auth check'

/**
 * One line that says how the run ended and, when it did not pass, names the cause:
 * "Azure OpenAI auth check failed: missing-data-plane-role — <title> (<endpoint>, deployment <name>)".
 */
export function headline(run: RunResult, lead: Finding | undefined): string {
  if (run.outcome === 'pass' || !lead) {
    const checks = run.targets.reduce((sum, target) => sum + target.checks.length, 0)
    const where = run.targets.map(describeTarget).join('; ')
    return `${PRODUCT} passed for ${where} (${checks} checks, ${run.ms} ms)`
  }
  const verdict = run.outcome === 'fail' ? 'failed' : 'passed with a warning'
  const others = run.targets.filter((t) => t !== lead.target && t.outcome === run.outcome).length
  const also = run.outcome === 'fail' ? 'failed' : 'warned'
  const more = others > 0 ? `; ${others} more target${others === 1 ? '' : 's'} also ${also}` : ''
  return `${PRODUCT} ${verdict}: ${lead.cause} — ${lead.title} (${describeTarget(lead.target)})${more}`
}
