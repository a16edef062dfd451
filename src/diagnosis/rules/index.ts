// The rule order, in one place. Earlier rows win; later matching rows become alternatives. A row holds when every
// criterion it names holds (text: the regex finds a match; aadsts: one of the codes is present; code: a service
// error code matches; status; phase: the observation's phase, or 'unknown' when none was given, is listed).
import { CONTROL_PLANE_RULES } from './control-plane.js'
import { DATA_PLANE_RULES } from './data-plane.js'
import { ENTRA_TOKEN_RULES } from './entra-token.js'
import { SERVICE_ERROR_RULES, STATUS_FALLBACK_RULES } from './fallbacks.js'
import { GITHUB_OIDC_RULES } from './github-oidc.js'
import { SETUP_RULES } from './setup.js'
import { CONNECTION_RULES, PATH_RULES } from './transport.js'
import type { RuleGroup } from './types.js'

/**
 * Most specific first: GitHub's and Entra's codes name one step; the data plane's and Resource Manager's codes
 * come next; then what intercepts on the path (a proxy, TLS inspection); the login's own setup (a chain with
 * nothing configured) only after those, because a chain summary that carries an AADSTS code, a service error, a
 * proxy or a certificate error is that error; then the connection itself (a chain's refused or timed-out managed
 * identity probe is the chain's, not the network's), the service's 5xx sentences, and a bare status last.
 */
export const RULE_GROUPS: readonly RuleGroup[] = [
  { phase: 'github-oidc', rules: GITHUB_OIDC_RULES },
  { phase: 'entra-token', rules: ENTRA_TOKEN_RULES },
  { phase: 'data-plane', rules: DATA_PLANE_RULES },
  { phase: 'control-plane', rules: CONTROL_PLANE_RULES },
  { phase: 'transport', rules: PATH_RULES },
  { phase: 'inputs', rules: SETUP_RULES },
  { phase: 'transport', rules: CONNECTION_RULES },
  { phase: 'data-plane', rules: SERVICE_ERROR_RULES },
  { phase: 'data-plane', rules: STATUS_FALLBACK_RULES }
]

export type { Candidate, DiagnosisContext, ErrorPhase, Facts, Rule, RuleGroup } from './types.js'
