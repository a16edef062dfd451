/**
 * The control plane (DESIGN.md stage 5, issue 9): a second token for the cloud's ARM scope with the same assertion,
 * then the account behind the endpoint, its settings, the roles the identity holds there, its deployments and model
 * catalogue. It starts as soon as the credential exists, so it runs while the data-plane token is fetched; the
 * `control-plane` check reports what ARM shows, and the probe's failure is explained with it (certainty where ARM
 * knows). Missing rights are a skip with the reason, never a failure (unless arm-checks is on), and never a
 * missing-permission claim: what cannot be read is not known to be absent.
 */
import type { CauseId } from '../../causes/ids.js'
import type { Account, Deployment } from '../../azure/arm-resources.js'
import { accountNameOfHost, resourceManagerScope } from '../../azure/clouds.js'
import { nearestNames } from '../../azure/nearest.js'
import { grants } from '../../azure/permissions.js'
import { spokenDuration, stillPropagating } from '../../azure/propagation.js'
import { retirementOf, type Retirement } from '../../azure/retirement.js'
import { DATA_ACTIONS } from '../../azure/roles.js'
import { ArmError, armClient } from '../../azure/arm.js'
import {
  readControlPlane,
  type ControlPlaneRead,
  type ControlPlaneView,
  type HeldRole,
  type ReadGap
} from '../../azure/arm-view.js'
import { decodeJwtClaims } from '../../security/jwt.js'
import { redactSecrets } from '../../security/redact.js'
import { bash, code, prose, type Fix } from '../../causes/fix.js'
import { causeOutcome } from '../diagnose.js'
import {
  known,
  type CheckOutcome,
  type CheckStep,
  type ControlPlaneReport,
  type RoleHeld,
  type TargetContext
} from '../types.js'

const FOUNDRY_DATA_ACTION = 'Microsoft.CognitiveServices/accounts/AIServices/agents/write'
/** The account, permissions, assignments, deployments and catalogue are read at once. */
const ARM_CONCURRENT_READS = 5
const POLL_FIRST_DELAY_MS = 1_000
const POLL_MAX_DELAY_MS = 15_000

/** What the probe found, as far as the control plane's explanation needs it (probe.ts's ProbeResult fits). */
export interface ProbeVerdict {
  ok: boolean
  authenticated: boolean
  cause?: CauseId
  outcome: CheckOutcome
}

/** Starts reading ARM in the background, once per target, as soon as the run has a credential. */
export function startControlPlane(run: TargetContext): Promise<ControlPlaneRead> {
  return (run.controlPlane ??= readFor(run).catch((error: unknown): ControlPlaneRead => ({
    kind: 'unreadable',
    reason: shortMessage(run, error)
  })))
}

/** The data action the user's API needs (the probe checks the same one). */
export function requiredDataAction(run: TargetContext, deployment?: Deployment): string {
  if (run.endpoint?.kind === 'foundry-project') return FOUNDRY_DATA_ACTION
  const probe = run.config.probe
  if (probe === 'responses' || probe === 'embeddings' || probe === 'chat') return DATA_ACTIONS[probe]
  if (probe === 'models' || probe === 'none') return DATA_ACTIONS.models
  return deployment && isEmbeddingsModel(deployment) ? DATA_ACTIONS.embeddings : DATA_ACTIONS.chat
}

export function isEmbeddingsModel(deployment: Deployment): boolean {
  return deployment.capabilities.embeddings === 'true' || /embedding/i.test(deployment.model)
}

/** The deployment the target names, when ARM listed the deployments. */
export function targetDeployment(run: TargetContext, read: ControlPlaneRead | undefined): Deployment | undefined {
  const wanted = run.config.deployment?.toLowerCase()
  if (!wanted || read?.kind !== 'read' || read.view.state !== 'found') return undefined
  return read.view.deployments?.find((d) => d.name.toLowerCase() === wanted)
}

function armTarget(run: TargetContext): { subdomain: string } | { region: string } | undefined {
  const endpoint = run.endpoint
  if (!endpoint) return undefined
  if (endpoint.kind === 'regional') {
    return { region: endpoint.host.slice(0, -run.config.cloud.regionalSuffix.length - 1) }
  }
  if (endpoint.kind !== 'custom-subdomain' && endpoint.kind !== 'foundry-project') return undefined
  const subdomain = accountNameOfHost(endpoint.host)
  return subdomain ? { subdomain } : undefined
}

