// The one explain path: an error observation → its diagnosis, the catalogue entry, and the fix with the user's own
// values. The CLI's `explain` knows only what the pasted text shows; the pipeline adds what the run knows.
import { CATALOGUE, dataPlaneRoleFor, type CauseEntry, type FixValues } from '../causes/catalogue.js'
import type { Fix } from '../causes/fix.js'
import type { CauseId } from '../causes/ids.js'
import { classify } from './classify.js'
import type { Diagnosis, DiagnosisContext, ErrorObservation } from './types.js'
import { cloudOfHost, hostIsUnder } from '../azure/clouds.js'
import { isGuid } from '../azure/guid.js'

const GITHUB_ISSUER = /^https:\/\/token\.actions\.(?:githubusercontent\.com|[\w-]+\.ghe\.com)/

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

function url(value: unknown): string | undefined {
  return text(value)?.startsWith('https://') ? (value as string) : undefined
}

/** The user's values for a fix, as far as the evidence shows them. */
export function fixValuesFromEvidence(evidence: Record<string, unknown>): FixValues {
  const claims = Array.isArray(evidence.jwtClaims) ? (evidence.jwtClaims as Record<string, unknown>[]) : []
  const github = claims.find((c) => GITHUB_ISSUER.test(text(c.iss) ?? ''))
  const entra = claims.find((c) => c !== github && typeof c.tid === 'string')
  const host = text(evidence.host)
  const tenant = text(evidence.tenant)
  const cloud = host ? cloudOfHost(host) : undefined
  const values: FixValues = {
    subject: text(evidence.subject) ?? text(github?.sub),
    subjectCaseOnly: evidence.subjectCaseOnly === true || undefined,
    issuer: text(evidence.issuer) ?? text(github?.iss),
    clientId: text(evidence.clientId) ?? text(entra?.appid) ?? text(entra?.azp),
    tenantId: (tenant && isGuid(tenant) ? tenant : undefined) ?? text(entra?.tid),
    principalId: text(evidence.principalId) ?? text(entra?.oid),
    tokenAudience: text(entra?.aud),
    scope: url(evidence.expectedAudience)?.replace(/\/?$/, '/.default'),
    host,
    cloud: cloud?.name,
    endpoint:
      host && cloud?.subdomainSuffixes.some((suffix) => hostIsUnder(host, suffix)) ? `https://${host}/` : undefined,
    deployment: text(evidence.deployment),
    apiVersion: text(evidence.apiVersion),
    model: text(evidence.model),
    modelVersion: text(evidence.modelVersion),
    retiresOn: text(evidence.retiresOn),
    replacement: text(evidence.replacement),
    upgradeEffect: text(evidence.upgradeEffect),
    assignedAgo: text(evidence.assignedAgo),
    parameter: text(evidence.parameter),
    role:
      text(evidence.roleToGrant) ??
      text(evidence.assignedRole) ??
      dataPlaneRoleFor({ dataAction: text(evidence.dataAction) }),
    resourceScope: text(evidence.scope),
    retryAfterSeconds: typeof evidence.retryAfterSeconds === 'number' ? evidence.retryAfterSeconds : undefined
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

export interface Explanation {
  diagnosis: Diagnosis
  entry: CauseEntry
  fix: Fix
}

/**
 * Explains an error: the classifier's diagnosis and the cause's fix, filled with the values the caller knows
 * (`known`, which win) and those the evidence shows.
 */
export function explain(
  observation: ErrorObservation,
  context: DiagnosisContext = {},
  known: FixValues = {}
): Explanation {
  const diagnosis = classify(observation, context)
  return { diagnosis, entry: CATALOGUE[diagnosis.cause], fix: fixFor(diagnosis.cause, known, diagnosis.evidence) }
}

/** A cause's fix with the values the caller knows, completed by what the evidence shows. */
export function fixFor(cause: CauseId, known: FixValues, evidence: Record<string, unknown> = {}): Fix {
  return CATALOGUE[cause].fix({ ...fixValuesFromEvidence(evidence), ...known })
}
