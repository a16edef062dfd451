import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { controlPlaneOnly, entryGrants, grants, operationMatches, type PermissionEntry } from '../../src/azure/permissions.ts'
import { DATA_ACTIONS } from '../../src/azure/roles.ts'

// The built-in definitions as the permissions API returns them (shared/reference/azure-facts.md §3).
const OPENAI_USER: PermissionEntry = {
  actions: ['Microsoft.CognitiveServices/*/read', 'Microsoft.Authorization/roleAssignments/read'],
  notActions: [],
  dataActions: ['Microsoft.CognitiveServices/accounts/OpenAI/*/read',
    'Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action',
    'Microsoft.CognitiveServices/accounts/OpenAI/deployments/embeddings/action',
    'Microsoft.CognitiveServices/accounts/OpenAI/responses/*'],
  notDataActions: ['Microsoft.CognitiveServices/accounts/OpenAI/stored-completions/read']
}
const CONTRIBUTOR: PermissionEntry = { actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete',
  'Microsoft.Authorization/*/Write'], dataActions: [], notDataActions: [] }
const COGNITIVE_SERVICES_USER: PermissionEntry = { actions: ['Microsoft.CognitiveServices/*/read'], notActions: [],
  dataActions: ['Microsoft.CognitiveServices/*'], notDataActions: [] }
const CLONED_BEFORE_RESPONSES: PermissionEntry = { ...OPENAI_USER,
  dataActions: OPENAI_USER.dataActions.filter((a) => !a.includes('responses')) }

describe('operation patterns', () => {
  it('a * stands for any run of characters, wherever it sits, and matching ignores case', () => {
    expect(operationMatches('Microsoft.CognitiveServices/*', DATA_ACTIONS.chat)).toBe(true)
    expect(operationMatches('*/read', 'Microsoft.CognitiveServices/accounts/read')).toBe(true)
    expect(operationMatches('Microsoft.Authorization/*/Delete', 'microsoft.authorization/roleAssignments/delete')).toBe(true)
    expect(operationMatches('Microsoft.CognitiveServices/accounts/OpenAI/*/read', DATA_ACTIONS.models)).toBe(true)
    expect(operationMatches('Microsoft.CognitiveServices/accounts/OpenAI/*/read', DATA_ACTIONS.chat)).toBe(false)
  })

  it('the dots and other characters of a pattern are literal', () => {
    expect(operationMatches('Microsoft.CognitiveServices/accounts/read', 'MicrosoftXCognitiveServices/accounts/read')).toBe(false)
    expect(operationMatches('a+b/(c)', 'a+b/(c)')).toBe(true)
  })
})

describe('effective permissions', () => {
  it('OpenAI User grants chat, embeddings and responses; its notDataActions exclude stored completions', () => {
    for (const action of [DATA_ACTIONS.chat, DATA_ACTIONS.embeddings, DATA_ACTIONS.responses, DATA_ACTIONS.models]) {
      expect(grants([OPENAI_USER], action, 'data')).toBe(true)
    }
    expect(grants([OPENAI_USER], 'Microsoft.CognitiveServices/accounts/OpenAI/stored-completions/read', 'data')).toBe(false)
  })

  it('Owner and Contributor (actions *) grant no data action: actions never grant data actions', () => {
    expect(grants([CONTRIBUTOR], DATA_ACTIONS.chat, 'data')).toBe(false)
    expect(grants([CONTRIBUTOR], 'Microsoft.CognitiveServices/accounts/read', 'control')).toBe(true)
    expect(controlPlaneOnly([CONTRIBUTOR])).toBe(true)
    expect(controlPlaneOnly([CONTRIBUTOR, OPENAI_USER])).toBe(false)
  })

  it('a role cloned before the Responses API allows chat but not responses (user-asks U9)', () => {
    expect(grants([CLONED_BEFORE_RESPONSES], DATA_ACTIONS.chat, 'data')).toBe(true)
    expect(grants([CLONED_BEFORE_RESPONSES], DATA_ACTIONS.responses, 'data')).toBe(false)
  })

  it('a notDataAction excludes only within its own role: another role still grants it', () => {
    expect(grants([OPENAI_USER, COGNITIVE_SERVICES_USER],
      'Microsoft.CognitiveServices/accounts/OpenAI/stored-completions/read', 'data')).toBe(true)
  })
})

const segment = fc.stringMatching(/^[A-Za-z][A-Za-z0-9.-]{0,8}$/)
const operation = fc.array(segment, { minLength: 2, maxLength: 6 }).map((parts) => parts.join('/'))
const pattern = fc.oneof(operation, fc.constant('*'),
  fc.tuple(operation, fc.nat(5)).map(([op, at]) => {
    const parts = op.split('/')
    parts[at % parts.length] = '*'
    return parts.join('/')
  }))
const entry: fc.Arbitrary<PermissionEntry> = fc.record({
  actions: fc.array(pattern, { maxLength: 3 }), notActions: fc.array(pattern, { maxLength: 2 }),
  dataActions: fc.array(pattern, { maxLength: 3 }), notDataActions: fc.array(pattern, { maxLength: 2 })
})

describe('effective permissions, for any roles', () => {
  it('the union over roles: granted by the set exactly when granted by one of its roles', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 4 }), operation, (entries, op) => {
      expect(grants(entries, op, 'data')).toBe(entries.some((e) => entryGrants(e, op, 'data')))
    }))
  })

  it('adding a role never takes a permission away (a notDataAction is not a deny)', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 4 }), entry, operation, (entries, extra, op) => {
      if (grants(entries, op, 'data')) expect(grants([...entries, extra], op, 'data')).toBe(true)
    }))
  })

  it('a role with no data actions grants no data action, whatever its actions', () => {
    fc.assert(fc.property(entry, operation, (e, op) => {
      expect(grants([{ ...e, dataActions: [] }], op, 'data')).toBe(false)
    }))
  })

  it('a pattern matches every operation made by filling its *s, in any case; an exclusion of it removes them', () => {
    fc.assert(fc.property(pattern, fc.array(segment, { minLength: 3, maxLength: 3 }), (p, fills) => {
      const filled = p.split('*').reduce((text, part, index) => index === 0 ? part : `${text}${fills[index % 3]}${part}`)
      expect(operationMatches(p, filled.toUpperCase())).toBe(true)
      const excluded: PermissionEntry = { actions: [], notActions: [], dataActions: [p], notDataActions: [p] }
      expect(grants([excluded], filled, 'data')).toBe(false)
    }))
  })
})
