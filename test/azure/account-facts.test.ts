import { describe, expect, it } from 'vitest'
import type { CatalogueModel, Deployment } from '../../src/azure/arm-resources.ts'
import { editDistance, nearestNames } from '../../src/azure/nearest.ts'
import { spokenDuration, stillPropagating } from '../../src/azure/propagation.ts'
import { retirementOf } from '../../src/azure/retirement.ts'

const DAY = 86_400_000
const NOW = Date.parse('2026-12-02T12:00:00Z')
const deployment = (changes: Partial<Deployment> = {}): Deployment => ({ name: 'chat', model: 'gpt-4o', modelFormat: 'OpenAI',
  version: '2024-05-13', sku: 'Standard', capacity: 10, state: 'Running', provisioningState: 'Succeeded',
  versionUpgradeOption: 'NoAutoUpgrade', capabilities: {}, ...changes })
const model = (changes: Partial<CatalogueModel> = {}): CatalogueModel => ({ name: 'gpt-4o', format: 'OpenAI',
  version: '2024-05-13', lifecycleStatus: 'GenerallyAvailable', capabilities: {},
  inferenceDeprecation: new Date(NOW + 400 * DAY).toISOString(), ...changes })

describe('nearest names', () => {
  it('finds the deployment a typo meant, nearest first, and nothing for an unrelated name', () => {
    expect(nearestNames('gpt4o-mini', ['o3-mini', 'gpt-4o-mini', 'text-embedding-3-small'])).toEqual(['gpt-4o-mini'])
    expect(nearestNames('contosso', ['contoso', 'contoso-eu', 'fabrikam'])).toEqual(['contoso', 'contoso-eu'])
    expect(nearestNames('whisper', ['gpt-4o-mini', 'o3-mini'])).toEqual([])
    expect(editDistance('ab', 'ba')).toBe(1)
  })
})

describe('model retirement', () => {
  it('warns for a Deprecating version, with the date, the replacement and what NoAutoUpgrade will do', () => {
    const retirement = retirementOf(deployment(), [model({ lifecycleStatus: 'Deprecating',
      inferenceDeprecation: '2027-01-01T00:00:00Z', replacement: { name: 'gpt-4.1', version: '2025-04-14' } })], NOW)
    expect(retirement).toMatchObject({ status: 'warn', retiresOn: '2027-01-01', daysLeft: 29,
      replacement: { name: 'gpt-4.1', version: '2025-04-14' } })
    expect(retirement?.upgradeEffect).toMatch(/NoAutoUpgrade: nothing upgrades it.*gpt-4\.1 2025-04-14/)
  })

  it('warns within 90 days of the inference date even while GenerallyAvailable; not beyond', () => {
    expect(retirementOf(deployment(), [model({ inferenceDeprecation: new Date(NOW + 60 * DAY).toISOString() })], NOW))
      .toMatchObject({ status: 'warn', daysLeft: 60 })
    expect(retirementOf(deployment(), [model({ inferenceDeprecation: new Date(NOW + 120 * DAY).toISOString() })], NOW))
      .toBeUndefined()
  })

  it('fails for a Deprecated version (inference answers errors now) and for a date already past', () => {
    expect(retirementOf(deployment(), [model({ lifecycleStatus: 'Deprecated' })], NOW)).toMatchObject({ status: 'fail' })
    expect(retirementOf(deployment(), [model({ inferenceDeprecation: new Date(NOW - DAY).toISOString() })], NOW))
      .toMatchObject({ status: 'fail', daysLeft: -1 })
  })

  it('joins by name and version: another version of the model says nothing about this one', () => {
    expect(retirementOf(deployment(), [model({ version: '2024-11-20', lifecycleStatus: 'Deprecated' })], NOW)).toBeUndefined()
  })
})

describe('propagation', () => {
  it('an assignment younger than 10 minutes is still propagating; management-group scope waits hours', () => {
    const createdOn = new Date(NOW - 180_000).toISOString()
    expect(stillPropagating({ createdOn, scope: '/subscriptions/s', principalType: 'ServicePrincipal' }, NOW))
      .toEqual({ ageSeconds: 180, windowSeconds: 600 })
    const old = new Date(NOW - 3600_000).toISOString()
    expect(stillPropagating({ createdOn: old, scope: '/subscriptions/s', principalType: 'ServicePrincipal' }, NOW)).toBeUndefined()
    expect(stillPropagating({ createdOn: old, scope: '/providers/Microsoft.Management/managementGroups/root',
      principalType: 'ServicePrincipal' }, NOW)).toMatchObject({ ageSeconds: 3600 })
    expect(spokenDuration(180)).toBe('3 minutes')
  })
})
