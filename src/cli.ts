#!/usr/bin/env node
// aoai-auth-check CLI: parses the command name and hands the rest to the command.
import packageJson from '../package.json' with { type: 'json' }
import { UsageError } from './cli/args.js'
import { runCheck } from './cli/check.js'
import { runExplain } from './cli/explain.js'
import { processIo, silenceWorkflowCommands, type CommandIo } from './cli/io.js'

type Command = (argv: readonly string[], io: CommandIo) => Promise<number>

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  check: { run: runCheck, summary: 'run the checks against an endpoint: sign-in, token, role, one probe call' },
  explain: { run: runExplain, summary: 'name the cause of a pasted Azure OpenAI / Entra ID / GitHub OIDC error' }
}

const HELP = `Usage: aoai-auth-check <command> [flags]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`).join('\n')}

Flags:
  --help      show this help ('aoai-auth-check <command> --help' for a command's flags)
  --version   print the version
`

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    process.stderr.write(HELP)
    return 2
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(HELP)
    return 0
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`aoai-auth-check ${packageJson.version}\n`)
    return 0
  }
  if (name === 'help') return rest.length ? runCommand(rest[0], ['--help']) : main(['--help'])
  return runCommand(name, rest)
}

function runCommand(name: string, argv: readonly string[]): Promise<number> {
  const command = COMMANDS[name]
  if (!command) throw new UsageError(`unknown command '${name}'; commands: ${Object.keys(COMMANDS).join(', ')}`)
  return command.run(argv, processIo).catch((error: unknown) => {
    if (error instanceof UsageError) error.message += `\nRun 'aoai-auth-check ${name} --help' for its flags.`
    throw error
  })
}

silenceWorkflowCommands()
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      const hint = error.message.includes('--help') ? '' : "\nRun 'aoai-auth-check --help' for usage."
      process.stderr.write(`aoai-auth-check: ${error.message}${hint}\n`)
      process.exitCode = 2
    } else {
      process.stderr.write(`aoai-auth-check: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    }
  }
)
