// The one role-assignment table both the ARM fake and the data-plane fake consult. An assignment listed on an
// account sits at a scope (the account, its resource group, its subscription, the tenant's root management group)
// and reaches every resource below that scope. ARM sees an assignment at once; the data plane honours it only from
// `honouredFrom`, and only for tokens issued from then on (propagation: reference/arm-facts.md (h), "changes can
// take up to 10 minutes"; "sign out/in or get a new token to force refresh").
import { roleNamed, roleGrants } from './roles.ts'
import type { Account, CloudKey, RoleAssignment, Scenario } from './scenario.ts'

export const ACCOUNT_TYPE = 'Microsoft.CognitiveServices/accounts'

export function subscriptionScope(account: Account): string {
  return `/subscriptions/${account.subscriptionId}`
}

export function resourceGroupScope(account: Account): string {
  return `${subscriptionScope(account)}/resourceGroups/${account.resourceGroup}`
}

export function accountResourceId(account: Account): string {
  return `${resourceGroupScope(account)}/providers/${ACCOUNT_TYPE}/${account.name}`
}

export function managementGroupScope(tenantId: string): string {
  return `/providers/Microsoft.Management/managementGroups/${tenantId}`
}

export function cloudOf(account: Account): CloudKey {
  return account.cloud ?? 'public'
}

/** The ARM scope an assignment listed on `holder` sits at. */
export function scopeOf(holder: Account, assignment: RoleAssignment): string {
  switch (assignment.scope) {
    case 'management-group': return managementGroupScope(holder.tenantId)
    case 'subscription': return subscriptionScope(holder)
    case 'resource-group': return resourceGroupScope(holder)
    default: return accountResourceId(holder)
  }
}

export interface PlacedAssignment {
  assignment: RoleAssignment
  holder: Account
  scope: string
  /** A stable GUID for the assignment's ARM name. */
  name: string
}

function assignmentName(accountIndex: number, index: number): string {
  const hex = (accountIndex * 16 + index).toString(16).padStart(8, '0')
  return `${hex}-aaaa-4bbb-8ccc-dddddddddddd`
}

/** Every assignment of the scenario, placed at its scope (de-duplicated: a wider scope may be listed twice). */
export function allAssignments(scenario: Scenario): PlacedAssignment[] {
  const placed = scenario.accounts.flatMap((holder, accountIndex) => holder.roleAssignments.map((assignment, index) =>
    ({ assignment, holder, scope: scopeOf(holder, assignment), name: assignmentName(accountIndex, index) })))
  const seen = new Set<string>()
  return placed.filter((p) => {
    const key = `${p.scope.toLowerCase()}|${p.assignment.principalId}|${p.assignment.role}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** True when `scope` is `target` or an ancestor of it (ARM ids compare case-insensitively). */
export function scopeCovers(scope: string, target: string, targetTenant?: string): boolean {
  const s = scope.toLowerCase().replace(/\/+$/, '')
  const t = target.toLowerCase().replace(/\/+$/, '')
  if (s.startsWith('/providers/microsoft.management/managementgroups/')) {
    return targetTenant !== undefined && s === managementGroupScope(targetTenant).toLowerCase()
  }
  return t === s || t.startsWith(`${s}/`)
}

/** The tenant a scope path belongs to in this scenario (by its subscription), if any. */
export function tenantOfScope(scenario: Scenario, scope: string): string | undefined {
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]?.toLowerCase()
  const mg = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)/i.exec(scope)?.[1]
  if (mg) return mg
  return scenario.accounts.find((a) => a.subscriptionId.toLowerCase() === subscription)?.tenantId
}

/**
 * The assignments of `principalId` that reach `scope` (at it or above it). `callerTenant` places a scope the
 * scenario does not know (a mistyped subscription) under the caller's tenant root.
 */
export function assignmentsReaching(scenario: Scenario, scope: string, principalId?: string, callerTenant?: string):
  PlacedAssignment[] {
  const tenant = tenantOfScope(scenario, scope) ?? callerTenant
  return allAssignments(scenario).filter((p) => (principalId === undefined || p.assignment.principalId === principalId) &&
    scopeCovers(p.scope, scope, tenant))
}

/** May the principal perform the control-plane `action` at `scope`? ARM sees assignments at once. */
export function controlPlaneAllows(scenario: Scenario, scope: string, principalId: string, action: string,
  callerTenant?: string): boolean {
  return assignmentsReaching(scenario, scope, principalId, callerTenant).some((p) => {
    const role = roleNamed(scenario, p.assignment.role)
    return role !== undefined && roleGrants(role, action, 'control')
  })
}

/** Has the data plane caught up with the assignment, for a token issued at `issuedAtSeconds`? */
export function honoured(assignment: RoleAssignment, issuedAtSeconds: number, now = Date.now()): boolean {
  if (!assignment.honouredFrom) return true
  const from = Date.parse(assignment.honouredFrom)
  return now >= from && issuedAtSeconds * 1000 >= Math.floor(from / 1000) * 1000
}

/** May the principal perform the data action on the account, as the data plane sees it now for this token? */
export function dataPlaneAllows(scenario: Scenario, account: Account, principalId: string, dataAction: string,
  issuedAtSeconds: number): boolean {
  return assignmentsReaching(scenario, accountResourceId(account), principalId).some((p) => {
    const role = roleNamed(scenario, p.assignment.role)
    return role !== undefined && roleGrants(role, dataAction, 'data') && honoured(p.assignment, issuedAtSeconds)
  })
}
