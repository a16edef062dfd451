import { describe, expect, it } from 'vitest'
import type { CauseId } from '../../src/causes/ids.ts'
import { compare } from '../../src/pipeline/stages/compare.ts'
import { AUTH_PROVEN } from '../../src/pipeline/stages/probe.ts'
import type { ProbeResult } from '../../src/pipeline/types.ts'

function probe(credential: ProbeResult['credential'], cause?: CauseId): ProbeResult {
  return {
    credential,
    ok: cause === undefined,
    authenticated: cause === undefined || AUTH_PROVEN.includes(cause),
    cause,
    outcome: { status: cause ? 'fail' : 'pass', cause, detail: '', evidence: {} }
  }
}

describe('what the token and the key side by side prove', () => {
  it('key works, token refused: the token is the difference (role or audience)', () => {
    const verdict = compare(probe('entra-token', 'missing-data-plane-role'), probe('api-key'))
    expect(verdict).toContain('The key works but the token is refused')
    expect(verdict).toContain('missing-data-plane-role')
    expect(verdict).toContain('the role on the resource or the token audience')
  })

  it('both refused the same way: endpoint, network or deployment, not the credential', () => {
    const verdict = compare(probe('entra-token', 'deployment-not-found'), probe('api-key', 'deployment-not-found'))
    expect(verdict).toContain('the endpoint, network or deployment, not the credential')
  })

  it('both refused for different reasons: each is named', () => {
    const verdict = compare(probe('entra-token', 'missing-data-plane-role'), probe('api-key', 'invalid-api-key'))
    expect(verdict).toContain('missing-data-plane-role')
    expect(verdict).toContain('invalid-api-key')
  })

  it('token works, key refused: the Entra ID setup is right', () => {
    expect(compare(probe('entra-token'), probe('api-key', 'local-auth-disabled'))).toContain('the Entra ID setup is right')
  })

  it('no token probe (sign-in failed) but the key works: the failure is in getting the token', () => {
    expect(compare(undefined, probe('api-key'))).toContain('the failure is in getting the Entra ID token')
    expect(compare(undefined, probe('api-key', 'network-blocked'))).toContain('network-blocked')
  })

  it('both work', () => {
    expect(compare(probe('entra-token'), probe('api-key'))).toBe('The token and the key both work.')
  })

  it('both throttled: authentication works, the service refused for load, and nothing blames the credential', () => {
    const verdict = compare(probe('entra-token', 'throttled'), probe('api-key', 'throttled'))
    expect(verdict).toContain('The token and the key are both accepted, so authentication and authorization work')
    expect(verdict).toContain('throttled')
    expect(verdict).not.toMatch(/not the credential|endpoint, network or deployment/)
  })

  it('a throttled token beside a working key is not blamed on the role or the audience', () => {
    const verdict = compare(probe('entra-token', 'throttled'), probe('api-key'))
    expect(verdict).toContain('both accepted')
    expect(verdict).not.toContain('the role on the resource')
  })

  it('a token over its quota beside a refused key: the Entra ID setup is right', () => {
    const verdict = compare(probe('entra-token', 'quota-exhausted'), probe('api-key', 'invalid-api-key'))
    expect(verdict).toContain('The token is accepted')
    expect(verdict).toContain('the Entra ID setup is right')
  })

  it('no token probe and a throttled key: the key is accepted, the failure is the sign-in', () => {
    const verdict = compare(undefined, probe('api-key', 'throttled'))
    expect(verdict).toContain('The key is accepted')
    expect(verdict).toContain('the failure is in getting the Entra ID token')
  })
})
