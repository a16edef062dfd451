// The control plane, end to end: the committed bundle reads ARM in the test world (Resource Graph, the account, its
// roles, deployments and model catalogue) and turns the data plane's answers into one certain cause with the
// user's own values — or skips with the reason when the identity cannot read ARM.
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import {
  ACCOUNT_RESOURCE_ID,
  API_KEY,
  buildScenario,
  CHAT_DEPLOYMENT,
  ENDPOINT,
  PRINCIPAL_ID,
  REGIONAL_ENDPOINT,
  RESOURCE_GROUP,
  scenarios,
  SECOND_ACCOUNT_NAME,
  US_GOV_ENDPOINT
} from '../world/index.ts'
import {
  checkStatuses,
  expectFailure,
  expectPass,
  expectWarning,
  OIDC_INPUTS,
  reportOf,
  sharedWorld
} from './support.ts'

const world = sharedWorld()

interface ControlPlaneCheck {
  id: string
  status: string
  cause?: string
  detail: string
  fix?: string
}

function check(run: Awaited<ReturnType<typeof runAction>>, id: string): ControlPlaneCheck {
  const found = (reportOf(run).targets[0].checks as ControlPlaneCheck[]).find((c) => c.id === id)
  expect(found, `check ${id}`).toBeDefined()
  return found!
}

function armRequests(host = 'management.azure.com') {
  return world().requests.filter((request) => request.host === host)
}

describe('the account behind the endpoint', () => {
  it('a clean run reads the account, its roles and deployments, and reports them; outputs resource-id and roles', async () => {
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectPass(run, world())
    expect(run.outputs['resource-id']).toBe(ACCOUNT_RESOURCE_ID)
    expect(JSON.parse(run.outputs.roles)).toEqual([{ role: 'Cognitive Services OpenAI User', scope: ACCOUNT_RESOURCE_ID,
      createdOn: expect.any(String) }])
    const target = reportOf(run).targets[0] as unknown as { controlPlane: Record<string, unknown> }
    expect(target.controlPlane).toMatchObject({ state: 'found',
      account: { id: ACCOUNT_RESOURCE_ID, kind: 'OpenAI', location: 'eastus', subdomain: 'contoso',
        publicNetworkAccess: 'Enabled', disableLocalAuth: false, networkAcls: { defaultAction: 'Allow' } },
      deployments: expect.arrayContaining([expect.objectContaining({ name: CHAT_DEPLOYMENT, model: 'gpt-4o-mini' })]),
      effectiveDataActions: { dataActions: expect.arrayContaining(
        ['Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action']) } })
    expect(check(run, 'control-plane')).toMatchObject({ status: 'pass' })
    expect(run.summary).toContain('Azure resource')
  })

  it('says when the endpoint\'s host is not one the account lists among its endpoints', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: 'https://contoso.cognitiveservices.azure.com/' } })
    expectPass(run, world())
    expect(check(run, 'control-plane').detail).toContain("The endpoint's host contoso.cognitiveservices.azure.com is not " +
      "among the account's endpoints (contoso.openai.azure.com)")
  })

  it('a regional-only account: regional-endpoint-no-subdomain before any token is asked for, so no ARM call', async () => {
    world().scenario = buildScenario(scenarios.noCustomSubdomain())
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: REGIONAL_ENDPOINT } })
    expectFailure(run, world(), 'regional-endpoint-no-subdomain')
    expect(check(run, 'control-plane').status).toBe('skip')
    expect(armRequests()).toEqual([])
  })

  it('an account the identity has no role on, while it has one on another: the account that has it is named', async () => {
    world().scenario = buildScenario(scenarios.roleOnAnotherAccount())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'missing-data-plane-role')
    expect(annotation.message).toContain(`account ${SECOND_ACCOUNT_NAME} (https://${SECOND_ACCOUNT_NAME}.openai.azure.com/)`)
    expect(check(run, 'control-plane').status).toBe('skip')
    expect(run.outputs['resource-id']).toBe('')
    expect(run.outputs.roles).toBe('')
  })

  it('a subdomain typo: the host does not resolve, and the accounts the identity can see are suggested', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: 'https://contosso.openai.azure.com/' } })
    const annotation = expectFailure(run, world(), 'wrong-endpoint-host')
    expect(annotation.message).toContain(`Set endpoint to the account you meant: ${ENDPOINT}`)
  })
})

