/**
 * What ARM shows of the account behind an endpoint, read in as few sequential round trips as it takes: Resource
 * Graph by custom subdomain and the accounts the identity can see (together), then at once the account, the
 * caller's permissions, its role assignments, the deployments and the model catalogue; role definitions only for
 * ids that are not built-in. Every read that is refused or fails is a gap, never an absence: an assignment that
 * cannot be read is not an assignment that does not exist.
 */
import type { Account, CatalogueModel, Deployment, GraphAccount } from './arm-resources.js'
import { nearestNames } from './nearest.js'
import { grants, type PermissionEntry } from './permissions.js'
import { knownRoleName, roleIdOf } from './roles.js'
import { ArmError, type ArmClient } from './arm.js'

/** A read that did not give an answer, and why. */
export interface ReadGap {
  read: 'account' | 'permissions' | 'role-assignments' | 'deployments' | 'models' | 'role-definitions'
  status?: number
  code?: string
  /** For AuthorizationFailed: the action ARM said was needed. */
  action?: string
  message: string
}

export interface HeldRole {
  role: string
  roleId: string
  scope: string
  createdOn?: string
  principalType: string
}

export interface OtherAccount {
  id: string
  name: string
  endpoint: string
  location: string
  /** Does the identity hold the data action there (permissions API)? undefined: not read. */
  grantsDataAction?: boolean
}

export type ControlPlaneView =
  | {
      state: 'found'
      /** What Resource Graph said: id, name, kind, location, endpoint, subdomain. */
      found: GraphAccount
      /** undefined: not readable (see gaps). */
      account?: Account
      /** undefined: not readable (see gaps). */
      permissions?: PermissionEntry[]
      assignments?: HeldRole[]
      deployments?: Deployment[]
      models?: CatalogueModel[]
      gaps: ReadGap[]
    }
  | {
      /** A regional endpoint: the accounts the identity can read in that region. */
      state: 'regional'
      accounts: GraphAccount[]
    }
  | {
      /** No account the identity can read has this subdomain. */
      state: 'not-visible'
      /** The accounts it can see instead, nearest names first. */
      others: OtherAccount[]
      /** Some of them are near the subdomain (a typo?). */
      nearest: string[]
    }

export interface ViewRequest {
  /** The endpoint's custom subdomain; or, for a regional endpoint, its region. */
  subdomain?: string
  region?: string
  principalId: string
  /** The data action the user's API needs, to check on other accounts. */
  dataAction: string
  subscriptions?: readonly string[]
}

const OTHER_ACCOUNTS_CHECKED = 5

function gapOf(read: ReadGap['read'], error: unknown): ReadGap {
  if (error instanceof ArmError) {
    return { read, status: error.status, code: error.code, action: error.refusedAction?.action, message: error.message }
  }
  return { read, message: error instanceof Error ? error.message : String(error) }
}

async function settle<T>(read: ReadGap['read'], work: Promise<T>, gaps: ReadGap[]): Promise<T | undefined> {
  try {
    return await work
  } catch (error) {
    gaps.push(gapOf(read, error))
    return undefined
  }
}

/** Throws ArmError (or the token's error) when not even Resource Graph answers: the control plane is unreadable. */
export async function readControlPlane(client: ArmClient, request: ViewRequest): Promise<ControlPlaneView> {
  if (request.subdomain === undefined) {
    return { state: 'regional', accounts: await client.accountsInRegion(request.region ?? '', request.subscriptions) }
  }
  const [matches, visible] = await Promise.all([
    client.accountsBySubdomain(request.subdomain, request.subscriptions),
    client.visibleAccounts(request.subscriptions).catch(() => [] as GraphAccount[])
  ])
  const graph = matches.at(0)
  if (!graph) return otherAccounts(client, request.subdomain, request.dataAction, visible)

  const gaps: ReadGap[] = []
  const [account, permissions, assignments, deployments, models] = await Promise.all([
    settle('account', client.account(graph.id), gaps),
    settle('permissions', client.permissions(graph.id), gaps),
    settle('role-assignments', client.roleAssignments(graph.id, request.principalId), gaps),
    settle('deployments', client.deployments(graph.id), gaps),
    settle('models', client.models(graph.id), gaps)
  ])
  return {
    state: 'found',
    found: graph,
    account,
    permissions,
    assignments: assignments && (await namedRoles(client, graph.id, assignments, gaps)),
    deployments,
    models,
    gaps
  }
}

async function otherAccounts(
  client: ArmClient,
  subdomain: string,
  dataAction: string,
  visible: GraphAccount[]
): Promise<ControlPlaneView> {
  const names = visible.map((a) => a.customSubDomainName || a.name)
  const nearest = nearestNames(subdomain, names)
  const ordered = [...visible].sort(
    (a, b) => rank(nearest, a.customSubDomainName || a.name) - rank(nearest, b.customSubDomainName || b.name)
  )
  const others = await Promise.all(
    ordered.map(async (a, index): Promise<OtherAccount> => {
      const base = { id: a.id, name: a.name, endpoint: a.endpoint, location: a.location }
      if (index >= OTHER_ACCOUNTS_CHECKED) return base
      const permissions = await client.permissions(a.id).catch(() => undefined)
      return { ...base, grantsDataAction: permissions && grants(permissions, dataAction, 'data') }
    })
  )
  return { state: 'not-visible', others, nearest }
}

function rank(nearest: readonly string[], name: string): number {
  const index = nearest.indexOf(name)
  return index < 0 ? nearest.length : index
}

async function namedRoles(
  client: ArmClient,
  accountId: string,
  assignments: Awaited<ReturnType<ArmClient['roleAssignments']>>,
  gaps: ReadGap[]
): Promise<HeldRole[]> {
  const unknownIds = [...new Set(assignments.map((a) => roleIdOf(a.roleDefinitionId)))].filter(
    (id) => !knownRoleName(id)
  )
  const definitions = await Promise.all(
    unknownIds.map(
      async (id) => [id, await settle('role-definitions', client.roleDefinition(accountId, id), gaps)] as const
    )
  )
  const names = new Map(definitions.map(([id, definition]) => [id, definition?.roleName]))
  return assignments.map((a) => {
    const roleId = roleIdOf(a.roleDefinitionId)
    return {
      role: knownRoleName(roleId) ?? names.get(roleId) ?? `role ${roleId}`,
      roleId,
      scope: a.scope,
      createdOn: a.createdOn,
      principalType: a.principalType
    }
  })
}

/** What the control plane gave one target. */
export type ControlPlaneRead =
  | { kind: 'read'; view: ControlPlaneView; principalId: string }
  | { kind: 'unreadable'; reason: string; status?: number; code?: string }
  | { kind: 'not-applicable'; reason: string }
