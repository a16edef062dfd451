// Puts the `az` stand-in (az-stand-in.mjs) on a PATH for the CLI's `--auth cli`, logged in as a service principal
// of the world (or not logged in at all), in a config directory of its own.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const STAND_IN = join(HERE, 'az-stand-in.mjs')
const GUARD = join(HERE, 'guard.mjs')
const LOGIN_FILE = 'aoai-auth-check-stand-in-login.json'

export interface AzLogin {
  tenantId: string
  clientId: string
  clientSecret: string
  subscriptionId?: string
}

export interface AzStandIn {
  /** The directory holding `az`: put it first on the PATH. */
  binDir: string
  /** PATH with binDir first, and AZURE_CONFIG_DIR. */
  env(path?: string): Record<string, string>
}

/** `az` as a shell script running the stand-in with this Node and the network guard; `login` undefined = logged out. */
export function installAzStandIn(login: AzLogin | undefined): AzStandIn {
  const root = mkdtempSync(join(tmpdir(), 'aoai-az-'))
  const binDir = join(root, 'bin')
  const configDir = join(root, 'azure')
  mkdirSync(binDir)
  mkdirSync(configDir)
  const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`
  const az = join(binDir, 'az')
  writeFileSync(az, `#!/bin/sh\nexec ${quote(process.execPath)} --import ${quote(GUARD)} ${quote(STAND_IN)} "$@"\n`)
  chmodSync(az, 0o755)
  if (login) writeFileSync(join(configDir, LOGIN_FILE), JSON.stringify(login))
  return {
    binDir,
    env: (path = process.env.PATH ?? '/usr/bin:/bin') => ({ PATH: `${binDir}:${path}`, AZURE_CONFIG_DIR: configDir })
  }
}