describe('the network', () => {
  it('public network access disabled: network-blocked, saying so from ARM', async () => {
    world().scenario = buildScenario(scenarios.publicNetworkDisabled())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'network-blocked')
    expect(annotation.message).toContain('public network access Disabled')
  })

  it('IP-restricted: the rules are listed, and why a GitHub-hosted runner cannot be admitted by IP', async () => {
    world().scenario = buildScenario(scenarios.ipRestricted())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'network-blocked')
    expect(annotation.message).toContain('IP rules: 203.0.113.0/24, 198.51.100.17')
    expect(annotation.message).toContain('egress IP is not fixed')
  })

  it('private endpoint only: the private endpoint is named, and where the runner must run', async () => {
    world().scenario = buildScenario(scenarios.privateEndpointOnly())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'network-blocked')
    expect(annotation.message).toContain('private endpoints pe-contoso-openai (Approved)')
  })
})

describe('keys and roles', () => {
  it('local auth disabled, compare mode: the token passes, the refused key warns local-auth-disabled, as ARM says', async () => {
    world().scenario = buildScenario(scenarios.localAuthDisabled())
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'api-key': API_KEY } })
    expectWarning(run, world(), 'local-auth-disabled')
    expect(check(run, 'compare').detail).toContain('ARM: account contoso has disableLocalAuth true')
    expect(check(run, 'probe').status).toBe('pass')
  })

  it('Contributor only: the roles held, their scope, the missing data action and the command for the real id', async () => {
    world().scenario = buildScenario(scenarios.controlPlaneRoleOnly())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'missing-data-plane-role')
    expect(annotation.message).toContain(`it holds Contributor at resource group ${RESOURCE_GROUP} (control-plane roles, with no data actions)`)
    expect(annotation.message).toContain('none grants Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action')
    expect(annotation.message).toContain(`az role assignment create --assignee-object-id ${PRINCIPAL_ID} ` +
      `--assignee-principal-type ServicePrincipal --role "Cognitive Services OpenAI User" --scope ${ACCOUNT_RESOURCE_ID}`)
    expect(reportOf(run).targets[0].checks.find((c) => c.id === 'probe')).not.toHaveProperty('candidates')
  })

  it('a role just assigned: role-assignment-propagating, naming the role and how long ago', async () => {
    world().scenario = buildScenario(scenarios.roleJustAssigned(600, 180))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'role-assignment-propagating')
    expect(annotation.message).toContain('Cognitive Services OpenAI User at account contoso')
    expect(annotation.message).toContain('was assigned 3 minutes ago')
    expect(annotation.message).toContain('wait-for-role-seconds')
  })

  it('a role just assigned, with wait-for-role-seconds: polls with a new token each time until the call passes', async () => {
    world().scenario = buildScenario(scenarios.roleJustAssigned(4, 60))
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'wait-for-role-seconds': '40',
      'timeout-seconds': '60' }, timeoutMs: 90_000 })
    expectPass(run, world())
    expect(check(run, 'probe').detail).toMatch(/The role assignment propagated: the call passed after waiting \d+ s \(\d+ polls?/)
    const tokenRequests = world().requests.filter((r) => r.host === 'login.microsoftonline.com' && r.method === 'POST' &&
      r.body.includes('cognitiveservices'))
    expect(tokenRequests.length).toBeGreaterThan(2)
  }, 60_000)

  it('no ARM rights at all: the control plane is skipped with the reason, and the probe decides', async () => {
    world().scenario = buildScenario(scenarios.noArmRights())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectPass(run, world())
    expect(check(run, 'control-plane')).toMatchObject({ status: 'skip' })
    expect(check(run, 'control-plane').detail).toContain('it can read no Azure AI account at all')
    expect(run.outputs['resource-id']).toBe('')
    expect(run.outputs.roles).toBe('')
  })

  it('arm-checks: on without rights: the probe still runs, and the unreadable control plane fails the run', async () => {
    world().scenario = buildScenario(scenarios.noArmRights())
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'arm-checks': 'on' } })
    expectFailure(run, world(), 'arm-authorization-failed')
    expect(checkStatuses(run)).toMatchObject({ 'control-plane': 'fail', probe: 'pass' })
  })

  it('subscription-id limits the search: Resource Graph is asked for that subscription only', async () => {
    const other = '11111111-2222-4333-8444-555555555555'
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'subscription-id': other } })
    expectPass(run, world())
    expect(check(run, 'control-plane').detail).toContain(`no account the identity can read in subscription ${other}`)
    const graph = armRequests().filter((r) => r.path.endsWith('/Microsoft.ResourceGraph/resources'))
    expect(graph.map((r) => JSON.parse(r.body).subscriptions)).toEqual([[other], [other]])
  })

  it('arm-checks: off makes no ARM call', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'arm-checks': 'off' } })
    expectPass(run, world())
    expect(armRequests()).toEqual([])
    expect(run.outputs['resource-id']).toBe('')
  })

  it('the Responses API: a role cloned before it existed allows chat but is refused responses/write', async () => {
    world().scenario = buildScenario(scenarios.clonedRoleWithoutResponses())
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, probe: 'responses' } })
    const annotation = expectFailure(run, world(), 'missing-data-plane-role')
    expect(annotation.message).toContain('none grants Microsoft.CognitiveServices/accounts/OpenAI/responses/write')
    expect(world().requests.some((r) => r.path === '/openai/v1/responses')).toBe(true)
  })
})

