import type { Deadline } from '../net/deadline.js'
import type { CheckId, CheckOutcome, CheckResult, CheckStep, FailureExplainer } from './types.js'

/** A check lists a need that is not among the checks before it: a wiring mistake, refused before anything runs. */
export class UnknownNeedError extends Error {
  constructor(step: CheckId, need: CheckId) {
    super(`check "${step}" needs "${need}", which does not run before it`)
    this.name = 'UnknownNeedError'
  }
}

/** Refuses a list of steps in which a step needs a check that does not come before it. */
export function assertNeedsRunFirst<C>(steps: readonly CheckStep<C>[]): void {
  const before = new Set<CheckId>()
  for (const step of steps) {
    const missing = step.needs.find((need) => !before.has(need))
    if (missing) throw new UnknownNeedError(step.id, missing)
    before.add(step.id)
  }
}

/**
 * Runs the steps in order. A step whose needs did not pass is skipped with the reason; once the overall deadline
 * has run out, every step still to come is skipped, and a step the deadline interrupts fails through `explain`.
 * `onResult` hears of each result as soon as it is known.
 */
export async function runChecks<C>(
  steps: readonly CheckStep<C>[],
  context: C,
  deadline: Deadline,
  explain: FailureExplainer<C>,
  onResult?: (result: CheckResult) => void
): Promise<CheckResult[]> {
  assertNeedsRunFirst(steps)
  const results = new Map<CheckId, CheckResult>()
  for (const step of steps) {
    const started = Date.now()
    const outcome = await outcomeOf(step, results, context, deadline, explain)
    const result = { id: step.id, stage: step.stage, title: step.title, ...outcome, ms: Date.now() - started }
    results.set(step.id, result)
    onResult?.(result)
  }
  return [...results.values()]
}

async function outcomeOf<C>(
  step: CheckStep<C>,
  done: ReadonlyMap<CheckId, CheckResult>,
  context: C,
  deadline: Deadline,
  explain: FailureExplainer<C>
): Promise<CheckOutcome> {
  const blocker = step.needs
    .map((id) => done.get(id))
    .find((result) => result !== undefined && (result.status === 'fail' || result.status === 'skip'))
  if (blocker) {
    // A skipped prerequisite passes on its own reason, so every skip names the check that actually failed.
    const detail = blocker.status === 'skip' ? blocker.detail : `Skipped: "${blocker.title}" failed.`
    return { status: 'skip', detail, evidence: {} }
  }
  if (deadline.expired()) {
    return {
      status: 'skip',
      detail: `Skipped: the overall deadline of ${deadline.seconds} s (timeout-seconds) had run out.`,
      evidence: {}
    }
  }
  try {
    return await deadline.race(step.run(context), `"${step.title}"`)
  } catch (error) {
    return explain(context, step, error)
  }
}
