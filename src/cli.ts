#!/usr/bin/env node
// aoai-auth-check CLI: parses the command name and hands the rest to the command.
import { UsageError } from './cli/args.js'
import { runExplain } from './cli/explain.js'
import { processIo, type CommandIo } from './cli/io.js'

type Command = (argv: readonly string[], io: CommandIo) => Promise<number>

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  explain: { run: runExplain, summary: 'name the cause of a pasted Azure OpenAI / Entra ID / GitHub OIDC error' }
}

const HELP = `Usage: aoai-auth-check <command> [flags]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`).join('\n')}

Run 'aoai-auth-check <command> --help' for a command's flags.
`

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    process.stderr.write(HELP)
    return 2
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP)
    return 0
  }
  const command = COMMANDS[name]
  if (!command) throw new UsageError(`unknown command '${name}'; commands: ${Object.keys(COMMANDS).join(', ')}`)
  return command.run(rest, processIo)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`aoai-auth-check: ${error.message}\nRun 'aoai-auth-check --help' for usage.\n`)
      process.exitCode = 2
    } else {
      process.stderr.write(`aoai-auth-check: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    }
  }
)