describe('deployments and models', () => {
  it('a deployment typo: the nearest deployment with its model', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, deployment: 'gpt4o-mini' } })
    const annotation = expectFailure(run, world(), 'deployment-not-found')
    expect(annotation.message).toContain('the nearest: gpt-4o-mini (gpt-4o-mini 2024-07-18, GlobalStandard)')
    expect(annotation.message).toContain('Set deployment to `gpt-4o-mini` (gpt-4o-mini 2024-07-18)')
  })

  it('an embeddings deployment whose name does not say so: probe auto calls embeddings, from its model', async () => {
    world().scenario = buildScenario(scenarios.embeddingsUnderPlainName('search-vectors'))
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, deployment: 'search-vectors' } })
    expectPass(run, world())
    const calls = world().requests.filter((r) => r.host === 'contoso.openai.azure.com').map((r) => r.path)
    expect(calls).toEqual(['/openai/deployments/search-vectors/embeddings'])
  })

  it('a retiring model warns model-retiring with the date, the replacement and what NoAutoUpgrade will do', async () => {
    world().scenario = buildScenario(scenarios.retiringModel('Deprecating', 30, 'NoAutoUpgrade'))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectWarning(run, world(), 'model-retiring')
    expect(annotation.message).toMatch(/gpt-4o-mini 2024-07-18 is Deprecating .* retires on \d{4}-\d{2}-\d{2} \(in 29 days\)/)
    expect(annotation.message).toContain('gpt-4.1-mini 2025-04-14')
    expect(annotation.message).toContain('NoAutoUpgrade: nothing upgrades it')
  })

  it('a retired model fails model-retiring: its inference answers errors', async () => {
    world().scenario = buildScenario(scenarios.retiringModel('Deprecated', -3, 'NoAutoUpgrade'))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectFailure(run, world(), 'model-retiring')
    expect(checkStatuses(run)).toMatchObject({ 'control-plane': 'fail', probe: 'fail' })
    expect(check(run, 'probe').cause).toBe('model-retiring')
  })
})

describe('sovereign clouds', () => {
  it('US Government: the ARM token is for management.usgovcloudapi.net, and the account is read there', async () => {
    world().scenario = buildScenario(scenarios.usGovernment())
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint: US_GOV_ENDPOINT,
      environment: 'azureusgovernment' } })
    expectPass(run, world())
    expect(run.outputs['resource-id']).toBe(ACCOUNT_RESOURCE_ID)
    expect(armRequests('management.usgovcloudapi.net').length).toBeGreaterThan(0)
    expect(armRequests()).toEqual([])
    const tokenRequest = world().requests.find((r) => r.host === 'login.microsoftonline.us' &&
      r.body.includes('management.usgovcloudapi.net'))
    expect(tokenRequest).toBeDefined()
  })
})
