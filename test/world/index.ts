// The test world: HTTPS fakes of GitHub OIDC, Entra ID, Azure OpenAI and ARM on loopback, reached by their
// production hostnames through a local CONNECT proxy, with a test CA. One scenario object configures it all.
import { startFakeServer, startProxy, type RecordedConnect, type RecordedRequest } from './fake-internet.ts'
import { startUntrustedServer } from './faults.ts'
import { canRequestIdToken, githubVariables } from './github-context.ts'
import { OIDC_REQUEST_URL } from './github-oidc.ts'
import type { WorldState } from './http.ts'
import { signingKey } from './keys.ts'
import { IDENTITY_HEADER, startManagedIdentityEndpoint } from './managed-identity.ts'
import { testWorldPki } from './pki.ts'
import { buildScenario, TOKEN_EXCHANGE_AUDIENCE, type Scenario, type ScenarioOverrides } from './scenario.ts'
import { mintIdToken } from './github-oidc.ts'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export * from './scenario.ts'
export type { RecordedConnect, RecordedRequest } from './fake-internet.ts'
export { mintIdToken, OIDC_REQUEST_URL } from './github-oidc.ts'
export { httpDateIn } from './faults.ts'

export interface World {
  /** Mutable: tests may change it between runs. */
  scenario: Scenario
  /** The variables a job step gets in this world (proxy, CA, OIDC request variables when permitted, GITHUB_*). */
  env(): Record<string, string>
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER of the host's managed identity endpoint (App Service protocol). */
  managedIdentityEnv(): Record<string, string>
  /**
   * A file holding a GitHub OIDC token of the current scenario's job (what AZURE_FEDERATED_TOKEN_FILE names):
   * a workflow that saved its ID token, or any workload handed a federated token.
   */
  federatedTokenFile(audience?: string): Promise<string>
  requests: RecordedRequest[]
  connects: RecordedConnect[]
  /** Every token, assertion, runtime bearer, key and client secret the world minted or holds. */
  secrets(): string[]
  stop(): Promise<void>
}

export async function startWorld(overrides?: ScenarioOverrides): Promise<World> {
  const pki = testWorldPki()
  await Promise.all([signingKey('github'), signingKey('entra')])
  const state: WorldState = { scenario: buildScenario(overrides), secrets: new Set() }
  const requests: RecordedRequest[] = []
  const connects: RecordedConnect[] = []
  const server = await startFakeServer(pki, state, requests)
  const untrusted = await startUntrustedServer()
  const proxy = await startProxy(state, server.port, connects, untrusted.port)
  const managedIdentity = await startManagedIdentityEndpoint(state, requests)
  return {
    get scenario() { return state.scenario },
    set scenario(scenario: Scenario) { state.scenario = scenario },
    requests,
    connects,
    env() {
      const github = state.scenario.github
      const oidc: Record<string, string> = canRequestIdToken(github)
        ? { ACTIONS_ID_TOKEN_REQUEST_URL: OIDC_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.runtimeToken }
        : {}
      return { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`, NODE_EXTRA_CA_CERTS: pki.caFile, ...oidc,
        ...githubVariables(github) }
    },
    managedIdentityEnv: () => ({ ...managedIdentity.env }),
    async federatedTokenFile(audience = TOKEN_EXCHANGE_AUDIENCE) {
      const token = await mintIdToken(state.scenario.github, audience)
      state.secrets.add(token)
      const file = join(mkdtempSync(join(tmpdir(), 'aoai-fic-')), 'azure-identity-token')
      writeFileSync(file, token)
      return file
    },
    secrets() {
      const held = [
        IDENTITY_HEADER,
        state.scenario.github.runtimeToken,
        ...state.scenario.tenants.flatMap((t) => t.identities.flatMap((i) => i.clientSecrets)),
        ...state.scenario.accounts.flatMap((a) => a.keys)
      ]
      return [...new Set([...state.secrets, ...held])]
    },
    async stop() {
      await Promise.all([proxy.close(), server.close(), untrusted.close(), managedIdentity.close()])
    }
  }
}
