import type { TokenCredential } from '@azure/identity'
import type { TargetConfig } from '../config/inputs.js'
import type { Deadline } from '../net/deadline.js'
import type { EndpointFacts } from './stages/endpoint.js'
import type { EventFacts } from './github-event.js'
import type { ControlPlaneRead } from './stages/control-plane.js'
import type { ProbeResult } from './stages/probe.js'
import type { SecretRegistry } from './secrets.js'

/** Everything one target's run has learned so far; each stage reads what earlier stages left here. */
export interface TargetRun {
  config: TargetConfig
  deadline: Deadline
  event: EventFacts
  secrets: SecretRegistry
  endpoint?: EndpointFacts
  /** Decoded claims of the GitHub OIDC token (never the token). */
  oidcClaims?: Record<string, unknown>
  credential?: TokenCredential
  /** Decoded claims of the Entra access token (never the token). */
  accessTokenClaims?: Record<string, unknown>
  accessTokenExpiresOn?: Date
  /** What the data plane said to the token and to the key, for the compare stage. */
  tokenProbe?: ProbeResult
  keyProbe?: ProbeResult
  /** The control plane's reads, started once the credential exists (concurrently with the data-plane work). */
  controlPlane?: Promise<ControlPlaneRead>
  /** The same, once the control-plane check has waited for it. */
  controlPlaneRead?: ControlPlaneRead
  /** The ARM id of the account behind the endpoint, once found: every fix that names the account uses it. */
  resourceId?: string
}
