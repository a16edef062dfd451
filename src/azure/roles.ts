/**
 * Built-in Azure roles the checks name, by their ids (the same in every cloud), with their permissions as the
 * built-in definitions list them (shared/reference/azure-facts.md §3 and arm-facts.md (e), from
 * learn.microsoft.com/azure/role-based-access-control/built-in-roles/ai-machine-learning). An assignment's role is
 * named from this table; any other id is read from ARM's role definitions.
 */
import type { PermissionEntry } from './permissions.js'

export interface KnownRole {
  id: string
  name: string
}

export const KNOWN_ROLES: readonly KnownRole[] = [
  { id: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', name: 'Cognitive Services OpenAI User' },
  { id: 'a001fd3d-188f-4b5d-821b-7da978bf7442', name: 'Cognitive Services OpenAI Contributor' },
  { id: 'a97b65f3-24c7-4388-baec-2e87135dc908', name: 'Cognitive Services User' },
  { id: '25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68', name: 'Cognitive Services Contributor' },
  { id: '64702f94-c441-49e6-a78b-ef80e0188fee', name: 'Azure AI Developer' },
  // Renamed from "Azure AI User" in 05/2026; the id never changed.
  { id: '53ca6127-db72-4b80-b1b0-d745d6d5456d', name: 'Foundry User' },
  { id: 'eadc314b-1a2d-4efa-be10-5d325db5065e', name: 'Foundry Project Manager' },
  { id: 'e47c6f54-e4a2-4754-9501-8e0985b135e1', name: 'Foundry Account Owner' },
  { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', name: 'Owner' },
  { id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', name: 'Contributor' },
  { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', name: 'Reader' }
]

/** The trailing GUID of a role definition id (`/subscriptions/…/roleDefinitions/<guid>` or `/providers/…/<guid>`). */
export function roleIdOf(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').pop() ?? roleDefinitionId).toLowerCase()
}

export function knownRoleName(roleDefinitionId: string): string | undefined {
  const id = roleIdOf(roleDefinitionId)
  return KNOWN_ROLES.find((role) => role.id === id)?.name
}

/** The data actions each API the probe can call needs (shared/reference/azure-facts.md §3). */
export const DATA_ACTIONS = {
  chat: 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action',
  embeddings: 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/embeddings/action',
  responses: 'Microsoft.CognitiveServices/accounts/OpenAI/responses/write',
  models: 'Microsoft.CognitiveServices/accounts/OpenAI/models/read'
} as const

export type DataPlaneApi = keyof typeof DATA_ACTIONS

/** An empty entry, for shapes ARM leaves out (`dataActions` may be absent: arm-facts.md (d)). */
export const NO_PERMISSIONS: PermissionEntry = { actions: [], notActions: [], dataActions: [], notDataActions: [] }
