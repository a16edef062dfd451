// The test world's PKI: a CA and one leaf certificate for every production name the fakes answer for, plus the
// RSA signing keys of the fake issuers. Made once per test run with the openssl CLI (EC P-256 for TLS: ~70 ms).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where globalSetup leaves the PKI for the workers and subprocesses of one test run. */
export const PKI_DIR_VARIABLE = 'AOAI_TEST_WORLD_PKI'

/** Every name the leaf certificate covers. A wildcard matches exactly one label, as in real TLS. */
export const CERTIFICATE_NAMES = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'management.azure.com',
  'management.usgovcloudapi.net',
  'management.chinacloudapi.cn',
  '*.openai.azure.com',
  '*.cognitiveservices.azure.com',
  '*.services.ai.azure.com',
  '*.api.cognitive.microsoft.com',
  '*.openai.azure.us',
  '*.openai.azure.cn',
  'token.actions.githubusercontent.com',
  '*.actions.githubusercontent.com',
  'api.github.com',
  '*.azure-api.net'
] as const

/** The fake issuers' signing keys; `forger` signs tokens no fake trusts. */
export const SIGNING_KEY_NAMES = ['github', 'entra', 'forger'] as const
export type SigningKeyName = (typeof SIGNING_KEY_NAMES)[number]

export interface Pki {
  dir: string
  caFile: string
  certPem: string
  keyPem: string
  signingKeyPem(name: SigningKeyName): string
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
}

/** Writes a complete PKI into `dir` (CA, leaf, signing keys). */
export function createPki(dir: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30',
    '-subj', '/CN=aoai-auth-check test world CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir)
  openssl(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=aoai-auth-check test world'], dir)
  const san = CERTIFICATE_NAMES.map((name) => `DNS:${name}`).join(',')
  writeFileSync(join(dir, 'leaf.ext'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`)
  openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'leaf.pem', '-days', '30', '-extfile', 'leaf.ext'], dir)
  for (const name of SIGNING_KEY_NAMES) {
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', `${name}-signing.key`], dir)
  }
  writeFileSync(join(dir, 'complete'), '')
}

export function readPki(dir: string): Pki {
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    certPem: readFileSync(join(dir, 'leaf.pem'), 'utf8'),
    keyPem: readFileSync(join(dir, 'leaf.key'), 'utf8'),
    signingKeyPem: (name) => readFileSync(join(dir, `${name}-signing.key`), 'utf8')
  }
}

let processPki: Pki | undefined

/**
 * The PKI of this test run (made by globalSetup), or, for a process started outside vitest such as the demo,
 * a private one made now and removed when the process exits.
 */
export function testWorldPki(): Pki {
  if (processPki) return processPki
  const shared = process.env[PKI_DIR_VARIABLE]
  if (shared && existsSync(join(shared, 'complete'))) return (processPki = readPki(shared))
  const dir = mkdtempSync(join(tmpdir(), 'aoai-world-pki-'))
  createPki(dir)
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  return (processPki = readPki(dir))
}
