import type { CheckResult, StageId } from './check.js'
import type { Deadline } from '../net/deadline.js'

/** What a check's `run` decides; the runner adds id, stage, title and timing. */
export type CheckOutcome = Omit<CheckResult, 'id' | 'stage' | 'title' | 'ms'>

/** One check of one target: a small step of a stage, run after the checks it `needs` passed (or warned). */
export interface CheckStep<C> {
  id: string
  stage: StageId
  title: string
  needs: readonly string[]
  run(context: C): Promise<CheckOutcome>
}

/** Turns an error the step did not expect into its outcome (the diagnosis engine decides the cause). */
export type FailureExplainer<C> = (context: C, step: CheckStep<C>, error: unknown) => CheckOutcome

/**
 * Runs the steps in order. A step whose needs did not pass is skipped with the reason; once the overall deadline
 * has run out, every step still to come is skipped, and a step the deadline interrupts fails through `explain`.
 */
export async function runChecks<C>(
  steps: readonly CheckStep<C>[],
  context: C,
  deadline: Deadline,
  explain: FailureExplainer<C>
): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const step of steps) {
    const started = Date.now()
    const outcome = await outcomeOf(step, results, context, deadline, explain)
    results.push({ id: step.id, stage: step.stage, title: step.title, ...outcome, ms: Date.now() - started })
  }
  return results
}

async function outcomeOf<C>(
  step: CheckStep<C>,
  done: readonly CheckResult[],
  context: C,
  deadline: Deadline,
  explain: FailureExplainer<C>
): Promise<CheckOutcome> {
  const blocker = step.needs
    .map((id) => done.find((result) => result.id === id))
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
