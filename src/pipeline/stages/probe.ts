import type { CauseId } from '../../causes/ids.js'
import { withRetries } from '../../net/retry.js'
import { explainError } from '../diagnose.js'
import { known, type CheckOutcome, type CheckStep, type ProbeResult, type TargetContext } from '../types.js'
import { explainWithControlPlane, isEmbeddingsModel, targetDeployment } from './control-plane.js'
import { freshCredential } from './entra-token.js'
import { dataPlane, retryDelayOf, type CallKind, type ProbeCredential, type TokenLimitParameter } from './probe-call.js'

/** 429 answers: the call was authenticated and authorized, only refused for load or quota. */
export const AUTH_PROVEN: readonly CauseId[] = ['throttled', 'quota-exhausted']

const EMBEDDINGS_NAME = /embed/i

/** `auto`: from the deployment's model when ARM listed it, else from the deployment's name. */
function firstCall(context: TargetContext): CallKind {
  const { probe, deployment } = context.config
  if (probe !== 'auto') return probe === 'none' ? 'models' : probe
  const listed = targetDeployment(context, context.controlPlaneRead)
  if (listed) return isEmbeddingsModel(listed) ? 'embeddings' : 'chat'
  return deployment && EMBEDDINGS_NAME.test(deployment) ? 'embeddings' : 'chat'
}

/**
 * The cheapest call that proves the data action: a 1-token chat completion (switching to the other token-limit
 * parameter when the model refuses one), embeddings for an embeddings deployment (or when `auto` finds the chat
 * operation unsupported), or the models list when asked. 429 and 5xx are retried within the deadline.
 */
export async function probeWith(context: TargetContext, credential: ProbeCredential): Promise<ProbeResult> {
  const endpoint = known(context.endpoint, 'the endpoint facts')
  const client = await dataPlane(endpoint, context.config, credential, context.deadline, context.transport.dispatcher)
  const sentCredential = credential.kind
  const switches: string[] = []
  let kind = firstCall(context)
  let parameter: TokenLimitParameter = 'max_tokens'
  for (;;) {
    const request = client.describe(kind)
    const attempted = await withRetries(() => client.call(kind, parameter), retryDelayOf, context.deadline)
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
    const outcome = explainError(context, attempted.error, options)
    if (outcome.cause === 'unsupported-parameter' && kind === 'chat' && switches.length === 0) {
      const other: TokenLimitParameter = parameter === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens'
      switches.push(`the deployment refused ${parameter}, so the probe used ${other}: send ${other} from your code too`)
      parameter = other
      continue
    }
    if (outcome.cause === 'operation-not-supported' && kind === 'chat' && context.config.probe === 'auto') {
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
export const probeCheck: CheckStep<TargetContext> = {
  id: 'probe',
  stage: 'probe',
  title: 'Data-plane probe',
  needs: ['endpoint-url', 'endpoint-cloud', 'host-policy', 'endpoint-host', 'access-token'],
  async run(context) {
    if (context.config.probe === 'none') {
      return { status: 'skip', detail: 'Skipped: probe is none.', evidence: {} }
    }
    const credential: ProbeCredential =
      context.config.auth === 'api-key'
        ? { kind: 'api-key', key: known(context.config.apiKey, 'api-key') }
        : { kind: 'entra-token', credential: known(context.credential, 'the Entra credential'), scope: known(context.endpoint, 'the endpoint facts').scope }
    const probed = await probeWith(context, credential)
    const result =
      credential.kind === 'entra-token'
        ? await explainWithControlPlane(context, probed, async () =>
            probeWith(context, { ...credential, credential: await freshCredential(context) }))
        : probed
    if (credential.kind === 'entra-token') context.tokenProbe = result
    else context.keyProbe = result
    return result.outcome
  }
}

/** The same probe for `auth: api-key`, which signs in nowhere: it needs only the endpoint checks. */
export const keyOnlyProbeCheck: CheckStep<TargetContext> = {
  ...probeCheck,
  needs: ['endpoint-url', 'endpoint-cloud', 'host-policy']
}
