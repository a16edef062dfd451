// Which production host is served by which fake, and which names the test certificate covers.
import { arm } from './arm.ts'
import { azureOpenAi, knowsDataPlaneHost } from './azure-openai.ts'
import { entra } from './entra.ts'
import { githubOidc } from './github-oidc.ts'
import { GITHUB_API_HOST, githubRest } from './github-rest.ts'
import type { Fake, WorldState } from './http.ts'
import { CERTIFICATE_NAMES } from './pki.ts'

const ENTRA_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn']
const ARM_HOSTS = ['management.azure.com', 'management.usgovcloudapi.net', 'management.chinacloudapi.cn']
const GITHUB_SUFFIX = '.actions.githubusercontent.com'

/** As TLS matches: a wildcard stands for exactly one label. */
export function coveredByCertificate(host: string): boolean {
  return CERTIFICATE_NAMES.some((name) => {
    if (!name.startsWith('*.')) return host === name
    const suffix = name.slice(1)
    const label = host.slice(0, -suffix.length)
    return host.endsWith(suffix) && label.length > 0 && !label.includes('.')
  })
}

/** The fake answering for `host` in this scenario, or undefined when the host does not exist in this world. */
export function fakeFor(state: WorldState, host: string): Fake | undefined {
  if (!coveredByCertificate(host)) return undefined
  if (host.endsWith(GITHUB_SUFFIX)) return githubOidc
  if (host === GITHUB_API_HOST) return githubRest
  if (ENTRA_HOSTS.includes(host)) return entra
  if (ARM_HOSTS.includes(host)) return arm
  if (knowsDataPlaneHost(state, host)) return azureOpenAi
  return undefined
}