async function readFor(run: TargetContext): Promise<ControlPlaneRead> {
  const { config } = run
  if (config.armChecks === 'off') return { kind: 'not-applicable', reason: 'arm-checks is off: no ARM call was made.' }
  const target = armTarget(run)
  const session = run.entraSession
  if (!target || !session) {
    return {
      kind: 'not-applicable',
      reason:
        `${run.endpoint?.host ?? 'The endpoint'} is not an Azure AI account ` +
        'host (a gateway or another host): the account behind it is not known to ARM checks.'
    }
  }
  const scope = resourceManagerScope(config.cloud)
  const armHost = new URL(config.cloud.resourceManager).hostname
  // The tunnels and TLS to ARM open while its token is fetched: one per read that goes out at once.
  for (let i = 0; i < ARM_CONCURRENT_READS; i++) run.transport.preconnect([armHost])
  const armToken = async (): Promise<string> => {
    // The run's one exchange for the ARM scope, shared by every target of this identity (also while in flight).
    const attempt = await session.tokenFor(scope, run.deadline.signal)
    if ('error' in attempt) throw attempt.error
    const { token } = attempt
    if (!token) throw new Error(`Entra ID issued no token for ${scope}`)
    run.secrets.add(token.token)
    return token.token
  }
  let principalId: string
  try {
    const oid = decodeJwtClaims(await armToken())?.oid
    principalId = typeof oid === 'string' ? oid : ''
  } catch (error) {
    return { kind: 'unreadable', reason: `no token for ${scope}: ${shortMessage(run, error)}` }
  }
  const client = armClient({
    cloud: config.cloud,
    deadline: run.deadline,
    dispatcher: run.transport.dispatcher,
    redact: (text) => redactSecrets(text, run.secrets.all()),
    token: armToken
  })
  try {
    const view = await readControlPlane(client, {
      ...target,
      principalId,
      dataAction: requiredDataAction(run),
      subscriptions: config.subscriptionId ? [config.subscriptionId] : undefined
    })
    if (view.state === 'found') run.resourceId = view.found.id
    return { kind: 'read', view, principalId }
  } catch (error) {
    if (error instanceof ArmError && error.status !== undefined) {
      return {
        kind: 'unreadable',
        status: error.status,
        code: error.code,
        reason:
          `${armHost} refused Resource Graph: ${error.status} ${error.code ?? ''} ${shortMessage(run, error)}`.replace(
            /\s+/g,
            ' '
          )
      }
    }
    return { kind: 'unreadable', reason: `${armHost} could not be reached: ${shortMessage(run, error)}` }
  }
}

