// Reading what an action told the runner: workflow commands on stdout and the key/value file commands
// (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE), parsed the way actions/runner does.

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

// @actions/core escapes data as %25 %0D %0A, and property values also as %3A %2C; `%25` must be undone last.
function unescapeData(value: string): string {
  return value.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%')
}

function unescapeProperty(value: string): string {
  return unescapeData(value.replaceAll('%3A', ':').replaceAll('%2C', ','))
}

function parseCommandLine(line: string): WorkflowCommand | undefined {
  if (!line.startsWith('::')) return undefined
  const end = line.indexOf('::', 2)
  if (end < 0) return undefined
  const head = line.slice(2, end)
  const space = head.indexOf(' ')
  const command = space < 0 ? head : head.slice(0, space)
  if (!/^[A-Za-z][\w-]*$/.test(command)) return undefined
  const properties: Record<string, string> = {}
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(',')) {
      const equals = pair.indexOf('=')
      if (equals > 0) properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1))
    }
  }
  return { command, properties, message: unescapeData(line.slice(end + 2)) }
}

/** Every workflow command in `stdout`, honouring `::stop-commands::<token>` … `::<token>::`. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const rawLine of stdout.split('\n')) {
    const line = rawLine.replace(/\r$/, '')
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const command = parseCommandLine(line)
    if (!command) continue
    if (command.command === 'stop-commands') stopToken = command.message
    else commands.push(command)
  }
  return commands
}

/** A file command file: `name<<delimiter` heredocs (what @actions/core writes) and plain `name=value` lines. */
export function parseKeyValueFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const end = lines.indexOf(delimiter, index + 1)
      if (end < 0) throw new Error(`unterminated value for '${name}': no closing delimiter ${delimiter}`)
      values[name] = lines.slice(index + 1, end).join('\n')
      index = end
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}
