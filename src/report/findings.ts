import { CATALOGUE } from '../causes/catalogue.js'
import type { CauseId } from '../causes/ids.js'
import type { CheckResult } from '../pipeline/types.js'
import type { RunResult, TargetResult } from '../pipeline/types.js'
import { clip } from './text.js'

/** A failed or warned check, with its cause named in the catalogue's words. */
export interface Finding {
  target: TargetResult
  check: CheckResult
  status: 'fail' | 'warn'
  cause: CauseId
  /** The cause's one-line title. */
  title: string
  /** What the cause means, in a sentence or two. */
  meaning: string
}

export function findingsOf(run: RunResult): Finding[] {
  return run.targets.flatMap((target) =>
    target.checks.flatMap((check): Finding[] => {
      if (check.status !== 'fail' && check.status !== 'warn') return []
      // A failed check without a cause is a pipeline defect; it is still reported, as 'unknown'.
      const cause = check.cause ?? 'unknown'
      const entry = CATALOGUE[cause]
      return [{ target, check, status: check.status, cause, title: entry.title, meaning: entry.meaning }]
    })
  )
}

/**
 * The finding the headline names: the cause of the first failed target, or of the first warning when
 * nothing failed. The target's own `cause` decides which of its checks that is.
 */
export function leadingFinding(run: RunResult): Finding | undefined {
  const findings = findingsOf(run)
  for (const status of ['fail', 'warn'] as const) {
    const target = run.targets.find((t) => findings.some((f) => f.target === t && f.status === status))
    if (!target) continue
    const ofTarget = findings.filter((f) => f.target === target && f.status === status)
    return ofTarget.find((f) => f.cause === target.cause) ?? ofTarget[0]
  }
  return undefined
}

const MAX_ENDPOINT_CHARS = 200
const MAX_DEPLOYMENT_CHARS = 80

/** "https://contoso.openai.azure.com/, deployment gpt-4o-mini", each value clipped like every echoed value. */
export function describeTarget(target: TargetResult): string {
  const endpoint = clip(target.endpoint || target.label, MAX_ENDPOINT_CHARS)
  return target.deployment ? `${endpoint}, deployment ${clip(target.deployment, MAX_DEPLOYMENT_CHARS)}` : endpoint
}