function shortMessage(run: TargetContext, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = redactSecrets(message, run.secrets.all()).replace(/\s+/g, ' ').trim()
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

// ------------------------------------------------------------------------------------------ the check itself

const SKIP_NOTE =
  'The control-plane checks need Reader-level reads on the account (Cognitive Services OpenAI ' +
  'User includes them); without them they are skipped and the probe decides.'

/** What ARM shows of the account; a failure only for what ARM alone proves, or for arm-checks: on. */
export const controlPlaneCheck: CheckStep<TargetContext> = {
  id: 'control-plane',
  stage: 'control-plane',
  title: 'Azure resource (control plane)',
  needs: ['entra-token'],
  async run(run) {
    const read = await startControlPlane(run)
    run.controlPlaneRead = read
    const on = run.config.armChecks === 'on'
    if (read.kind === 'not-applicable') {
      return on ? armRefused(run, read.reason) : { status: 'skip', detail: `Skipped: ${read.reason}`, evidence: {} }
    }
    if (read.kind === 'unreadable') {
      const evidence = { status: read.status, code: read.code }
      return on
        ? armRefused(run, read.reason, evidence)
        : { status: 'skip', detail: `Skipped: ${read.reason} ${SKIP_NOTE}`, evidence }
    }
    const view = read.view
    if (view.state === 'regional') return regionalOutcome(run, view.accounts)
    if (view.state === 'not-visible') {
      const reason = notVisibleText(run, view)
      return on ? armRefused(run, reason) : { status: 'skip', detail: `Skipped: ${reason} ${SKIP_NOTE}`, evidence: {} }
    }
    return foundOutcome(run, view, on)
  }
}

function armRefused(run: TargetContext, reason: string, evidence: Record<string, unknown> = {}): CheckOutcome {
  return causeOutcome(
    run,
    'arm-authorization-failed',
    'fail',
    `arm-checks is on and the control plane could not be read: ${reason}`,
    evidence
  )
}

function notVisibleText(run: TargetContext, view: Extract<ControlPlaneView, { state: 'not-visible' }>): string {
  const subdomain = accountNameOfHost(run.endpoint?.host ?? '') ?? ''
  const scope = run.config.subscriptionId ? ` in subscription ${run.config.subscriptionId}` : ''
  if (view.others.length === 0) {
    return (
      `no account the identity can read${scope} has the custom subdomain ${subdomain}, and it can read no ` +
      'Azure AI account at all.'
    )
  }
  return (
    `no account the identity can read${scope} has the custom subdomain ${subdomain}; it can read ` +
    `${view.others
      .slice(0, 5)
      .map((o) => `${o.name} (${o.location})`)
      .join(', ')}.`
  )
}

function regionalOutcome(
  run: TargetContext,
  accounts: readonly { name: string; customSubDomainName: string; endpoint: string; id: string }[]
): CheckOutcome {
  const host = known(run.endpoint, 'the endpoint facts').host
  if (accounts.length === 0) {
    return {
      status: 'skip',
      detail: `Skipped: the identity can read no account in the region of ${host}. ${SKIP_NOTE}`,
      evidence: {}
    }
  }
  const withSubdomain = accounts.filter((a) => a.customSubDomainName)
  const without = accounts.filter((a) => !a.customSubDomainName)
  const listed = accounts.map((a) =>
    a.customSubDomainName ? `${a.name} (${a.endpoint})` : `${a.name} (no custom subdomain)`
  )
  if (accounts.length === 1) run.resourceId = accounts[0].id
  const detail =
    `ARM: the accounts in this region the identity can read: ${listed.join(', ')}. ` +
    (without.length
      ? `${without.map((a) => a.name).join(', ')} ${without.length === 1 ? 'has' : 'have'} no custom subdomain ` +
        '(customSubDomainName is null), so no token can reach it until one is set.'
      : `Each has a custom subdomain endpoint: use it instead of ${host}.`)
  const suggested = withSubdomain.length === 1 && without.length === 0 ? withSubdomain[0].endpoint : undefined
  const outcome = causeOutcome(run, 'regional-endpoint-no-subdomain', 'fail', detail, {
    accounts: accounts.map((a) => ({
      name: a.name,
      endpoint: a.endpoint,
      customSubDomainName: a.customSubDomainName || null
    }))
  })
  const fix: Fix | undefined = suggested
    ? [prose("Use the account's custom subdomain endpoint: ", code(suggested), ` (instead of https://${host}/).`)]
    : without.length === 1
      ? [
          prose(
            `Give ${without[0].name} a custom subdomain (once; it cannot be changed later), then use `,
            code(`https://${without[0].name}.${run.config.cloud.subdomainSuffixes[0]}/`),
            ':'
          ),
          bash(`az cognitiveservices account update --ids ${without[0].id} --custom-domain ${without[0].name}`)
        ]
      : outcome.fix
  return { ...outcome, fix }
}

function foundOutcome(
  run: TargetContext,
  view: Extract<ControlPlaneView, { state: 'found' }>,
  on: boolean
): CheckOutcome {
  const { account, found } = view
  const evidence = { controlPlane: controlPlaneEvidence(view) }
  const parts = [accountText(found.name, account, found)]
  const host = run.endpoint?.host
  const ownHosts = account ? accountHosts(account) : []
  if (host && ownHosts.length && !ownHosts.includes(host)) {
    parts.push(`The endpoint's host ${host} is not among the account's endpoints (${ownHosts.join(', ')}).`)
  }
  const readGaps = view.gaps.filter((gap) => gap.read !== 'role-definitions')
  if (view.assignments) parts.push(rolesText(view.assignments))
  if (view.permissions) {
    const action = requiredDataAction(run, targetDeployment(run, { kind: 'read', view, principalId: '' }))
    parts.push(`${grants(view.permissions, action, 'data') ? 'Granted' : 'Not granted'}: ${action}.`)
  }
  const deployment = targetDeployment(run, { kind: 'read', view, principalId: '' })
  if (deployment) parts.push(deploymentText(deployment))
  if (readGaps.length) parts.push(`Not readable: ${readGaps.map(gapText).join('; ')}.`)
  const detail = parts.join(' ')

  const wanted = run.config.deployment
  const needsDeployment = run.config.probe !== 'models' && run.config.probe !== 'none'
  if (wanted && needsDeployment && view.deployments && !deployment) {
    const nearest = nearestNames(
      wanted,
      view.deployments.map((d) => d.name)
    )
    const names = (nearest.length ? nearest : view.deployments.map((d) => d.name)).slice(0, 5)
    const listed = view.deployments.filter((d) => names.includes(d.name))
    const has = listed.map((d) => `${d.name} (${d.model} ${d.version}, ${d.sku})`).join(', ')
    const outcome = causeOutcome(
      run,
      'deployment-not-found',
      'fail',
      `ARM: account ${found.name} has no deployment ${wanted}; ${nearest.length ? 'the nearest' : 'it has'}: ${has || 'none'}.`,
      { ...evidence, nearest }
    )
    const fix: Fix | undefined = nearest.length
      ? [
          prose('Set deployment to ', code(nearest[0]), ` (${listed[0].model} ${listed[0].version}).`),
          ...(outcome.fix ?? [])
        ]
      : outcome.fix
    return { ...outcome, fix }
  }
  const retirement = deployment && view.models ? retirementOf(deployment, view.models) : undefined
  if (retirement?.status === 'fail') return retiringOutcome(run, retirement, detail, evidence)
  if (on && readGaps.some((gap) => gap.status === 401 || gap.status === 403)) {
    return armRefused(run, readGaps.map(gapText).join('; '), evidence)
  }
  if (retirement) return retiringOutcome(run, retirement, detail, evidence)
  return { status: 'pass', detail, evidence }
}

function retiringOutcome(
  run: TargetContext,
  retirement: Retirement,
  detail: string,
  evidence: Record<string, unknown>
): CheckOutcome {
  const when = retirement.retiresOn
    ? retirement.daysLeft !== undefined && retirement.daysLeft < 0
      ? `retired on ${retirement.retiresOn}`
      : `retires on ${retirement.retiresOn} (in ${retirement.daysLeft} days)`
    : 'is retiring'
  const replacement = retirement.replacement
    ? `${retirement.replacement.name} ${retirement.replacement.version}`
    : undefined
  const seen =
    `${retirement.model} ${retirement.version} is ${retirement.lifecycleStatus} in the account's model ` +
    `catalogue and ${when}${replacement ? `; its replacement: ${replacement}` : ''}. ${retirement.upgradeEffect}`
  return causeOutcome(run, 'model-retiring', retirement.status, `${seen} ${detail}`, {
    ...evidence,
    model: retirement.model,
    modelVersion: retirement.version,
    lifecycleStatus: retirement.lifecycleStatus,
    retiresOn: retirement.retiresOn,
    replacement,
    upgradeEffect: retirement.upgradeEffect,
    versionUpgradeOption: retirement.versionUpgradeOption
  })
}

function accountText(name: string, account: Account | undefined, found: { kind: string; location: string }): string {
  if (!account) return `Account ${name} (${found.kind}, ${found.location}) found by its custom subdomain.`
  const network =
    account.publicNetworkAccess === 'Disabled'
      ? `public network access Disabled${account.privateEndpoints.length ? ` (private endpoints: ${account.privateEndpoints.map((p) => `${p.name} ${p.status}`).join(', ')})` : ''}`
      : account.networkAcls?.defaultAction === 'Deny'
        ? `selected networks only (IP rules: ${account.networkAcls.ipRules.join(', ') || 'none'})`
        : 'public network access Enabled'
  return (
    `Account ${account.name} (${account.kind}, ${account.location}): ${network}; ` +
    (account.disableLocalAuth ? 'key authentication disabled' : 'keys enabled') +
    `${account.provisioningState && account.provisioningState !== 'Succeeded' ? `; provisioning ${account.provisioningState}` : ''}.`
  )
}

/** The hosts of the account's endpoint and endpoints map. */
function accountHosts(account: Account): string[] {
  const hosts = [account.endpoint, ...Object.values(account.endpoints)].flatMap((url) => {
    try {
      return [new URL(url).hostname.toLowerCase()]
    } catch {
      return []
    }
  })
  return [...new Set(hosts)]
}

function scopeText(scope: string): string {
  if (/\/providers\/Microsoft\.CognitiveServices\/accounts\/[^/]+$/i.test(scope))
    return `account ${scope.split('/').pop()}`
  const group = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)$/i.exec(scope)?.[1]
  if (group) return `resource group ${group}`
  if (/^\/subscriptions\/[^/]+$/i.test(scope)) return `subscription ${scope.split('/').pop()}`
  if (/managementGroups/i.test(scope)) return `management group ${scope.split('/').pop()}`
  return scope
}

