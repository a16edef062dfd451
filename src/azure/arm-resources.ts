/**
 * The ARM resources the control-plane checks read, and how a (hostile) ARM answer is read into them: only the fields
 * the checks use, each checked for its type. Shapes: shared/reference/arm-facts.md (a)–(e).
 */
import type { PermissionEntry } from './permissions.js'

export interface GraphAccount {
  id: string
  name: string
  kind: string
  location: string
  subscriptionId: string
  resourceGroup: string
  endpoint: string
  customSubDomainName: string
}

export interface NetworkAcls {
  defaultAction: string
  bypass?: string
  ipRules: string[]
  virtualNetworkRules: number
}

export interface PrivateEndpoint {
  name: string
  status: string
}

export interface Account {
  id: string
  name: string
  kind: string
  location: string
  customSubDomainName: string | null
  endpoint: string
  endpoints: Record<string, string>
  publicNetworkAccess: string
  networkAcls: NetworkAcls | null
  privateEndpoints: PrivateEndpoint[]
  disableLocalAuth: boolean
  provisioningState: string
}

export interface Deployment {
  name: string
  model: string
  modelFormat: string
  version: string
  sku: string
  capacity: number | undefined
  state: string
  provisioningState: string
  versionUpgradeOption: string
  capabilities: Record<string, string>
}

export interface CatalogueModel {
  name: string
  format: string
  version: string
  lifecycleStatus: string
  /** ISO date of the inference deprecation. */
  inferenceDeprecation?: string
  replacement?: { name: string; version: string }
  capabilities: Record<string, string>
}

export interface RoleAssignment {
  id: string
  roleDefinitionId: string
  principalId: string
  principalType: string
  scope: string
  createdOn?: string
}

export interface RoleDefinition {
  id: string
  roleName: string
  permissions: PermissionEntry[]
}

// ------------------------------------------------------------------------ reading hostile answers into shapes

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

export function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function strings(value: unknown): string[] {
  return array(value).filter((item): item is string => typeof item === 'string')
}

function stringMap(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record(value)).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  )
}

export function graphAccount(value: unknown): GraphAccount | undefined {
  const row = record(value)
  if (!str(row.id)) return undefined
  return {
    id: str(row.id),
    name: str(row.name),
    kind: str(row.kind),
    location: str(row.location),
    subscriptionId: str(row.subscriptionId),
    resourceGroup: str(row.resourceGroup),
    endpoint: str(row.endpoint),
    customSubDomainName: str(row.customSubDomainName)
  }
}

export function accountOf(value: unknown): Account {
  const body = record(value)
  const properties = record(body.properties)
  const acls =
    properties.networkAcls === null || properties.networkAcls === undefined ? null : record(properties.networkAcls)
  return {
    id: str(body.id),
    name: str(body.name),
    kind: str(body.kind),
    location: str(body.location),
    customSubDomainName: str(properties.customSubDomainName) || null,
    endpoint: str(properties.endpoint),
    endpoints: stringMap(properties.endpoints),
    publicNetworkAccess: str(properties.publicNetworkAccess) || 'Enabled',
    networkAcls: acls && {
      defaultAction: str(acls.defaultAction) || 'Allow',
      bypass: str(acls.bypass) || undefined,
      ipRules: array(acls.ipRules)
        .map((rule) => str(record(rule).value))
        .filter(Boolean),
      virtualNetworkRules: array(acls.virtualNetworkRules).length
    },
    privateEndpoints: array(properties.privateEndpointConnections).map((connection) => {
      const props = record(record(connection).properties)
      const endpointId = str(record(props.privateEndpoint).id)
      return {
        name: endpointId.split('/').pop() || str(record(connection).name),
        status: str(record(props.privateLinkServiceConnectionState).status)
      }
    }),
    disableLocalAuth: properties.disableLocalAuth === true,
    provisioningState: str(properties.provisioningState)
  }
}

export function deploymentOf(value: unknown): Deployment {
  const body = record(value)
  const properties = record(body.properties)
  const model = record(properties.model)
  const sku = record(body.sku)
  return {
    name: str(body.name),
    model: str(model.name),
    modelFormat: str(model.format) || 'OpenAI',
    version: str(model.version),
    sku: str(sku.name),
    capacity: typeof sku.capacity === 'number' ? sku.capacity : undefined,
    state: str(properties.deploymentState),
    provisioningState: str(properties.provisioningState),
    versionUpgradeOption: str(properties.versionUpgradeOption),
    capabilities: stringMap(properties.capabilities)
  }
}

export function catalogueModelOf(value: unknown): CatalogueModel {
  const body = record(value)
  const deprecation = record(body.deprecation)
  const replacement = record(body.replacementConfig)
  return {
    name: str(body.name),
    format: str(body.format) || 'OpenAI',
    version: str(body.version),
    lifecycleStatus: str(body.lifecycleStatus),
    inferenceDeprecation: str(deprecation.inference) || undefined,
    replacement: str(replacement.targetModelName)
      ? { name: str(replacement.targetModelName), version: str(replacement.targetModelVersion) }
      : undefined,
    capabilities: stringMap(body.capabilities)
  }
}

export function permissionEntry(value: unknown): PermissionEntry {
  const entry = record(value)
  return {
    actions: strings(entry.actions),
    notActions: strings(entry.notActions),
    dataActions: strings(entry.dataActions),
    notDataActions: strings(entry.notDataActions)
  }
}

export function roleAssignmentOf(value: unknown): RoleAssignment {
  const body = record(value)
  const properties = record(body.properties)
  return {
    id: str(body.id),
    roleDefinitionId: str(properties.roleDefinitionId),
    principalId: str(properties.principalId),
    principalType: str(properties.principalType),
    scope: str(properties.scope),
    createdOn: str(properties.createdOn) || undefined
  }
}

export function roleDefinitionOf(value: unknown): RoleDefinition {
  const body = record(value)
  const properties = record(body.properties)
  return {
    id: str(body.name),
    roleName: str(properties.roleName),
    permissions: array(properties.permissions).map(permissionEntry)
  }
}
