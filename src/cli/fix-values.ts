// The user's values for a fix, as far as a pasted error shows them (the live action knows more).
import { dataPlaneRoleFor, type FixValues } from '../causes/catalogue.js'
import { cloudOfHost, hostIsUnder } from '../azure/clouds.js'
import { isGuid } from '../azure/guid.js'

const GITHUB_ISSUER = /^https:\/\/token\.actions\.(?:githubusercontent\.com|[\w-]+\.ghe\.com)/

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

function url(value: unknown): string | undefined {
  return text(value)?.startsWith('https://') ? (value as string) : undefined
}

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
    endpoint: host && cloud?.subdomainSuffixes.some((suffix) => hostIsUnder(host, suffix))
      ? `https://${host}/`
      : undefined,
    deployment: text(evidence.deployment),
    apiVersion: text(evidence.apiVersion),
    model: text(evidence.model),
    parameter: text(evidence.parameter),
    role: dataPlaneRoleFor({ dataAction: text(evidence.dataAction) }),
    retryAfterSeconds: typeof evidence.retryAfterSeconds === 'number' ? evidence.retryAfterSeconds : undefined
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as FixValues
}