function rolesText(assignments: readonly HeldRole[]): string {
  if (assignments.length === 0) return 'Roles that reach the account: none.'
  return `Roles that reach the account: ${assignments.map((a) => `${a.role} at ${scopeText(a.scope)}`).join(', ')}.`
}

function deploymentText(d: Deployment): string {
  return (
    `Deployment ${d.name}: ${d.model} ${d.version}, ${d.sku}${d.capacity === undefined ? '' : ` ${d.capacity}`}` +
    `${d.state ? `, ${d.state}` : ''}.`
  )
}

function gapText(gap: ReadGap): string {
  return `${gap.read} (${gap.status ?? 'no answer'}${gap.code ? ` ${gap.code}` : ''}${gap.action ? `: needs ${gap.action}` : ''})`
}

// --------------------------------------------------------------------------- what the report keeps of ARM

function controlPlaneEvidence(view: Extract<ControlPlaneView, { state: 'found' }>): ControlPlaneReport {
  return controlPlaneReportOf(view)
}

export function controlPlaneReportOf(view: ControlPlaneView): ControlPlaneReport {
  if (view.state === 'regional')
    return { state: 'regional', accounts: view.accounts.map((a) => ({ id: a.id, name: a.name, endpoint: a.endpoint })) }
  if (view.state === 'not-visible') {
    return {
      state: 'not-visible',
      accounts: view.others.map((o) => ({ id: o.id, name: o.name, endpoint: o.endpoint }))
    }
  }
  const { account, found } = view
  return {
    state: 'found',
    account: account
      ? {
          id: account.id,
          name: account.name,
          kind: account.kind,
          location: account.location,
          subdomain: account.customSubDomainName,
          endpoint: account.endpoint,
          endpoints: account.endpoints,
          publicNetworkAccess: account.publicNetworkAccess,
          networkAcls: account.networkAcls,
          privateEndpoints: account.privateEndpoints,
          disableLocalAuth: account.disableLocalAuth,
          provisioningState: account.provisioningState
        }
      : {
          id: found.id,
          name: found.name,
          kind: found.kind,
          location: found.location,
          subdomain: found.customSubDomainName || null,
          endpoint: found.endpoint
        },
    assignments: view.assignments?.map(roleHeld),
    effectiveDataActions: view.permissions && {
      dataActions: [...new Set(view.permissions.flatMap((p) => p.dataActions))],
      notDataActions: [...new Set(view.permissions.flatMap((p) => p.notDataActions))]
    },
    deployments: view.deployments?.map((d) => ({
      name: d.name,
      model: d.model,
      version: d.version,
      sku: d.sku,
      capacity: d.capacity,
      state: d.state,
      versionUpgradeOption: d.versionUpgradeOption
    })),
    gaps: view.gaps.map((g) => ({ read: g.read, status: g.status, code: g.code, action: g.action }))
  }
}

