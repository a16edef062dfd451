import type { CauseId } from '../../causes/ids.js'
import { withRetries } from '../../net/retry.js'
import { explainError } from '../diagnose.js'
import type { CheckOutcome, CheckStep } from '../runner.js'
import type { TargetRun } from '../target-run.js'
import { explainWithControlPlane, isEmbeddingsModel, targetDeployment } from './control-plane.js'
import { freshCredential } from './entra-token.js'
import { dataPlane, retryDelayOf, type CallKind, type ProbeCredential, type TokenLimitParameter } from './probe-call.js'

export interface ProbeResult {
  credential: ProbeCredential['kind']
  /** The call succeeded. */
  ok: boolean
  /** The credential was accepted: the call succeeded, or was refused only for load or quota. */
  authenticated: boolean
  cause?: CauseId
  outcome: CheckOutcome
}

/** 429 answers: the call was authenticated and authorized, only refused for load or quota. */
export const AUTH_PROVEN: readonly CauseId[] = ['throttled', 'quota-exhausted']

const EMBEDDINGS_NAME = /embed/i

/** `auto`: from the deployment's model when ARM listed it, else from the deployment's name. */
function firstCall(run: TargetRun): CallKind {
  const { probe, deployment } = run.config
  if (probe !== 'auto') return probe === 'none' ? 'models' : probe
  const listed = targetDeployment(run, run.controlPlaneRead)
  if (listed) return isEmbeddingsModel(listed) ? 'embeddings' : 'chat'
  return deployment && EMBEDDINGS_NAME.test(deployment) ? 'embeddings' : 'chat'
}

/**
 * The cheapest call that proves the data action: a 1-token chat completion (switching to the other token-limit
 * parameter when the model refuses one), embeddings for an embeddings deployment (or when `auto` finds the chat
 * operation unsupported), or the models list when asked. 429 and 5xx are retried within the deadline.
 */
export async function probeWith(run: TargetRun, credential: ProbeCredential): Promise<ProbeResult> {
  const client = dataPlane(run.endpoint!, run.config, credential, run.deadline)
  const sentCredential = credential.kind
  const switches: string[] = []
  let kind = firstCall(run)
  let parameter: TokenLimitParameter = 'max_tokens'
  for (;;) {
    const request = client.describe(kind)
    const attempted = await withRetries(() => client.call(kind, parameter), retryDelayOf, run.deadline)
    const evidence = {
      request,
      credential: sentCredential,
      attempts: attempted.attempts,
      ...(attempted.waitsMs.length ? { retryWaitsMs: attempted.waitsMs } : {}),
      ...(kind === 'chat' ? { parameter } : {}),
      ...(switches.length ? { switched: switches } : {})
    }
    if (!attempted.error) {
      const via = sentCredential === 'api-key' ? 'the API key' : 'the Entra ID token'
      const note = switches.length ? ` (${switches.join('; ')})` : ''
      return {
        credential: sentCredential,
        ok: true,
        authenticated: true,
        outcome: { status: 'pass', detail: `${request} succeeded with ${via}${note}.`, evidence }
      }
    }
    const options = { source: request, phase: 'data-plane' as const, sentCredential, evidence }
    const outcome = explainError(run, attempted.error, options)
    if (outcome.cause === 'unsupported-parameter' && kind === 'chat' && switches.length === 0) {
      const other: TokenLimitParameter = parameter === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens'
      switches.push(`the deployment refused ${parameter}, so the probe used ${other}: send ${other} from your code too`)
      parameter = other
      continue
    }
    if (outcome.cause === 'operation-not-supported' && kind === 'chat' && run.config.probe === 'auto') {
      switches.push('the deployment does not do chat completions, so the probe called embeddings')
      kind = 'embeddings'
      continue
    }
    if (outcome.cause && AUTH_PROVEN.includes(outcome.cause)) {
      const detail = `${outcome.detail} A 429 means the request was authenticated and authorized.`
      const warned: CheckOutcome = { ...outcome, status: 'warn', detail }
      return { credential: sentCredential, ok: false, authenticated: true, cause: outcome.cause, outcome: warned }
    }
    return { credential: sentCredential, ok: false, authenticated: false, cause: outcome.cause, outcome }
  }
}

/** The data-plane probe with the run's credential: the Entra token, or the key with `auth: api-key`. */
export const probeCheck: CheckStep<TargetRun> = {
  id: 'probe',
  stage: 'probe',
  title: 'Data-plane probe',
  needs: ['endpoint-url', 'endpoint-cloud', 'host-policy', 'endpoint-host', 'access-token'],
  async run(run) {
    if (run.config.probe === 'none') {
      return { status: 'skip', detail: 'Skipped: probe is none.', evidence: {} }
    }
    const credential: ProbeCredential =
      run.config.auth === 'api-key'
        ? { kind: 'api-key', key: run.config.apiKey! }
        : { kind: 'entra-token', credential: run.credential!, scope: run.endpoint!.scope }
    const probed = await probeWith(run, credential)
    const result =
      credential.kind === 'entra-token'
        ? await explainWithControlPlane(run, probed, () =>
            probeWith(run, { ...credential, credential: freshCredential(run) }))
        : probed
    if (credential.kind === 'entra-token') run.tokenProbe = result
    else run.keyProbe = result
    return result.outcome
  }
}
