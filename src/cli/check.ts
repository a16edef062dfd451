// `aoai-auth-check check`: the action's pipeline from any machine. The flags become the action's inputs (read and
// validated by the same code), the sign-in is chosen from what the machine has, and the result is reported to the
// terminal, or as the action's JSON report with --json.
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import packageJson from '../../package.json' with { type: 'json' }
import { availability, chooseSignIn, describeSignIn, type Environment, type SignInMode } from '../azure/credentials.js'
import { getInputs, InvalidInputError, type ActionConfig } from '../config/inputs.js'
import { withRepositoryTargets } from '../config/repository-targets.js'
import { SecretRegistry } from '../security/secrets.js'
import { redactDeep, redactSecrets } from '../security/redact.js'
import { runPipeline } from '../pipeline/pipeline.js'
import type { CheckResult } from '../pipeline/types.js'
import { findingsOf, leadingFinding } from '../report/findings.js'
import { headline as headlineOf } from '../report/headline.js'
import { jsonReport } from '../report/json-report.js'
import { UsageError } from './args.js'
import { CHECK_HELP, parseCheckRequest, type CheckRequest } from './check-flags.js'
import type { CommandIo } from './io.js'
import { checkLine, finalReport } from './terminal-report.js'

const SIGN_IN_MODES: readonly SignInMode[] = ['oidc', 'env', 'cli', 'managed-identity', 'api-key']

/** Where an input's problem is fixed on the command line: the flag, or the variable that stands in for one. */
const FLAG_OF_INPUT: Record<string, string> = {
  'timeout-seconds': '--timeout',
  'api-key': 'the environment variable AZURE_OPENAI_API_KEY',
  'client-id': '--client-id (or AZURE_CLIENT_ID)',
  'tenant-id': '--tenant-id (or AZURE_TENANT_ID)'
}

export async function runCheck(argv: readonly string[], io: CommandIo): Promise<number> {
  const request = parseCheckRequest(argv)
  if (request === 'help') {
    io.out(CHECK_HELP)
    return 0
  }
  const env = process.env
  const signIn = resolveSignIn(request, env)
  const secrets = new SecretRegistry()
  // Config files are read from the current directory as the action reads them from the workspace: nothing outside.
  const config = await withRepositoryTargets(readConfig(request, signIn.mode, env), {
    workspace: process.cwd(),
    onSecret: (value) => {
      secrets.add(value)
    }
  }).catch((error: unknown) => {
    if (!(error instanceof InvalidInputError)) throw error
    throw new UsageError(error.problems.map((problem) => `--${problem.input} ${problem.message}`).join('\n'))
  })
  const signInLine = describeSignIn(signIn.mode, env, signIn.chosenBecause)
  if (!request.json) io.out(`Sign-in: ${signInLine}\n`)
  // Each check's line as soon as it is known; the pipeline redacts what it records, and this once more.
  const held = [env.AZURE_CLIENT_SECRET, env.AZURE_OPENAI_API_KEY].filter((value): value is string => Boolean(value))
  const live = request.json
    ? undefined
    : (check: CheckResult) => {
        io.out(redactSecrets(checkLine(check, io.paint), held))
      }
  const { run, deadline } = await runPipeline(config, { observe: live, secrets })

  // Redacted once more with this run's own credentials before anything is printed, as the action's report is.
  const clean = redactDeep(run, secrets.all())
  const findings = findingsOf(clean)
  const lead = leadingFinding(clean)
  if (request.json) {
    const report = jsonReport(clean, { findings, lead, failOn: request.failOn, version: packageJson.version })
    io.out(`${JSON.stringify(report, null, 2)}\n`)
  } else {
    io.out(finalReport(clean, { headline: headlineOf(clean, lead), findings, signIn: signInLine }, io.paint))
  }
  const failed = clean.outcome === 'fail' || (clean.outcome === 'warn' && request.failOn === 'warning')
  const code = failed ? 1 : 0
  // A call the deadline cut short may still hold a socket open: end now rather than hang (as the action does).
  if (deadline.abandonedWork || deadline.expired()) process.exit(code)
  return code
}

/** The mode asked for (checked that this machine has what it needs), or for auto the first one it has. */
function resolveSignIn(request: CheckRequest, env: Environment): { mode: SignInMode; chosenBecause?: string } {
  const facts = { env, clientId: request.clientId, tenantId: request.tenantId, azOnPath: onPath('az', env) }
  if (request.auth === 'auto') {
    const choice = chooseSignIn(facts)
    if (choice.mode) return { mode: choice.mode, chosenBecause: choice.reason }
    const why = choice.reasons.map((entry) => `${entry.mode} ${entry.reason}`).join('; ')
    throw new UsageError(`--auth auto found no way to sign in on this machine (${why}); choose one with --auth`)
  }
  const verdict = availability(request.auth, facts)
  if (!verdict.available) throw new UsageError(`--auth ${request.auth} ${verdict.reason}`)
  return { mode: request.auth }
}

/**
 * The flags as the action's inputs, read by the action's own reader, so both validate alike. Each input problem
 * becomes a usage error naming the flag. The key only ever comes from AZURE_OPENAI_API_KEY, and only for api-key.
 */
function readConfig(request: CheckRequest, mode: SignInMode, env: Environment): ActionConfig {
  const idsFromEnvironment = mode === 'env' || mode === 'oidc' || mode === 'managed-identity'
  const inputs: Record<string, string | undefined> = {
    endpoint: request.endpoint,
    deployment: request.deployment,
    'api-version': request.apiVersion,
    probe: request.probe,
    auth: mode,
    'client-id': request.clientId ?? (idsFromEnvironment ? env.AZURE_CLIENT_ID : undefined),
    'tenant-id': request.tenantId ?? (idsFromEnvironment ? env.AZURE_TENANT_ID : undefined),
    environment: request.environment,
    'timeout-seconds': request.timeoutSeconds?.toString(),
    'fail-on': request.failOn,
    'config-file': request.configFiles.join('\n'),
    'api-key': mode === 'api-key' ? env.AZURE_OPENAI_API_KEY : undefined
  }
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value ?? ''
  try {
    return getInputs(SIGN_IN_MODES)
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    const problems = error.problems.map(
      (problem) => `${FLAG_OF_INPUT[problem.input] ?? `--${problem.input}`} ${problem.message}`
    )
    throw new UsageError(problems.join('\n'))
  }
}

function onPath(command: string, env: Environment): boolean {
  const names = process.platform === 'win32' ? [`${command}.cmd`, `${command}.exe`] : [command]
  return (env.PATH ?? '').split(delimiter).some((dir) =>
    names.some((name) => {
      try {
        accessSync(join(dir, name), constants.X_OK)
        return true
      } catch {
        return false
      }
    })
  )
}
