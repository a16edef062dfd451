import * as core from '@actions/core'
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose'
import { EnvHttpProxyAgent, fetch } from 'undici'
import { describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import {
  buildScenario, GITHUB_ISSUER, REPOSITORY, scenarios, TOKEN_EXCHANGE_AUDIENCE, type ScenarioOverrides
} from './index.ts'

describe('the GitHub OIDC provider, through @actions/core getIDToken', () => {
  const world = worldInThisProcess()

  async function subjectFor(overrides: ScenarioOverrides): Promise<string> {
    world().scenario = buildScenario(overrides)
    return String(decodeJwt(await core.getIDToken(TOKEN_EXCHANGE_AUDIENCE)).sub)
  }

  it('builds the subject with GitHub precedence: environment > pull_request > ref', async () => {
    expect(await subjectFor({})).toBe(`repo:${REPOSITORY}:ref:refs/heads/main`)
    expect(await subjectFor(scenarios.tagPush())).toBe(`repo:${REPOSITORY}:ref:refs/tags/v1.2.0`)
    expect(await subjectFor(scenarios.pullRequest())).toBe(`repo:${REPOSITORY}:pull_request`)
    expect(await subjectFor(scenarios.environmentJob())).toBe(`repo:${REPOSITORY}:environment:production`)
    const pullRequestInEnvironment = { github: { event: 'pull_request' as const, environment: 'staging' } }
    expect(await subjectFor(pullRequestInEnvironment)).toBe(`repo:${REPOSITORY}:environment:staging`)
  })

  it('issues the immutable owner@id/repo@id subject, and custom include_claim_keys templates', async () => {
    expect(await subjectFor(scenarios.immutableSubject()))
      .toBe('repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main')
    expect(await subjectFor(scenarios.customSubjectTemplate(['repo', 'context', 'job_workflow_ref']))).toBe(
      `repo:${REPOSITORY}:ref:refs/heads/main:job_workflow_ref:` +
      `${REPOSITORY}/.github/workflows/aoai-auth-check.yml@refs/heads/main`)
    expect(await subjectFor(scenarios.customSubjectTemplate(['repository_owner_id', 'repository_visibility']))).toBe(
      'repository_owner_id:123456:repository_visibility:private')
  })

  it('honours the requested audience, and defaults to the owner URL without one', async () => {
    world().scenario = buildScenario()
    const usGov = 'api://AzureADTokenExchangeUSGov'
    expect(decodeJwt(await core.getIDToken(usGov)).aud).toBe(usGov)
    expect(decodeJwt(await core.getIDToken()).aud).toBe('https://github.com/octo-org')
  })

  it('publishes discovery and JWKS at the issuer, and its tokens verify against them', async () => {
    world().scenario = buildScenario()
    const dispatcher = new EnvHttpProxyAgent()
    const discoveryUrl = `${GITHUB_ISSUER}/.well-known/openid-configuration`
    const discovery = await (await fetch(discoveryUrl, { dispatcher })).json() as { jwks_uri: string }
    expect(discovery.jwks_uri).toBe(`${GITHUB_ISSUER}/.well-known/jwks`)
    const jwks = await (await fetch(discovery.jwks_uri, { dispatcher })).json() as JSONWebKeySet
    expect(jwks.keys).toMatchObject([{ kty: 'RSA', alg: 'RS256', use: 'sig' }])
    const token = await core.getIDToken(TOKEN_EXCHANGE_AUDIENCE)
    const expected = { issuer: GITHUB_ISSUER, audience: TOKEN_EXCHANGE_AUDIENCE }
    const verified = jwtVerify(token, createLocalJWKSet(jwks), expected)
    await expect(verified).resolves.toBeTruthy()
  })

  it('rejects a request without the runner\'s runtime bearer: core reports 401', async () => {
    world().scenario = buildScenario({ github: { runtimeToken: 'a-different-runtime-token' } })
    await expect(core.getIDToken(TOKEN_EXCHANGE_AUDIENCE)).rejects.toThrow(/Failed to get ID Token[\s\S]*401/)
  })

  it('a job without id-token: write has no request variables at all', () => {
    world().scenario = buildScenario(scenarios.noIdTokenPermission())
    expect(world().env()).not.toHaveProperty('ACTIONS_ID_TOKEN_REQUEST_URL')
    expect(world().env()).not.toHaveProperty('ACTIONS_ID_TOKEN_REQUEST_TOKEN')
    world().scenario = buildScenario(scenarios.dependabotPullRequest())
    expect(world().env()).toMatchObject({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]' })
    expect(world().env()).not.toHaveProperty('ACTIONS_ID_TOKEN_REQUEST_URL')
  })
})
