// Targets from the `targets` input and the repository's files, made into the pipeline's target configs: a value
// the target does not set takes the step's input, every value is validated where it was written, and a value that
// is not allowed becomes a problem of that target alone (invalid-input on its line; the other targets still run).
import type { SignInMode } from '../azure/credentials.js'
import { displayEndpoint } from '../azure/endpoint.js'
import type { ConfigFinding, FileTarget, LocatedValue, SourcePosition, TargetField } from '../repo-config/types.js'
import { redactSecrets } from '../security/redact.js'
import {
  apiVersionProblem,
  deploymentProblem,
  isClientId,
  isTenantId,
  probeNeedsDeployment,
  probeProblem,
  type ProbeKind
} from './target-values.js'

/** Where a target was written: a file of the repository (with the line its block starts on), or the inputs. */
export type TargetSource = { kind: 'inputs' } | { file: string; line: number }

/** Something the target cannot use, placed where it was written when it came from a file. */
export interface TargetProblem {
  message: string
  file?: string
  line?: number
  column?: number
}

/** What a target takes from the step when it does not say (the step's inputs, already validated). */
export interface StepDefaults {
  endpoint?: string
  deployment?: string
  apiVersion: string
  probe: ProbeKind
  clientId?: string
  tenantId?: string
  auth: SignInMode
}

/** The settings of a target that a file may give, resolved against the step's defaults. */
export interface ResolvedTarget {
  endpoint: string
  deployment?: string
  apiVersion: string
  probe: ProbeKind
  clientId?: string
  tenantId?: string
  source: TargetSource
  /** The lines of the target's block in its file (only-changed checks a target whose block the pull request changed). */
  block?: { start: number; end: number }
  /** Where each value the target's own file gave was written. */
  positions: Partial<Record<TargetField, SourcePosition>>
  problems: TargetProblem[]
  notes: string[]
  /** API keys committed in the target's block. */
  committedKeys: ConfigFinding[]
}

/** `fromInput`: the item came from the `targets` input (its positions are lines of the input, not of a file). */
export function resolveTarget(target: FileTarget, defaults: StepDefaults, fromInput: boolean): ResolvedTarget {
  const file = fromInput ? undefined : target.file
  const place = (at: SourcePosition): Pick<TargetProblem, 'file' | 'line' | 'column'> =>
    file ? { file, line: at.line, column: at.column } : {}
  const where = (at: SourcePosition): string => (file ? `${file}:${at.line}` : `targets input, line ${at.line}`)
  const problems: TargetProblem[] = target.problems.map((problem) => ({
    message: `${where(problem)}: ${problem.message}`,
    ...place(problem)
  }))
  const complain = (value: LocatedValue, message: string) =>
    problems.push({ message: `${where(value)}: ${message}`, ...place(value) })
  const shown = (value: LocatedValue) => `${value.key} '${redactSecrets(value.value)}'`

  const { fields } = target
  for (const value of Object.values(fields)) if (value.problem) complain(value, `${value.key} ${value.problem}`)
  const usable = (field: TargetField): LocatedValue | undefined =>
    fields[field] && !fields[field].problem ? fields[field] : undefined

  const endpoint = usable('endpoint')
  if (endpoint && !URL.canParse(endpoint.value)) {
    complain(endpoint, `${shown(endpoint)} is not a URL; expected https://<name>.openai.azure.com/`)
  }
  const deployment = usable('deployment')
  const deploymentIssue = deployment && deploymentProblem(deployment.value, shown(deployment))
  if (deployment && deploymentIssue) complain(deployment, deploymentIssue)
  const apiVersion = usable('apiVersion')
  const apiVersionIssue = apiVersion && apiVersionProblem(apiVersion.value, shown(apiVersion))
  if (apiVersion && apiVersionIssue) complain(apiVersion, apiVersionIssue)
  const probe = usable('probe')
  const probeIssue = probe && probeProblem(probe.value, shown(probe))
  if (probe && probeIssue) complain(probe, probeIssue)
  const clientId = usable('clientId')
  if (clientId && !isClientId(clientId.value)) {
    complain(clientId, `${clientId.key} is not a GUID (the application (client) id); the value is not shown`)
  }
  const tenantId = usable('tenantId')
  if (tenantId && !isTenantId(tenantId.value)) {
    complain(
      tenantId,
      `${tenantId.key} is not a GUID or a domain such as contoso.onmicrosoft.com; the value is not shown`
    )
  }

  const resolved: ResolvedTarget = {
    endpoint: endpoint?.value ?? defaults.endpoint ?? '',
    deployment: deployment?.value ?? defaults.deployment,
    apiVersion: apiVersion?.value ?? defaults.apiVersion,
    probe: probe && !probeIssue ? (probe.value as ProbeKind) : defaults.probe,
    clientId: clientId?.value ?? defaults.clientId,
    tenantId: tenantId?.value ?? defaults.tenantId,
    source: fromInput ? { kind: 'inputs' } : { file: target.file, line: target.line },
    block: fromInput ? undefined : target.block,
    positions: fromInput
      ? {}
      : Object.fromEntries(
          Object.entries(fields).map(([field, value]) => [field, { line: value.line, column: value.column }])
        ),
    problems,
    notes: target.notes.map((note) => (file ? `${file}:${target.line}: ${note}` : note)),
    committedKeys: []
  }
  const block = place(target)
  const missing = (message: string) => problems.push({ message: `${where(target)}: ${message}`, ...block })
  if (!resolved.endpoint && fields.endpoint === undefined) {
    missing('no endpoint: the target names none and the endpoint input is not set')
  }
  // A value the file gave but cannot be used is already a problem of its own.
  if (!resolved.deployment && fields.deployment === undefined && probeNeedsDeployment(resolved.probe)) {
    missing(
      `no deployment: the target names none and the deployment input is not set (needed by probe ${resolved.probe}; or set probe to models or none)`
    )
  }
  if (defaults.auth === 'oidc' && !resolved.clientId && fields.clientId === undefined)
    missing('no client-id: the target names none and the client-id input is not set')
  if (defaults.auth === 'oidc' && !resolved.tenantId && fields.tenantId === undefined)
    missing('no tenant-id: the target names none and the tenant-id input is not set')
  return resolved
}

