// What a value of a target may be, whether it comes from an input, the `targets` input or a repository file:
// one rule per setting, each saying what is allowed when the value is not.
import { GUID_SOURCE } from '../azure/guid.js'

export type ProbeKind = 'auto' | 'chat' | 'embeddings' | 'responses' | 'models' | 'none'

export const DEFAULT_API_VERSION = '2024-10-21'
export const PROBE_KINDS: readonly ProbeKind[] = ['auto', 'chat', 'embeddings', 'responses', 'models', 'none']

export const GUID = new RegExp(`^${GUID_SOURCE}$`)
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/
const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/** Why a deployment name is not one (`shown` is how the message quotes it), or undefined when it is. */
export function deploymentProblem(value: string, shown: string): string | undefined {
  return DEPLOYMENT_NAME.test(value)
    ? undefined
    : `${shown} is not a deployment name (letters, digits, '.', '_' and '-', up to 64)`
}

export function apiVersionProblem(value: string, shown: string): string | undefined {
  if (value === 'v1' || API_VERSION.test(value)) return undefined
  return (
    `${shown} is not allowed; use a dated version YYYY-MM-DD or YYYY-MM-DD-preview ` +
    `(e.g. ${DEFAULT_API_VERSION}) or v1`
  )
}

export function probeProblem(value: string, shown: string): string | undefined {
  return (PROBE_KINDS as readonly string[]).includes(value)
    ? undefined
    : `${shown} is not allowed; use one of: ${PROBE_KINDS.join(', ')}`
}

export function isClientId(value: string): boolean {
  return GUID.test(value)
}

export function isTenantId(value: string): boolean {
  return GUID.test(value) || TENANT_DOMAIN.test(value)
}

/** Probes that call a deployment, and so need one. */
export function probeNeedsDeployment(probe: ProbeKind): boolean {
  return probe === 'auto' || probe === 'chat' || probe === 'embeddings' || probe === 'responses'
}
