// vitest globalSetup: make the test world's PKI once per run and hand it to the forked workers through the
// environment (NODE_EXTRA_CA_CERTS is read only at process start), with inherited proxy settings removed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPki, PKI_DIR_VARIABLE } from './pki.ts'

/** Variables that could send a library straight to the real internet or change which proxy it uses. */
export const INHERITED_NETWORK_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY',
  'all_proxy', 'NO_PROXY', 'no_proxy', 'NODE_USE_ENV_PROXY', 'AZURE_AUTHORITY_HOST', 'AZURE_REGIONAL_AUTHORITY_NAME']

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'aoai-world-pki-'))
  createPki(dir)
  process.env[PKI_DIR_VARIABLE] = dir
  process.env.NODE_EXTRA_CA_CERTS = join(dir, 'ca.pem')
  for (const name of INHERITED_NETWORK_VARIABLES) delete process.env[name]
  return () => rmSync(dir, { recursive: true, force: true })
}