function roleHeld(a: HeldRole): RoleHeld {
  return { role: a.role, scope: a.scope, createdOn: a.createdOn ?? null }
}

/** The `roles` output: the assignments that reach the account; undefined when they could not be read. */
export function rolesOf(read: ControlPlaneRead | undefined): RoleHeld[] | undefined {
  if (read?.kind !== 'read') return undefined
  const view = read.view
  if (view.state !== 'found') return undefined
  return view.assignments?.map(roleHeld)
}

// ------------------------------------------------------------------- explaining the probe with ARM's facts

/**
 * The probe's failure, decided with what ARM shows: the missing role (roles held, scope, missing data action, the
 * account's real resource id), a fresh assignment still propagating (polled with `wait-for-role-seconds`), a role
 * on another account, a host that is no account's (with the accounts the identity can see), the network rules
 * that block the runner, a retired model version. Unchanged when ARM knows nothing more.
 */
export async function explainWithControlPlane<P extends ProbeVerdict>(
  run: TargetContext,
  probe: P,
  reprobe: () => Promise<P>
): Promise<P> {
  if (probe.ok || !run.controlPlane) return probe
  const read = await run.controlPlane
  if (read.kind !== 'read') return probe
  const view = read.view
  const cause = probe.cause
  const decided = (
    status: 'fail' | 'warn',
    outcomeCause: CauseId,
    detail: string,
    evidence: Record<string, unknown>,
    fix?: string
  ): P => {
    const outcome = causeOutcome(run, outcomeCause, status, `${probe.outcome.detail} ${detail}`, {
      ...probe.outcome.evidence,
      ...evidence
    })
    const first = fix ? [prose(fix)] : []
    return { ...probe, cause: outcomeCause, outcome: { ...outcome, fix: [...first, ...(outcome.fix ?? [])] } }
  }
  if (view.state === 'not-visible') {
    const subdomain = accountNameOfHost(run.endpoint?.host ?? '') ?? ''
    if ((cause === 'dns-failure' || cause === 'proxy-failure') && view.others.length) {
      const suggestions = suggestedAccounts(view)
      return decided(
        'fail',
        'wrong-endpoint-host',
        `ARM: no account the identity can read has the custom subdomain ${subdomain}; the ones it can read: ` +
          `${suggestions.map((o) => `${o.name} (${o.endpoint})`).join(', ')}.`,
        { suggestions: suggestions.map((o) => o.endpoint) },
        `Set endpoint to the account you meant: ${suggestions[0].endpoint}` +
          `${
            suggestions.length > 1
              ? ` (or ${suggestions
                  .slice(1)
                  .map((o) => o.endpoint)
                  .join(', ')})`
              : ''
          }.`
      )
    }
    const holder = view.others.find((o) => o.grantsDataAction)
    if (cause === 'missing-data-plane-role' && holder) {
      return decided(
        'fail',
        'missing-data-plane-role',
        `ARM: the identity holds the data action on account ${holder.name} (${holder.endpoint}), not on the ` +
          `endpoint's account ${subdomain}, which it cannot even read.`,
        { accountWithRole: holder.id },
        `Use the endpoint of the account that has the role (${holder.endpoint}), or assign the role on ${subdomain}:`
      )
    }
    return probe
  }
  if (view.state !== 'found') return probe
  const deployment = targetDeployment(run, read)
  const retirement = deployment && view.models ? retirementOf(deployment, view.models) : undefined
  if (
    retirement?.status === 'fail' &&
    (cause === 'wrong-api-version-or-path' || cause === 'unknown' || probe.outcome.evidence.status === 410)
  ) {
    return decided(
      'fail',
      'model-retiring',
      `ARM: ${retirement.model} ${retirement.version} is ${retirement.lifecycleStatus}: ` +
        'its inference calls answer errors.',
      {
        model: retirement.model,
        modelVersion: retirement.version,
        retiresOn: retirement.retiresOn,
        upgradeEffect: retirement.upgradeEffect,
        replacement: retirement.replacement && `${retirement.replacement.name} ${retirement.replacement.version}`
      }
    )
  }
  if (cause === 'network-blocked' && view.account)
    return decided('fail', 'network-blocked', networkText(view.account), {})
  if (cause !== 'missing-data-plane-role' || !view.permissions) return probe

  const named = probe.outcome.evidence.dataAction
  const dataAction = typeof named === 'string' ? named : requiredDataAction(run, deployment)
  const rolesHeld = view.assignments?.map((a) => `${a.role} at ${scopeText(a.scope)}`)
  if (!grants(view.permissions, dataAction, 'data')) {
    const held =
      rolesHeld === undefined
        ? 'its role assignments could not be read'
        : rolesHeld.length
          ? `it holds ${rolesHeld.join(', ')}`
          : 'it holds no role that reaches the account'
    const controlOnly = view.permissions.length > 0 && view.permissions.every((p) => p.dataActions.length === 0)
    return decided(
      'fail',
      'missing-data-plane-role',
      `ARM: on account ${view.found.name} ${held}${controlOnly ? ' (control-plane roles, with no data actions)' : ''}; ` +
        `none grants ${dataAction}.`,
      { dataAction, rolesHeld: rolesHeld ?? null }
    )
  }
  const young = (view.assignments ?? [])
    .flatMap((a) => {
      const propagating = stillPropagating(a)
      return propagating ? [{ a, propagating }] : []
    })
    .sort((x, y) => x.propagating.ageSeconds - y.propagating.ageSeconds)
    .at(0)
  if (!young) return probe
  const ago = spokenDuration(young.propagating.ageSeconds)
  const propagating = decided(
    'fail',
    'role-assignment-propagating',
    `ARM: ${young.a.role} at ${scopeText(young.a.scope)} grants ${dataAction} and was assigned ${ago} ago ` +
      `(propagation takes up to ${spokenDuration(young.propagating.windowSeconds)}): it has not reached the data plane yet.`,
    { dataAction, assignedRole: young.a.role, assignedAgo: ago, assignedAt: young.a.createdOn }
  )
  return run.config.waitForRoleSeconds > 0 ? waitForRole(run, propagating, reprobe) : propagating
}

