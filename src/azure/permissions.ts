/**
 * Effective Azure RBAC permissions, evaluated the way Azure does (shared/reference/arm-facts.md (d), from
 * learn.microsoft.com/azure/role-based-access-control/role-definitions): a `*` stands for any run of characters,
 * wherever it sits; each role grants its actions minus its own notActions (a notAction is not a deny: another role
 * may grant it); the effective set is the union over roles; `actions` never grant data actions. Matching is
 * case-insensitive (built-in definitions mix `Delete` and `delete`). Deny assignments and ABAC conditions are not
 * in the permissions API, so they are not evaluated here.
 */

/** One entry of the permissions API (one per role that reaches the scope), or one role definition's permissions. */
export interface PermissionEntry {
  actions: readonly string[]
  notActions: readonly string[]
  dataActions: readonly string[]
  notDataActions: readonly string[]
}

export type Plane = 'control' | 'data'

function patternSource(pattern: string): string {
  return pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*')
}

/** Does the operation pattern (`Microsoft.CognitiveServices/*`, `*\/read`...) cover the operation? */
export function operationMatches(pattern: string, operation: string): boolean {
  return new RegExp(`^${patternSource(pattern)}$`, 'i').test(operation)
}

/** Does this one entry grant the operation (some pattern matches, and none of its own exclusions does)? */
export function entryGrants(entry: PermissionEntry, operation: string, plane: Plane): boolean {
  const [allowed, excluded] =
    plane === 'data' ? [entry.dataActions, entry.notDataActions] : [entry.actions, entry.notActions]
  return (
    allowed.some((pattern) => operationMatches(pattern, operation)) &&
    !excluded.some((pattern) => operationMatches(pattern, operation))
  )
}

/** Is the operation granted by the union of the entries? */
export function grants(entries: readonly PermissionEntry[], operation: string, plane: Plane): boolean {
  return entries.some((entry) => entryGrants(entry, operation, plane))
}

/** True when no entry grants any data action at all (Owner, Contributor, Reader, Cognitive Services Contributor). */
export function controlPlaneOnly(entries: readonly PermissionEntry[]): boolean {
  return entries.every((entry) => entry.dataActions.length === 0)
}
