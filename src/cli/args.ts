// A small, strict flag parser: every flag is declared, every value checked, and a mistake names the flag and
// what it allows.

export class UsageError extends Error {
  override name = 'UsageError'
}

export type FlagSpec =
  | { kind: 'boolean'; description: string }
  | { kind: 'string'; description: string; valueName: string; repeatable?: boolean }
  | { kind: 'integer'; description: string; valueName: string; min: number; max: number }
  | { kind: 'choice'; description: string; values: readonly string[] }

export type FlagValues = Record<string, string | string[] | number | boolean | undefined>

/**
 * Parses `argv` (after the command name) against `specs`; positional arguments are not accepted (`positional`
 * says where the command takes its input instead). A repeatable flag collects its values in order.
 */
export function parseFlags(argv: readonly string[], specs: Record<string, FlagSpec>, positional: string): FlagValues {
  const values: FlagValues = {}
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] === '-h' && specs.help ? '--help' : argv[index]
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}': ${positional}`)
    const [name, inline] = splitFlag(arg.slice(2))
    const spec = specs[name]
    if (!spec) {
      throw new UsageError(`unknown flag --${name}; allowed: ${Object.keys(specs).map((f) => `--${f}`).join(', ')}`)
    }
    const repeatable = spec.kind === 'string' && spec.repeatable === true
    if (name in values && !repeatable) throw new UsageError(`--${name} is given twice`)
    if (spec.kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`)
      values[name] = true
      continue
    }
    const raw = inline ?? argv[++index]
    if (raw === undefined || (inline === undefined && raw.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value: ${describeValue(spec)}`)
    }
    const value = parseValue(name, raw, spec)
    values[name] = repeatable ? [...((values[name] as string[] | undefined) ?? []), String(value)] : value
  }
  return values
}

function splitFlag(flag: string): [string, string | undefined] {
  const equals = flag.indexOf('=')
  return equals < 0 ? [flag, undefined] : [flag.slice(0, equals), flag.slice(equals + 1)]
}

function parseValue(name: string, raw: string, spec: Exclude<FlagSpec, { kind: 'boolean' }>): string | number {
  switch (spec.kind) {
    case 'string':
      if (!raw) throw new UsageError(`--${name} needs a value: ${describeValue(spec)}`)
      return raw
    case 'integer': {
      const value = Number(raw)
      if (!/^\d+$/.test(raw) || value < spec.min || value > spec.max) {
        throw new UsageError(`--${name} must be ${describeValue(spec)}, got '${raw}'`)
      }
      return value
    }
    case 'choice':
      if (!spec.values.includes(raw)) throw new UsageError(`--${name} must be ${describeValue(spec)}, got '${raw}'`)
      return raw
  }
}

function describeValue(spec: Exclude<FlagSpec, { kind: 'boolean' }>): string {
  switch (spec.kind) {
    case 'string':
      return `a ${spec.valueName}`
    case 'integer':
      return `an integer from ${spec.min} to ${spec.max}`
    case 'choice':
      return `one of ${spec.values.join(', ')}`
  }
}

/** The flag lines of a command's help text. */
export function describeFlags(specs: Record<string, FlagSpec>): string {
  const lines = Object.entries(specs).map(([name, spec]) => {
    const value = spec.kind === 'boolean' ? '' : ` ${spec.kind === 'choice' ? spec.values.join('|') : spec.valueName}`
    const repeat = spec.kind === 'string' && spec.repeatable ? '...' : ''
    return [`  --${name}${value}${repeat}`, spec.description] as const
  })
  const width = Math.max(...lines.map(([flag]) => flag.length)) + 2
  return lines.map(([flag, description]) => flag.padEnd(width) + description).join('\n')
}