function suggestedAccounts(view: Extract<ControlPlaneView, { state: 'not-visible' }>) {
  const nearest = view.others.filter(
    (o) => view.nearest.includes(o.name) || view.nearest.some((n) => o.endpoint.includes(`//${n}.`))
  )
  return (nearest.length ? nearest : view.others).slice(0, 3)
}

function networkText(account: Account): string {
  if (account.publicNetworkAccess === 'Disabled') {
    const endpoints = account.privateEndpoints.map((p) => `${p.name} (${p.status})`)
    return (
      `ARM: account ${account.name} has public network access Disabled` +
      (endpoints.length
        ? `; it is reachable only through its private endpoints ${endpoints.join(', ')}: run on a runner inside ` +
          'that virtual network (self-hosted, or GitHub-hosted with Azure private networking) whose DNS resolves ' +
          'the privatelink zone.'
        : " and no private endpoint: nothing outside Azure's trusted services reaches it.")
    )
  }
  const rules = account.networkAcls?.ipRules ?? []
  return (
    `ARM: account ${account.name} allows selected networks only (default action Deny; IP rules: ` +
    `${rules.join(', ') || 'none'}; virtual network rules: ${account.networkAcls?.virtualNetworkRules ?? 0}). A ` +
    "GitHub-hosted runner's egress IP is not fixed (it changes from run to run, from a large Azure range), so an " +
    'IP rule cannot admit it reliably: use a self-hosted runner (or larger runners with static IPs) on an allowed ' +
    'network.'
  )
}

