/**
 * Role assignments reach the data plane late: "up to 10 minutes", several hours for management-group scope with data
 * actions, about 24 hours for a managed identity's group membership; there is no API that says when it is done
 * (shared/reference/arm-facts.md (h)). An assignment younger than its window may still be on its way.
 */
export const PROPAGATION_WINDOW_SECONDS = 10 * 60
export const MANAGEMENT_GROUP_WINDOW_SECONDS = 4 * 60 * 60
export const GROUP_WINDOW_SECONDS = 24 * 60 * 60

export interface Propagation {
  ageSeconds: number
  windowSeconds: number
}

export function propagationWindowSeconds(scope: string, principalType: string): number {
  if (principalType === 'Group') return GROUP_WINDOW_SECONDS
  return /^\/providers\/Microsoft\.Management\/managementGroups\//i.test(scope)
    ? MANAGEMENT_GROUP_WINDOW_SECONDS
    : PROPAGATION_WINDOW_SECONDS
}

/** The assignment's age and window when it is still inside the window; undefined when older or undated. */
export function stillPropagating(
  assignment: { createdOn?: string; scope: string; principalType: string },
  now = Date.now()
): Propagation | undefined {
  const created = assignment.createdOn ? Date.parse(assignment.createdOn) : Number.NaN
  if (Number.isNaN(created)) return undefined
  const ageSeconds = Math.max(0, Math.round((now - created) / 1000))
  const windowSeconds = propagationWindowSeconds(assignment.scope, assignment.principalType)
  return ageSeconds < windowSeconds ? { ageSeconds, windowSeconds } : undefined
}

/** "3 minutes", "45 seconds", "2 hours". */
export function spokenDuration(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} minutes`
  return `${Math.round(seconds / 3600)} hours`
}
