// A stand-in for the Azure CLI, for `aoai-auth-check check --auth cli`: it answers the one command
// @azure/identity's AzureCliCredential runs, `az account get-access-token --output json --resource R
// [--tenant T] [--subscription S]`, by getting the token from the test world's Entra ID the way `az login
// --service-principal` would (client credentials with the login's secret), through HTTPS_PROXY.
// The login lives in $AZURE_CONFIG_DIR/aoai-auth-check-stand-in-login.json ({ tenantId, clientId, clientSecret,
// subscriptionId, authorityHost? }), written by test/world/azure-cli.ts; without it, az's own "not logged in" text.
// Output shape: `az account get-access-token` of Azure CLI >= 2.54 (expiresOn local time, expires_on epoch
// seconds), as AzureCliCredential parses it (node_modules/@azure/identity/.../azureCliCredential.js).
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { EnvHttpProxyAgent, fetch } from 'undici'

export const LOGIN_FILE = 'aoai-auth-check-stand-in-login.json'

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}

function option(args, name) {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

function readLogin() {
  const dir = process.env.AZURE_CONFIG_DIR || join(homedir(), '.azure')
  try {
    return JSON.parse(readFileSync(join(dir, LOGIN_FILE), 'utf8'))
  } catch {
    // What az prints when no account is logged in (azure-cli's profile: "Please run 'az login' to setup account.")
    return fail("ERROR: Please run 'az login' to setup account.")
  }
}

/** Local time as azure-cli prints expiresOn: "2026-12-02 19:30:00.000000". */
function localTimestamp(date) {
  const pad = (n) => String(n).padStart(2, '0')
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.000000`
  )
}

async function getAccessToken(args) {
  const resource = option(args, '--resource')
  if (!resource) fail('ERROR: the following arguments are required: --resource', 2)
  const login = readLogin()
  const tenant = option(args, '--tenant') ?? login.tenantId
  const host = login.authorityHost ?? 'https://login.microsoftonline.com'
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: login.clientId,
    client_secret: login.clientSecret,
    scope: `${resource.replace(/\/$/, '')}/.default`
  })
  const response = await fetch(`${host}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body,
    dispatcher: new EnvHttpProxyAgent(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' }
  }).catch((error) => fail(`ERROR: ${error.cause?.message ?? error.message}`))
  const answer = await response.json()
  // azure-cli shows MSAL's error_description after "ERROR: " (e.g. Azure/azure-cli#22145).
  if (!response.ok) fail(`ERROR: ${answer.error_description ?? JSON.stringify(answer)}`)
  const expires = Math.floor(Date.now() / 1000) + Number(answer.expires_in)
  process.stdout.write(
    `${JSON.stringify(
      {
        accessToken: answer.access_token,
        expiresOn: localTimestamp(new Date(expires * 1000)),
        expires_on: expires,
        subscription: option(args, '--subscription') ?? login.subscriptionId,
        tenant,
        tokenType: 'Bearer'
      },
      null,
      2
    )}\n`
  )
}

const args = process.argv.slice(2)
if (args[0] === 'account' && args[1] === 'get-access-token') await getAccessToken(args)
else if (args[0] === '--version')
  process.stdout.write('azure-cli                         2.67.0 (test-world stand-in)\n')
else fail(`ERROR: '${args.join(' ')}' is misspelled or not recognized by the system (test-world stand-in).`, 2)
