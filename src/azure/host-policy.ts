import { azureAiSuffixes, hostIsUnder, type Cloud } from './clouds.js'

export interface HostVerdict {
  allowed: boolean
  /** Why the host may receive credentials. */
  reason?: 'azure-ai-host' | 'allowed-hosts'
}

/**
 * May a bearer token or key be sent to `host`? Only the chosen cloud's Azure AI hosts, or hosts the workflow
 * itself lists in `allowed-hosts` (exact names, or `*.suffix` for one or more labels under a suffix).
 */
export function credentialHostVerdict(host: string, cloud: Cloud, allowedHosts: readonly string[]): HostVerdict {
  const name = host.toLowerCase()
  const azureAiHost = azureAiSuffixes(cloud).some((suffix) => hostIsUnder(name, suffix))
  if (azureAiHost) return { allowed: true, reason: 'azure-ai-host' }
  const listed = allowedHosts.some((allowed) =>
    allowed.startsWith('*.') ? hostIsUnder(name, allowed.slice(2)) : allowed.toLowerCase() === name
  )
  return listed ? { allowed: true, reason: 'allowed-hosts' } : { allowed: false }
}