/** Polls the probe with backoff, a fresh token each time, until it passes or wait-for-role-seconds is up. */
async function waitForRole<P extends ProbeVerdict>(
  run: TargetContext,
  propagating: P,
  reprobe: () => Promise<P>
): Promise<P> {
  const started = Date.now()
  const until = started + run.config.waitForRoleSeconds * 1000
  let delay = POLL_FIRST_DELAY_MS
  let polls = 0
  while (Date.now() + delay <= until && delay < run.deadline.remainingMs()) {
    await run.deadline.sleep(delay, 'waiting for the role assignment to propagate')
    polls++
    const again = await reprobe()
    const waited = Math.round((Date.now() - started) / 1000)
    if (again.ok || again.authenticated) {
      const note =
        `The role assignment propagated: the call passed after waiting ${waited} s (${polls} ` +
        `${polls === 1 ? 'poll' : 'polls'}, a new token each time).`
      return {
        ...again,
        outcome: {
          ...again.outcome,
          detail: `${again.outcome.detail} ${note}`,
          evidence: { ...again.outcome.evidence, waitedSeconds: waited, polls }
        }
      }
    }
    if (again.cause !== 'missing-data-plane-role') return again
    delay = Math.min(delay * 2, POLL_MAX_DELAY_MS)
  }
  const waited = Math.round((Date.now() - started) / 1000)
  return {
    ...propagating,
    outcome: {
      ...propagating.outcome,
      detail:
        `${propagating.outcome.detail} Still refused after waiting ${waited} s (${polls} polls, ` +
        `wait-for-role-seconds ${run.config.waitForRoleSeconds}).`,
      evidence: { ...propagating.outcome.evidence, waitedSeconds: waited, polls }
    }
  }
}

/** Compare mode: a refused key on an account with disableLocalAuth is what ARM says, a warning. */
export async function explainKeyWithControlPlane(run: TargetContext, key: ProbeVerdict): Promise<string | undefined> {
  if (key.cause !== 'local-auth-disabled' || !run.controlPlane) return undefined
  const read = await run.controlPlane
  if (read.kind !== 'read' || read.view.state !== 'found' || !read.view.account?.disableLocalAuth) return undefined
  return `ARM: account ${read.view.account.name} has disableLocalAuth true: keys are refused by design, only Entra ID works.`
}