/** A file that gave no usable target (malformed, or in no format the action reads): one failing entry of its own. */
export function unreadableFile(
  file: string,
  findings: readonly ConfigFinding[],
  defaults: StepDefaults
): ResolvedTarget {
  return {
    endpoint: '',
    apiVersion: defaults.apiVersion,
    probe: defaults.probe,
    source: { file, line: findings.length > 0 ? findings[0].line : 1 },
    // The whole file: a change anywhere in it may be what makes it readable.
    block: { start: 1, end: Number.MAX_SAFE_INTEGER },
    positions: {},
    problems: findings.map((finding) => ({
      message: `${file}:${finding.line}: ${finding.message}`,
      file,
      line: finding.line,
      column: finding.column
    })),
    notes: [],
    committedKeys: []
  }
}

/** A label never starts like a workflow command (`::`, `##[`): it begins log lines. */
function commandSafe(label: string): string {
  return /^(::|##\[)/.test(label) ? `target ${label}` : label
}

/** The target of the `endpoint` input: the step's own values, as given (the endpoint checks judge its form). */
export function endpointInputTarget(endpoint: string, defaults: StepDefaults): ResolvedTarget {
  return {
    endpoint,
    deployment: defaults.deployment,
    apiVersion: defaults.apiVersion,
    probe: defaults.probe,
    clientId: defaults.clientId,
    tenantId: defaults.tenantId,
    source: { kind: 'inputs' },
    positions: {},
    problems: [],
    notes: [],
    committedKeys: []
  }
}

/**
 * Readable labels, unique in the run: `https://contoso.openai.azure.com/ (gpt-4o-mini)`, and where two targets
 * would read alike, the place each was written (`… [.env:3]`, `… [targets #2]`).
 */
export function labelTargets(
  entries: readonly { target: Pick<ResolvedTarget, 'endpoint' | 'deployment' | 'source'>; place: string }[]
): string[] {
  const base = entries.map(({ target, place }) => {
    if ('file' in target.source && !target.endpoint) return commandSafe(target.source.file)
    const endpoint = displayEndpoint(target.endpoint)
    if (!endpoint) return 'endpoint'
    // A file's endpoint that is not a URL (a placeholder, a hostile `::error::…`) is named by where it was written.
    const named = URL.canParse(target.endpoint) || place === 'inputs' ? endpoint : `target at ${place}`
    return commandSafe(target.deployment ? `${named} (${target.deployment})` : named)
  })
  const placed = base.map((label, index) =>
    base.indexOf(label) === base.lastIndexOf(label) ? label : `${label} [${entries[index].place}]`
  )
  // Still alike (one file naming one deployment twice on one line): numbered in order.
  return placed.map((label, index) => {
    const before = placed.slice(0, index).filter((other) => other === label).length
    return before === 0 ? label : `${label} #${before + 1}`
  })
}
