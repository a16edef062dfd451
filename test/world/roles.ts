// Azure built-in role definitions as the RBAC tables of the fakes see them.
// source: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/ai-machine-learning
// (copied via /work/shared/reference/azure-facts.md §3)
import type { BuiltInRoleName, RoleName, Scenario } from './scenario.ts'

export interface RoleDefinition {
  id: string
  name?: string
  actions: string[]
  notActions: string[]
  dataActions: string[]
  notDataActions: string[]
}

const OPENAI_USER_DATA_ACTIONS = [
  'Microsoft.CognitiveServices/accounts/OpenAI/*/read',
  'Microsoft.CognitiveServices/accounts/OpenAI/deployments/audio/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/deployments/completions/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/deployments/embeddings/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/deployments/extensions/chat/completions/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/deployments/realtime/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/deployments/search/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/engines/completions/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/engines/generate/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/engines/search/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/images/generations/action',
  'Microsoft.CognitiveServices/accounts/OpenAI/assistants/*',
  // Added 2025-04-28 (reference/azure-facts.md §3 "Update (Responses API)"): POST /openai/v1/responses needs
  // .../OpenAI/responses/write.
  'Microsoft.CognitiveServices/accounts/OpenAI/responses/*'
]

export const BUILT_IN_ROLES: Record<BuiltInRoleName, RoleDefinition> = {
  'Cognitive Services OpenAI User': {
    id: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
    actions: ['Microsoft.CognitiveServices/*/read', 'Microsoft.Authorization/roleAssignments/read',
      'Microsoft.Authorization/roleDefinitions/read'],
    notActions: [],
    dataActions: OPENAI_USER_DATA_ACTIONS,
    notDataActions: ['Microsoft.CognitiveServices/accounts/OpenAI/stored-completions/read']
  },
  'Cognitive Services OpenAI Contributor': {
    id: 'a001fd3d-188f-4b5d-821b-7da978bf7442',
    actions: ['Microsoft.CognitiveServices/*/read', 'Microsoft.CognitiveServices/accounts/deployments/write',
      'Microsoft.CognitiveServices/accounts/deployments/delete', 'Microsoft.Authorization/roleAssignments/read',
      'Microsoft.Authorization/roleDefinitions/read'],
    notActions: [],
    dataActions: ['Microsoft.CognitiveServices/accounts/OpenAI/*'],
    notDataActions: []
  },
  'Cognitive Services User': {
    id: 'a97b65f3-24c7-4388-baec-2e87135dc908',
    actions: ['Microsoft.CognitiveServices/*/read', 'Microsoft.CognitiveServices/accounts/listkeys/action'],
    notActions: [],
    dataActions: ['Microsoft.CognitiveServices/*'],
    notDataActions: []
  },
  'Cognitive Services Contributor': {
    id: '25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68',
    actions: ['Microsoft.CognitiveServices/*', 'Microsoft.Authorization/*/read'],
    notActions: [],
    dataActions: [],
    notDataActions: []
  },
  'Azure AI Developer': {
    id: '64702f94-c441-49e6-a78b-ef80e0188fee',
    actions: ['Microsoft.MachineLearningServices/workspaces/*/read', 'Microsoft.CognitiveServices/*/read'],
    notActions: [],
    dataActions: ['Microsoft.CognitiveServices/accounts/OpenAI/*',
      'Microsoft.CognitiveServices/accounts/SpeechServices/*', 'Microsoft.CognitiveServices/accounts/ContentSafety/*'],
    notDataActions: []
  },
  'Foundry User': {
    id: '53ca6127-db72-4b80-b1b0-d745d6d5456d',
    actions: ['Microsoft.CognitiveServices/*/read', 'Microsoft.CognitiveServices/accounts/listkeys/action'],
    notActions: [],
    dataActions: ['Microsoft.CognitiveServices/*'],
    notDataActions: []
  },
  Owner: { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', actions: ['*'], notActions: [], dataActions: [],
    notDataActions: [] },
  Contributor: {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action'],
    dataActions: [],
    notDataActions: []
  },
  Reader: { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', actions: ['*/read'], notActions: [], dataActions: [],
    notDataActions: [] }
}

/** Azure's operation matching: case-insensitive, `*` stands for any run of characters. */
export function operationMatches(pattern: string, operation: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')
  return new RegExp(`^${source}$`, 'i').test(operation)
}

export function roleGrants(role: RoleDefinition, operation: string, plane: 'data' | 'control'): boolean {
  const [allowed, denied] = plane === 'data'
    ? [role.dataActions, role.notDataActions]
    : [role.actions, role.notActions]
  return allowed.some((p) => operationMatches(p, operation)) && !denied.some((p) => operationMatches(p, operation))
}

/** A built-in role or one of the scenario's custom roles, by name (undefined for a name the tenant lacks). */
export function roleNamed(scenario: Scenario, name: RoleName): (RoleDefinition & { name: string; custom: boolean }) |
  undefined {
  const builtIn = (BUILT_IN_ROLES as Record<string, RoleDefinition | undefined>)[name]
  if (builtIn) return { ...builtIn, name, custom: false }
  const custom = scenario.customRoles.find((role) => role.name === name)
  return custom && { ...custom, custom: true }
}

/** A role definition by its GUID, built-in or custom. */
export function roleWithId(scenario: Scenario, id: string): (RoleDefinition & { name: string; custom: boolean }) |
  undefined {
  const builtIn = Object.entries(BUILT_IN_ROLES).find(([, role]) => role.id === id.toLowerCase())
  if (builtIn) return { ...builtIn[1], name: builtIn[0], custom: false }
  const custom = scenario.customRoles.find((role) => role.id === id.toLowerCase())
  return custom && { ...custom, custom: true }
}
