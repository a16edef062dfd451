// Fake Microsoft Entra ID: the v2.0 token endpoint (client credentials with a federated client assertion or a client
// secret), discovery documents, and the keys that sign its access tokens. It verifies assertions for real: the
// issuer's keys are resolved in-process (never fetched), then iss, exp/nbf, aud and an exact, case-sensitive sub.
import { randomUUID } from 'node:crypto'
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import { entraErrors, type FakeError } from './errors.ts'
import { json, type Fake, type FakeRequest, type FakeResponse, type WorldState } from './http.ts'
import { signingKey } from './keys.ts'
import { GITHUB_ISSUER, type Identity, type Tenant } from './scenario.ts'

/** Resources (token audiences) every tenant knows, as `<resource>/.default` scopes name them. */
export const KNOWN_RESOURCES = [
  'https://cognitiveservices.azure.com', 'https://ai.azure.com', 'https://management.azure.com',
  'https://management.core.windows.net', 'https://cognitiveservices.azure.us', 'https://management.usgovcloudapi.net',
  'https://cognitiveservices.azure.cn', 'https://management.chinacloudapi.cn'
]

export const ACCESS_TOKEN_LIFETIME_SECONDS = 4199

/** Issuers whose keys Entra can resolve, each with the key that really signs its tokens. */
const TRUSTED_ISSUER_KEYS: Record<string, 'github'> = { [GITHUB_ISSUER]: 'github' }

const fail = (error: FakeError): FakeResponse => json(error.status, error.body)

