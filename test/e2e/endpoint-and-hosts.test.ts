// Static endpoint checks and the credential host policy, end to end: a wrong endpoint is explained before any
// token is sent, bad inputs send nothing at all, and a host outside the cloud's Azure AI hosts never gets a token.
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import { API_KEY, GATEWAY_HOST, REGIONAL_ENDPOINT } from '../world/index.ts'
import {
  checkStatuses,
  credentialedRequests,
  expectFailure,
  OIDC_INPUTS,
  sharedWorld
} from './support.ts'

const world = sharedWorld()

describe('the endpoint', () => {
  it('a regional endpoint gets regional-endpoint-no-subdomain, and no token goes there', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: REGIONAL_ENDPOINT } })
    const annotation = expectFailure(run, world(), 'regional-endpoint-no-subdomain')
    expect(annotation.message).toContain('custom subdomain')
    expect(annotation.message).toContain('.openai.azure.com')
    expect(credentialedRequests(world(), 'eastus.api.cognitive.microsoft.com')).toEqual([])
  })

  it('in compare mode, the key still proves the regional endpoint itself works', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: REGIONAL_ENDPOINT, 'api-key': API_KEY } })
    expectFailure(run, world(), 'regional-endpoint-no-subdomain')
    expect(checkStatuses(run)).toMatchObject({ 'endpoint-host': 'fail', probe: 'skip', compare: 'pass' })
    const regional = world().requests.filter((request) => request.host === 'eastus.api.cognitive.microsoft.com')
    expect(regional.map((request) => [request.headers.authorization, request.status])).toEqual([[undefined, 200]])
  })

  it('an endpoint pasted with the request path gets endpoint-malformed and the base endpoint to use', async () => {
    const pasted = 'https://contoso.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21'
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: pasted } })
    const annotation = expectFailure(run, world(), 'endpoint-malformed')
    expect(annotation.message).toContain('https://contoso.openai.azure.com/')
    expect(run.summary).toContain('https://contoso.openai.azure.com/')
    expect(credentialedRequests(world(), 'contoso.openai.azure.com')).toEqual([])
  })

  it('an endpoint of another cloud gets endpoint-cloud-mismatch, and nothing is sent to it', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: 'https://contoso.openai.azure.us/' } })
    const annotation = expectFailure(run, world(), 'endpoint-cloud-mismatch')
    expect(annotation.message).toContain('azureusgovernment')
    expect(world().connects.filter((connect) => connect.host === 'contoso.openai.azure.us')).toEqual([])
  })
})

describe('credentials go only to trusted hosts', () => {
  it('an endpoint on an untrusted host gets untrusted-endpoint-host, and no request reaches it', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: 'https://evil.example/', 'api-key': API_KEY } })
    const annotation = expectFailure(run, world(), 'untrusted-endpoint-host')
    expect(annotation.message).toContain('allowed-hosts')
    expect(world().connects.filter((connect) => connect.host === 'evil.example')).toEqual([])
    expect(world().requests.filter((request) => request.host === 'evil.example')).toEqual([])
    expect(checkStatuses(run)).toMatchObject({ 'host-policy': 'fail', probe: 'skip', compare: 'skip' })
  })

  it('an API Management gateway not listed in allowed-hosts gets no token', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: `https://${GATEWAY_HOST}/` } })
    expectFailure(run, world(), 'untrusted-endpoint-host')
    expect(world().requests.filter((request) => request.host === GATEWAY_HOST)).toEqual([])
  })
})

describe('invalid inputs', () => {
  it('get invalid-input naming the input and what is allowed, and nothing is sent anywhere', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, probe: 'completion', 'client-id': 'my-app' } })
    const annotation = expectFailure(run, world(), 'invalid-input')
    expect(annotation.message).toContain("probe 'completion' is not allowed; use one of: auto, chat, embeddings, responses, models, none")
    expect(annotation.message).toContain('client-id')
    expect(world().connects).toEqual([])
    expect(world().requests).toEqual([])
  })
})
