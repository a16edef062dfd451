// The rule table by phase: its order and code table hold together, Resource Manager's texts name the role to grant,
// other tools' wordings of GitHub's OIDC refusals keep the fork and Dependabot among the candidates, and a text the
// rules cannot name still says which step it belongs to. Texts marked "source:" are copied from the thread named;
// the rest are synthetic (labelled so).
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/causes/catalogue.ts'
import { fixText } from '../../src/causes/fix.ts'
import { CAUSE_IDS } from '../../src/causes/ids.ts'
import { fixValuesFromEvidence } from '../../src/diagnosis/explain.ts'
import { classify } from '../../src/diagnosis/classify.ts'
import { AADSTS_CODES } from '../../src/diagnosis/rules/entra-token.ts'
import { RULE_GROUPS } from '../../src/diagnosis/rules/index.ts'
import { anyPhrase } from '../../src/diagnosis/rules/phrases.ts'

function causes(text: string): string[] {
  return classify({ text }).candidates.map((candidate) => candidate.cause)
}

describe('the rule table', () => {
  it('names only catalogue causes, and every row says what it needs to match', () => {
    for (const { rules } of RULE_GROUPS) {
      for (const rule of rules) {
        expect(CAUSE_IDS).toContain(rule.cause)
        expect(Boolean(rule.text || rule.aadsts || rule.code || rule.status || rule.phase), rule.why).toBe(true)
        for (const alternative of rule.alternatives ?? []) expect(CAUSE_IDS).toContain(alternative.cause)
      }
    }
  })

  it('lists each AADSTS code once: the code decides, not the row order', () => {
    const codes = AADSTS_CODES.flatMap(([list]) => list)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('joins phrases so that any one of them matches, case-insensitively', () => {
    const pattern = anyPhrase(/first phrase/, /second (?:one|two)/)
    expect(pattern.test('… SECOND TWO …')).toBe(true)
    expect(pattern.test('first')).toBe(false)
  })
})

describe('Resource Manager texts (explain --phase arm)', () => {
  // source: https://github.com/microsoft/foundry-dev-tools/issues/555 (ids synthetic)
  const denial =
    "(AuthorizationFailed) The client 'ci-app' with object id '5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11' " +
    "does not have authorization to perform action 'Microsoft.CognitiveServices/accounts/read' over scope " +
    "'/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/" +
    "accounts/contoso' or the scope is invalid. If access was recently granted, please refresh your credentials."

  it('AuthorizationFailed names the action, the scope and the role that allows it, and the fix assigns it there', () => {
    const diagnosis = classify({ text: denial, phase: 'arm' })
    expect(diagnosis.cause).toBe('arm-authorization-failed')
    expect(diagnosis.phase).toBe('control-plane')
    expect(diagnosis.evidence).toMatchObject({
      armAction: 'Microsoft.CognitiveServices/accounts/read',
      scope:
        '/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-ai/providers/' +
        'Microsoft.CognitiveServices/accounts/contoso',
      roleToGrant: 'Reader'
    })
    const fix = fixText(CATALOGUE[diagnosis.cause].fix(fixValuesFromEvidence(diagnosis.evidence)))
    expect(fix).toContain('--assignee-object-id 5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11')
    expect(fix).toContain(
      '--role "Reader" --scope /subscriptions/00000000-0000-4000-8000-000000000001/' +
        'resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/contoso'
    )
  })

  it('names the smallest built-in role for the action (synthetic actions in the same sentence)', () => {
    const roleFor = (action: string) =>
      classify({ text: denial.replace('Microsoft.CognitiveServices/accounts/read', action) }).evidence.roleToGrant
    expect(roleFor('Microsoft.CognitiveServices/accounts/listKeys/action')).toBe('Cognitive Services User')
    expect(roleFor('Microsoft.CognitiveServices/accounts/deployments/write')).toBe('Cognitive Services Contributor')
    expect(roleFor('Microsoft.Authorization/roleAssignments/write')).toBe('Role Based Access Control Administrator')
    expect(roleFor('Microsoft.Resources/deployments/write')).toBe('Contributor')
  })

  it('not-found codes are arm-resource-not-found, a deployment path is deployment-not-found (synthetic)', () => {
    expect(causes("Code: ResourceGroupNotFound Message: Resource group 'rg-ai' could not be found.")[0]).toBe(
      'arm-resource-not-found'
    )
    expect(
      causes("(SubscriptionNotFound) The subscription '00000000-0000-4000-8000-000000000001' could not be " + 'found.')
    ).toEqual(['arm-resource-not-found', 'arm-authorization-failed', 'endpoint-cloud-mismatch'])
    expect(
      causes(
        "(ResourceNotFound) The Resource 'Microsoft.CognitiveServices/accounts/contoso/deployments/gpt4o' " +
          "under resource group 'rg-ai' was not found."
      )[0]
    ).toBe('deployment-not-found')
  })

  it('deployment-time InsufficientQuota inside InvalidTemplateDeployment is a used-up quota', () => {
    // source: https://github.com/Azure-Samples/azure-search-openai-demo/issues/2091 (trimmed to two lines)
    const azd =
      "InvalidTemplateDeployment: The template deployment 'openai' is not valid according to the validation " +
      'procedure.\nInsufficientQuota: This operation require 30 new capacity in quota Tokens Per Minute (thousands) - ' +
      'GPT-4-Turbo, which is bigger than the current available capacity 8.'
    expect(classify({ text: azd }).cause).toBe('quota-exhausted')
  })

  it("a bare status with --phase arm reads as Resource Manager's", () => {
    expect(classify({ text: '', status: 403, phase: 'arm' }).cause).toBe('arm-authorization-failed')
    expect(classify({ text: '', status: 404, phase: 'arm' }).cause).toBe('arm-resource-not-found')
    expect(classify({ text: '', status: 401, phase: 'arm' }).candidates.map((c) => c.cause)).toEqual([
      'wrong-token-audience',
      'token-expired',
      'token-tenant-mismatch'
    ])
  })

  it('"No subscriptions found" offers propagation beside the missing role', () => {
    expect(causes('Error: No subscriptions found for ***.').slice(0, 2)).toEqual([
      'arm-authorization-failed',
      'role-assignment-propagating'
    ])
  })
})

describe("other tools' wording of GitHub's OIDC refusals", () => {
  it('google-github-actions/auth names the fork as a possibility: it is a candidate, not the answer', () => {
    // source: https://github.com/camunda/camunda-platform-helm/issues/243
    const text =
      'Error: google-github-actions/auth failed with: gitHub Actions did not inject ' +
      '$ACTIONS_ID_TOKEN_REQUEST_TOKEN or $ACTIONS_ID_TOKEN_REQUEST_URL into this job. This most likely means the ' +
      'GitHub Actions workflow permissions are incorrect, or this job is being run from a fork.'
    expect(causes(text)).toEqual(['missing-id-token-permission', 'fork-pr-no-oidc', 'dependabot-no-oidc'])
    expect(
      classify({ text }, { event: { name: 'pull_request', isForkPullRequest: true, isDependabot: false } }).cause
    ).toBe('fork-pr-no-oidc')
  })

  it('a called workflow asking for more id-token than its caller grants is the missing permission', () => {
    // source: https://github.com/tetherto/qvac/pull/1704
    expect(
      causes(
        "The nested job 'android-tests' is requesting 'id-token: write', but is only allowed " + "'id-token: none'"
      )[0]
    ).toBe('missing-id-token-permission')
  })
})

describe('the phase of a text whose cause stays unknown', () => {
  it('comes from the hosts and names the text carries (synthetic)', () => {
    const arm = classify({
      text: 'GET https://management.azure.com/subscriptions?api-version=2022-12-01 -> something odd'
    })
    expect(arm).toMatchObject({ cause: 'unknown', phase: 'control-plane' })
    expect(arm.evidence.phase).toBe('control-plane')
    expect(classify({ text: 'POST https://login.microsoftonline.com/t/oauth2/v2.0/token failed' }).phase).toBe(
      'entra-token'
    )
    expect(classify({ text: 'the call to https://contoso.openai.azure.com/ did not work' }).phase).toBe('data-plane')
  })

  it('is the given phase when there is one, and absent when nothing points anywhere', () => {
    expect(classify({ text: 'it broke', phase: 'arm' }).phase).toBe('control-plane')
    expect(classify({ text: 'it broke' }).phase).toBeUndefined()
  })
})

describe('texts shared by the data plane and Resource Manager', () => {
  it("a token refused by Resource Manager keeps the control-plane phase (synthetic, ARM's wording)", () => {
    const tenant = classify({
      text:
        "InvalidAuthenticationTokenTenant: The access token is from the wrong issuer 'https://sts.windows.net/a/'. " +
        "It must match the tenant 'https://sts.windows.net/b/' associated with this subscription."
    })
    expect(tenant).toMatchObject({ cause: 'token-tenant-mismatch', phase: 'control-plane' })
    expect(classify({ text: 'Error code: 401 - token is from the wrong issuer' }).phase).toBe('data-plane')
  })

  it('empty inputs of another login action name the fork and Dependabot as what withholds them', () => {
    // source: https://github.com/malloydata/malloy-samples/pull/97 (trimmed)
    const text =
      'Error: google-github-actions/auth failed with: the GitHub Action workflow must specify exactly one ' +
      'of "workload_identity_provider" or "credentials_json"!'
    expect(causes(text)).toEqual(['invalid-input', 'fork-pr-no-oidc', 'dependabot-no-oidc'])
  })
})