export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`
}

function findTenant(state: WorldState, tenant: string): Tenant | undefined {
  return state.scenario.tenants.find((t) => t.id.toLowerCase() === tenant.toLowerCase())
}

async function verifyFederatedAssertion(assertion: string, identity: Identity, tenant: Tenant):
  Promise<FakeError | undefined> {
  let claims: ReturnType<typeof decodeJwt>
  try {
    claims = decodeJwt(assertion)
  } catch {
    return entraErrors.malformedAssertion()
  }
  if (identity.federatedCredentials.length === 0) {
    return entraErrors.noFederatedCredentials(identity.clientId, identity.displayName)
  }
  const issuer = String(claims.iss ?? '')
  const subject = String(claims.sub ?? '')
  const audiences = Array.isArray(claims.aud) ? claims.aud : [String(claims.aud ?? '')]
  const generic = () => entraErrors.genericFederationMismatch(issuer, subject, audiences.join(','))
  const byIssuer = identity.federatedCredentials.filter((fic) => fic.issuer === issuer)
  if (byIssuer.length === 0) return tenant.genericFederationErrors ? generic() : entraErrors.issuerMismatch(issuer)

  const keyName = TRUSTED_ISSUER_KEYS[issuer]
  if (!keyName) return entraErrors.issuerMismatch(issuer)
  try {
    await jwtVerify(assertion, (await signingKey(keyName)).publicKey, { issuer, algorithms: ['RS256'] })
  } catch (error) {
    const notYetValid = error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf'
    if (error instanceof joseErrors.JWTExpired || notYetValid) {
      const now = new Date()
      return entraErrors.assertionOutsideValidTime(now, new Date(Number(claims.nbf ?? claims.iat ?? 0) * 1000),
        new Date(Number(claims.exp ?? 0) * 1000))
    }
    return entraErrors.invalidAssertionSignature()
  }

  const byAudience = byIssuer.filter((fic) => fic.audiences.some((a) => audiences.includes(a)))
  if (byAudience.length === 0) {
    return tenant.genericFederationErrors ? generic() : entraErrors.audienceMismatch(audiences.join(','))
  }
  if (byAudience.some((fic) => fic.subject === subject)) return undefined
  if (tenant.genericFederationErrors) return generic()
  const caseOnly = byAudience.some((fic) => fic.subject.toLowerCase() === subject.toLowerCase())
  if (caseOnly) return entraErrors.subjectCaseMismatch(subject)
  return entraErrors.subjectMismatch(subject)
}

export async function mintAccessToken(tenant: Tenant, identity: Identity, resource: string): Promise<string> {
  const key = await signingKey('entra')
  const now = Math.floor(Date.now() / 1000)
  const claims: Record<string, unknown> = {
    aud: resource,
    iss: v1Issuer(tenant.id),
    iat: now,
    nbf: now,
    exp: now + ACCESS_TOKEN_LIFETIME_SECONDS,
    aio: 'k2BgYDh1testworld',
    appid: identity.clientId,
    appidacr: '2',
    idp: v1Issuer(tenant.id),
    idtyp: 'app',
    oid: identity.principalId,
    rh: '1.AXEAtestworld.',
    sub: identity.principalId,
    tid: tenant.id,
    uti: randomUUID().replaceAll('-', '').slice(0, 22),
    ver: '1.0',
    xms_idrel: '7 20'
  }
  if (identity.kind === 'managed-identity') {
    claims.xms_mirid = `/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourcegroups/rg-identities/providers/` +
      `Microsoft.ManagedIdentity/userAssignedIdentities/${identity.displayName}`
  }
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid })
    .sign(key.privateKey)
}

async function tokenRequest(tenantSegment: string, request: FakeRequest, state: WorldState): Promise<FakeResponse> {
  const form = new URLSearchParams(request.body)
  const tenant = findTenant(state, tenantSegment)
  if (!tenant) return fail(entraErrors.tenantNotFound(tenantSegment))
  const clientId = form.get('client_id') ?? ''
  const identity = tenant.identities.find((i) => i.clientId.toLowerCase() === clientId.toLowerCase())
  if (!identity) return fail(entraErrors.applicationNotFound(clientId, tenant.displayName))

  const assertion = form.get('client_assertion')
  const secret = form.get('client_secret')
  if (assertion !== null) {
    const rejection = await verifyFederatedAssertion(assertion, identity, tenant)
    if (rejection) return fail(rejection)
  } else if (secret === null || !identity.clientSecrets.includes(secret)) {
    return fail(entraErrors.invalidClientSecret(identity.clientId))
  }

  const scope = (form.get('scope') ?? '').split(' ').find((s) => s.endsWith('/.default')) ?? ''
  const resource = scope.slice(0, -'/.default'.length).replace(/\/$/, '')
  if (!KNOWN_RESOURCES.includes(resource)) return fail(entraErrors.resourceNotFound(resource || scope, tenant.id))
  const accessToken = await mintAccessToken(tenant, identity, resource)
  state.secrets.add(accessToken)
  return json(200, { token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS, access_token: accessToken })
}

function openIdConfiguration(host: string, tenant: string): Record<string, unknown> {
  const base = `https://${host}/${tenant}`
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `https://${host}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `https://${host}/${tenant}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: 'NA',
    cloud_instance_name: host.replace(/^login\./, ''),
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com'
  }
}

export const entra: Fake = async (request, state) => {
  const [, tenant = '', ...rest] = request.path.split('/')
  const route = rest.join('/')
  if (tenant === 'common' && route === 'discovery/instance') {
    const discoveryTenant = request.query.get('tenant') ?? 'common'
    return json(200, {
      tenant_discovery_endpoint: `https://${request.host}/${discoveryTenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: request.host, preferred_cache: request.host, aliases: [request.host] }]
    })
  }
  if (route === 'oauth2/v2.0/token' && request.method === 'POST') {
    const location = state.scenario.redirects[request.host]
    if (location) return { status: 307, headers: { location }, body: '' }
    return tokenRequest(tenant, request, state)
  }
  if (route === 'v2.0/.well-known/openid-configuration') {
    return findTenant(state, tenant)
      ? json(200, openIdConfiguration(request.host, tenant))
      : fail(entraErrors.tenantNotFound(tenant))
  }
  if (route === 'discovery/v2.0/keys') return json(200, { keys: [(await signingKey('entra')).jwk] })
  return json(404, { error: 'not_found', error_description: `no route ${request.method} ${request.path}` })
}
