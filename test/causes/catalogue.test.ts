import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/causes/catalogue.ts'
import { fixText } from '../../src/causes/fix.ts'
import { CAUSE_IDS, CAUSES_BY_PHASE, type CauseId } from '../../src/causes/ids.ts'
import type { FixValues } from '../../src/causes/catalogue.ts'
import { SIGNS } from '../../src/causes/signs.ts'
import { causesDoc, fixMarkdown, readmeSections, withGeneratedSections } from '../../scripts/docs.ts'

function fixOf(id: CauseId, values: FixValues = {}): string {
  return fixText(CATALOGUE[id].fix(values))
}

const docs = readFileSync(new URL('../../docs/causes.md', import.meta.url), 'utf8')

describe('the cause catalogue', () => {
  it('has an entry for every cause id, in its phase, with a title, a meaning and a fix', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...CAUSE_IDS].sort())
    for (const [phase, ids] of Object.entries(CAUSES_BY_PHASE)) {
      for (const id of ids) {
        const entry = CATALOGUE[id]
        expect(entry, id).toMatchObject({ id, phase })
        expect(entry.title.length, id).toBeGreaterThan(10)
        expect(entry.meaning.length, id).toBeGreaterThan(40)
        const fix = fixOf(id)
        expect(fix.length, id).toBeGreaterThan(20)
        expect(fix, id).not.toMatch(/undefined|\[object Object\]/)
      }
    }
  })

  it('documents every cause in docs/causes.md with its title, meaning, how it shows, and its fix as printed', () => {
    const sections = docs.split(/^### /m).slice(1)
    for (const id of CAUSE_IDS) {
      const entry = CATALOGUE[id]
      const section = sections.find((s) => s.startsWith(`\`${id}\`: ${entry.title}\n`))
      expect(section, id).toBeDefined()
      expect(section, id).toContain(entry.meaning)
      expect(section, id).toContain(`**How it shows:** ${SIGNS[id].signs}`)
      for (const example of SIGNS[id].examples) expect(section, id).toContain(`([source](${example.source}))`)
      expect(section, id).toContain(fixMarkdown(entry.fix({})))
    }
  })

  it("docs/causes.md and the README's marked tables are what `npm run build` generates (check-dist holds them)", () => {
    expect(docs).toBe(causesDoc())
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const actionYml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
    expect(withGeneratedSections(readme, readmeSections(actionYml))).toBe(readme)
    expect(readme).toContain('| `fail-on` | `error` |')
    expect(readme).toContain('[`unknown`](docs/causes.md#unknown-the-cause-could-not-be-determined)')
  })

  it('gives the exact federated-credential command for the subject the token presents', () => {
    const fix = fixOf('fic-subject-mismatch', {
      clientId: '6f1e2d3c-0000-4000-8000-000000000001',
      subject: 'repo:octo-org/octo-repo:environment:prod',
      registeredSubjects: ['repo:octo-org/octo-repo:ref:refs/heads/main']
    })
    expect(fix).toMatch(/^Likely: The job references an environment/)
    expect(fix).toContain(
      'az ad app federated-credential create --id 6f1e2d3c-0000-4000-8000-000000000001 ' +
        `--parameters '{"name":"github-octo-org-octo-repo-environment-prod","issuer":"https://token.actions.` +
        'githubusercontent.com","subject":"repo:octo-org/octo-repo:environment:prod","audiences":' +
        `["api://AzureADTokenExchange"]}'`
    )
    expect(fix).toContain('az identity federated-credential create')
  })

  it("gives only the managed-identity command for a managed identity, with the cloud's exchange audience", () => {
    const fix = fixOf('fic-subject-mismatch', {
      subject: 'repo:o/r:pull_request',
      identityKind: 'managed-identity',
      cloud: 'azureusgovernment'
    })
    expect(fix).not.toContain('az ad app')
    expect(fix).toContain("--subject 'repo:o/r:pull_request' --audiences api://AzureADTokenExchangeUSGov")
  })

  it('gives the role assignment with the principal, the role and the resource scope', () => {
    const fix = fixOf('missing-data-plane-role', {
      principalId: '5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11',
      resourceScope: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/contoso'
    })
    expect(fix).toContain(
      'az role assignment create --assignee-object-id 5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11 ' +
        '--assignee-principal-type ServicePrincipal --role "Cognitive Services OpenAI User" --scope ' +
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/contoso'
    )
  })

  it("looks the resource id up by the endpoint's custom subdomain when it is unknown", () => {
    const fix = fixOf('missing-data-plane-role', { endpoint: 'https://contoso.openai.azure.com/' })
    expect(fix).toContain(
      '--scope "$(az cognitiveservices account list --query ' +
        '"[?properties.customSubDomainName==\'contoso\'].id" -o tsv)"'
    )
  })

  it('explains the custom subdomain and shows the endpoint to use for a regional endpoint', () => {
    const entry = CATALOGUE['regional-endpoint-no-subdomain']
    expect(entry.meaning).toMatch(/custom subdomain/)
    expect(
      fixOf(entry.id, {
        endpoint: 'https://eastus.api.cognitive.microsoft.com/',
        suggestedEndpoint: 'https://contoso.openai.azure.com/'
      })
    ).toMatch(/^Use the custom subdomain endpoint of the resource: https:\/\/contoso\.openai\.azure\.com\/ instead of /)
  })

  it('tells how long to wait when the quota says so', () => {
    expect(fixOf('quota-exhausted', { retryAfterSeconds: 86400 })).toContain('retry after 86400 s')
    expect(fixOf('throttled', { retryAfterSeconds: 6 })).toMatch(/^Retry after 6 seconds/)
  })
  it('for a subject that differs only in letter case, corrects the existing credential instead of adding one', () => {
    const fix = fixOf('fic-subject-mismatch', {
      clientId: '6f1e2d3c-0000-4000-8000-000000000001',
      subject: 'repo:Octo-Org/octo-repo:environment:Production',
      subjectCaseOnly: true
    })
    expect(fix).toMatch(/^Likely: a federated credential holds this subject in other letter case/)
    expect(fix).not.toMatch(/another branch|federated-credential create/)
    expect(fix).toContain(
      'az ad app federated-credential update --id 6f1e2d3c-0000-4000-8000-000000000001 ' +
        '--federated-credential-id <credential-id>'
    )
    expect(fix).toContain('"subject":"repo:Octo-Org/octo-repo:environment:Production"')
  })

  it("gives the values of the endpoint's cloud, not the public cloud's", () => {
    const usGov = { cloud: 'azureusgovernment', host: 'contoso.openai.azure.us' }
    expect(fixOf('wrong-token-audience', usGov)).toContain("'https://cognitiveservices.azure.us/.default'")
    expect(fixOf('regional-endpoint-no-subdomain', { cloud: 'azureusgovernment' })).toContain(
      'https://<name>.openai.azure.us/'
    )
    expect(fixOf('proxy-failure', usGov)).toContain('login.microsoftonline.us, *.openai.azure.us')
    expect(fixOf('invalid-input', { cloud: 'azurechinacloud' })).toContain(
      'https://cognitiveservices.azure.cn/.default'
    )
    expect(
      fixOf('resource-principal-not-found', {
        cloud: 'azurechinacloud',
        scope: 'https://contoso.openai.azure.cn/.default'
      })
    ).toMatch(
      /^Request the token for https:\/\/cognitiveservices\.azure\.cn\/\.default \(Foundry project endpoints: https:\/\/ai\.azure\.cn\/\.default\)/
    )
    expect(fixOf('dns-failure', usGov)).toContain('privatelink.openai.azure.us')
    // Without a chosen cloud, the endpoint's host tells it.
    expect(fixOf('invalid-api-key', { endpoint: 'https://contoso.openai.azure.cn/' })).toContain('keys list -n contoso')
    expect(fixOf('fic-audience-mismatch', { host: 'contoso.cognitiveservices.azure.cn' })).toContain(
      'api://AzureADTokenExchangeChina'
    )
  })

  it('points a live run at the failing layer when the cause is unknown', () => {
    const fix = fixOf('unknown', { host: 'contoso.openai.azure.com' })
    expect(fix).toContain('curl -sv https://contoso.openai.azure.com/ -o /dev/null')
  })

  it("says a Dependabot run re-run by a person keeps Dependabot's restrictions, and what is not one", () => {
    // GitHub docs, "Troubleshooting Dependabot on GitHub Actions": the restrictions "apply even if the workflow
    // is re-run by a different actor" (reference/action-anchors.md).
    expect(CATALOGUE['dependabot-no-oidc'].meaning).toMatch(/re-runs such a run/)
    expect(CATALOGUE['dependabot-no-oidc'].meaning).toMatch(/push to the Dependabot branch/)
  })
})
