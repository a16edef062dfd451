// The fix values `explain` reads out of a pasted error: the cloud follows from the host, a case-only subject
// mismatch is flagged, and ids are taken only when they are GUIDs.
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/causes/catalogue.ts'
import { fixText } from '../../src/causes/fix.ts'
import { explain, fixValuesFromEvidence } from '../../src/diagnosis/explain.ts'

function fixFor(text: string): string {
  return fixText(explain({ text }).fix)
}

describe('fix values from a pasted error', () => {
  it('a US Government endpoint gets US Government values', () => {
    const values = fixValuesFromEvidence({ host: 'contoso.openai.azure.us' })
    expect(values).toMatchObject({ cloud: 'azureusgovernment', endpoint: 'https://contoso.openai.azure.us/' })
    expect(fixText(CATALOGUE['wrong-token-audience'].fix(values))).toContain(
      'https://cognitiveservices.azure.us/.default'
    )
  })

  it('a regional host is not taken as the endpoint to use', () => {
    expect(fixValuesFromEvidence({ host: 'eastus.api.cognitive.microsoft.com' }).endpoint).toBeUndefined()
  })

  it("AADSTS7002138 asks to correct the credential's letter case (source: Azure/login#515)", () => {
    const fix = fixFor(
      'Error: AADSTS7002138: No matching federated identity record found for presented assertion ' +
        "subject 'repo:CODfreak213421/IsocertsgDashboard23:environment:Production'. The subject matches with " +
        'case-insensitive comparison, but not with case-sensitive comparison.'
    )
    expect(fix).toMatch(/^Likely: a federated credential holds this subject in other letter case/)
    expect(fix).toContain('"subject":"repo:CODfreak213421/IsocertsgDashboard23:environment:Production"')
    expect(fix).toContain('federated-credential update')
  })

  it('AADSTS700213 still registers the presented subject', () => {
    const fix = fixFor(
      'AADSTS700213: No matching federated identity record found for presented assertion subject ' +
        "'repo:o/r:ref:refs/heads/main'."
    )
    expect(fix).toContain('federated-credential create')
  })

  it('a tenant that is not a GUID is not taken as the tenant id', () => {
    expect(fixValuesFromEvidence({ tenant: 'contoso.onmicrosoft.com' }).tenantId).toBeUndefined()
    expect(fixValuesFromEvidence({ tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' }).tenantId).toBe(
      '72f988bf-86f1-41af-91ab-2d7cd011db47'
    )
  })
})
