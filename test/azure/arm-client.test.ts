import { afterAll, describe, expect, it } from 'vitest'
import { ArmError, armClient } from '../../src/azure/arm.ts'
import { readControlPlane } from '../../src/azure/arm-view.ts'
import { CLOUDS, resourceManagerScope } from '../../src/azure/clouds.ts'
import { Deadline } from '../../src/net/deadline.ts'
import { Transport } from '../../src/net/transport.ts'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { federatedCredential } from '../world/clients.ts'
import {
  ACCOUNT_NAME, ACCOUNT_RESOURCE_ID, buildScenario, COGNITIVE_SERVICES_SCOPE, ENDPOINT, PRINCIPAL_ID, scenarios,
  SECOND_ACCOUNT_NAME
} from '../world/index.ts'

const world = worldInThisProcess()
const transport = new Transport()
afterAll(() => transport.close())

describe('the ARM client against the test world', () => {
  const client = (scope = resourceManagerScope(CLOUDS.azurecloud)) => {
    const credential = federatedCredential()
    return armClient({ cloud: CLOUDS.azurecloud, deadline: new Deadline(20), dispatcher: transport.dispatcher,
      token: async () => (await credential.getToken(scope)).token, redact: (text) => text })
  }

  it('finds the account by subdomain and reads it, its deployments, catalogue, permissions and assignments', async () => {
    world().scenario = buildScenario(scenarios.retiringModel())
    const arm = client()
    const [found] = await arm.accountsBySubdomain(ACCOUNT_NAME.toUpperCase())
    expect(found).toMatchObject({ id: ACCOUNT_RESOURCE_ID, kind: 'OpenAI', endpoint: ENDPOINT, customSubDomainName: ACCOUNT_NAME })
    const [account, deployments, models, permissions, assignments] = await Promise.all([arm.account(found.id),
      arm.deployments(found.id), arm.models(found.id), arm.permissions(found.id), arm.roleAssignments(found.id, PRINCIPAL_ID)])
    expect(account).toMatchObject({ customSubDomainName: ACCOUNT_NAME, publicNetworkAccess: 'Enabled',
      disableLocalAuth: false, provisioningState: 'Succeeded', networkAcls: { defaultAction: 'Allow', ipRules: [] } })
    expect(deployments[0]).toMatchObject({ name: 'gpt-4o-mini', model: 'gpt-4o-mini', version: '2024-07-18',
      sku: 'GlobalStandard', capacity: 50, versionUpgradeOption: 'NoAutoUpgrade' })
    expect(models[0]).toMatchObject({ name: 'gpt-4o-mini', lifecycleStatus: 'Deprecating',
      replacement: { name: 'gpt-4.1-mini', version: '2025-04-14' } })
    expect(permissions[0].dataActions.length).toBeGreaterThan(3)
    expect(assignments).toMatchObject([{ principalId: PRINCIPAL_ID, scope: ACCOUNT_RESOURCE_ID,
      roleDefinitionId: expect.stringMatching(/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/) }])
  })

  it('an empty answer is not an error; the accounts the identity can see are listed', async () => {
    world().scenario = buildScenario(scenarios.roleOnAnotherAccount())
    const arm = client()
    expect(await arm.accountsBySubdomain(ACCOUNT_NAME)).toEqual([])
    expect((await arm.visibleAccounts()).map((a) => a.name)).toEqual([SECOND_ACCOUNT_NAME])
  })

  it('a refusal is an ArmError with status, code, body and the action and scope ARM named', async () => {
    world().scenario = buildScenario(scenarios.missingRole())
    const error = await client().account(ACCOUNT_RESOURCE_ID).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ArmError)
    expect(error).toMatchObject({ status: 403, code: 'AuthorizationFailed', refusedAction: {
      action: 'Microsoft.CognitiveServices/accounts/read', scope: ACCOUNT_RESOURCE_ID } })
    expect((error as ArmError).body).toContain('"AuthorizationFailed"')
    const wrongToken = await client(COGNITIVE_SERVICES_SCOPE).account(ACCOUNT_RESOURCE_ID).catch((e: unknown) => e)
    expect(wrongToken).toMatchObject({ status: 401, code: 'InvalidAuthenticationTokenAudience' })
  })

  it('never follows a redirect with the token', async () => {
    world().scenario = buildScenario(scenarios.redirectedHost('management.azure.com'))
    const error = await client().account(ACCOUNT_RESOURCE_ID).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 307 })
    expect(world().requests.filter((r) => r.host !== 'management.azure.com' && r.host !== 'login.microsoftonline.com' &&
      !r.host.endsWith('actions.githubusercontent.com'))).toEqual([])
  })
})

describe('what the control plane reads, in two round trips', () => {
  const client = () => {
    const credential = federatedCredential()
    return armClient({ cloud: CLOUDS.azurecloud, deadline: new Deadline(20), dispatcher: transport.dispatcher, redact: (text) => text,
      token: async () => (await credential.getToken(resourceManagerScope(CLOUDS.azurecloud))).token })
  }

  it('names a custom role from its definition, and keeps what it cannot read as a gap', async () => {
    world().scenario = buildScenario({
      customRoles: [{ name: 'OpenAI Callers', id: '3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4',
        actions: ['Microsoft.CognitiveServices/*/read', 'Microsoft.Authorization/*/read'], notActions: [],
        dataActions: ['Microsoft.CognitiveServices/accounts/OpenAI/*'], notDataActions: [] }],
      accounts: [{ roleAssignments: [{ role: 'OpenAI Callers' }] }]
    })
    const view = await readControlPlane(client(), { subdomain: ACCOUNT_NAME, principalId: PRINCIPAL_ID,
      dataAction: 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action' })
    expect(view).toMatchObject({ state: 'found', gaps: [], assignments: [{ role: 'OpenAI Callers', scope: ACCOUNT_RESOURCE_ID }] })

    world().scenario = buildScenario(scenarios.clonedRoleWithoutResponses())
    const partial = await readControlPlane(client(), { subdomain: ACCOUNT_NAME, principalId: PRINCIPAL_ID,
      dataAction: 'Microsoft.CognitiveServices/accounts/OpenAI/responses/write' })
    expect(partial).toMatchObject({ state: 'found', assignments: undefined,
      gaps: [{ read: 'role-assignments', status: 403, code: 'AuthorizationFailed',
        action: 'Microsoft.Authorization/roleAssignments/read' }] })
  })

  it('a subdomain no readable account has: the accounts the identity can see, nearest first, with their grants', async () => {
    world().scenario = buildScenario(scenarios.roleOnAnotherAccount())
    const view = await readControlPlane(client(), { subdomain: 'contoso-e', principalId: PRINCIPAL_ID,
      dataAction: 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action' })
    expect(view).toMatchObject({ state: 'not-visible', nearest: [SECOND_ACCOUNT_NAME],
      others: [{ name: SECOND_ACCOUNT_NAME, grantsDataAction: true }] })
  })
})
