import { CATALOGUE } from '../../causes/catalogue.js'
import { known, type CheckStep, type ProbeResult, type TargetContext } from '../types.js'
import { explainKeyWithControlPlane } from './control-plane.js'
import { probeWith } from './probe.js'

/**
 * Compare mode (an `api-key` given with `auth: oidc`): the same probe with the key, and what the difference
 * proves. The key's own result decides this check's status; a key refused while the token works only warns,
 * since the token is what the workflow uses.
 */
export const compareCheck: CheckStep<TargetContext> = {
  id: 'compare',
  stage: 'compare',
  title: 'Compare with the API key',
  needs: ['endpoint-url', 'endpoint-cloud', 'host-policy'],
  async run(context) {
    if (context.config.probe === 'none') return { status: 'skip', detail: 'Skipped: probe is none.', evidence: {} }
    const key = await probeWith(context, { kind: 'api-key', key: known(context.config.apiKey, 'api-key') })
    context.keyProbe = key
    const verdict = compare(context.tokenProbe, key)
    const outcome = key.outcome
    const status = outcome.status === 'fail' && context.tokenProbe?.authenticated ? 'warn' : outcome.status
    const armNote = await explainKeyWithControlPlane(context, key)
    return {
      ...outcome,
      status,
      ...(armNote ? { candidates: undefined } : {}),
      detail: `${verdict} Key probe: ${outcome.detail}${armNote ? ` ${armNote}` : ''}`,
      evidence: {
        ...outcome.evidence,
        tokenProbe: context.tokenProbe?.cause ?? (context.tokenProbe ? 'pass' : 'not run'),
        verdict
      }
    }
  }
}

/** What the token's and the key's results, side by side, prove. A 429 proves the credential as a success does. */
export function compare(token: ProbeResult | undefined, key: ProbeResult): string {
  const keyCause = key.cause ? `${CATALOGUE[key.cause].title} (${key.cause})` : ''
  const keyAccepted = key.ok ? 'the key works' : `the key is accepted (${keyCause})`
  if (!token) {
    return key.authenticated
      ? `${capitalised(keyAccepted)} on this endpoint and deployment, so endpoint, network and deployment are ` +
          'right: the failure is in getting the Entra ID token.'
      : `The key fails too (${keyCause}), so the endpoint, network or deployment is wrong as well as the sign-in.`
  }
  const tokenCause = token.cause ? `${CATALOGUE[token.cause].title} (${token.cause})` : ''
  const tokenAccepted = token.ok ? 'the token works' : `the token is accepted (${tokenCause})`
  if (token.ok && key.ok) return 'The token and the key both work.'
  if (token.authenticated && key.authenticated) {
    const refusals = token.cause === key.cause || !token.cause || !key.cause
      ? (tokenCause || keyCause)
      : `${tokenCause}; ${keyCause}`
    return (
      `The token and the key are both accepted, so authentication and authorization work; the service refused ` +
      `for load or quota: ${refusals}.`
    )
  }
  if (!token.authenticated && key.authenticated) {
    return (
      `${capitalised(keyAccepted)} but the token is refused (${tokenCause}): endpoint, network and deployment ` +
      'are right, so the difference is the token: the role on the resource or the token audience.'
    )
  }
  if (token.authenticated && !key.authenticated) {
    return (
      `${capitalised(tokenAccepted)} but the key is refused (${keyCause}): the Entra ID setup is right; the key ` +
      'is wrong or key auth is off.'
    )
  }
  if (token.cause === key.cause) {
    return (
      `The token and the key fail the same way (${tokenCause}): the problem is the endpoint, network or ` +
      'deployment, not the credential.'
    )
  }
  return `The token (${tokenCause}) and the key (${keyCause}) fail for different reasons: each needs its fix.`
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
