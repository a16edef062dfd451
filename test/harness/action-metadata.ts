// The input defaults of an action.yml, applied the way the runner applies them (it resolves defaults and passes every
// declared input as INPUT_<NAME>). Only the `inputs:` block is read; expressions are the few an input default uses.
import { readFileSync } from 'node:fs'

export interface InputDefaults {
  [name: string]: string | undefined
}

function unquote(value: string): string {
  const trimmed = value.trim()
  if (trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1).replaceAll("''", "'")
  if (trimmed.startsWith('"') && trimmed.endsWith('"')) return JSON.parse(trimmed) as string
  return trimmed.replace(/\s+#.*$/, '')
}

/** Each declared input and its default (undefined when it has none). */
export function readInputDefaults(actionYmlPath: string): InputDefaults {
  const defaults: InputDefaults = {}
  let inInputs = false
  let current: string | undefined
  for (const line of readFileSync(actionYmlPath, 'utf8').split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      inInputs = /^inputs:\s*$/.test(line)
      current = undefined
      continue
    }
    if (!inInputs) continue
    const input = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line)
    if (input) {
      current = input[1]
      defaults[current] = undefined
      continue
    }
    const fallback = /^ {4}default:\s*(.*)$/.exec(line)
    if (fallback && current) defaults[current] = unquote(fallback[1])
  }
  return defaults
}

/** `${{ github.workspace }}`-style expressions the runner evaluates in defaults. */
export function evaluateDefault(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => {
    if (!(name in context)) {
      throw new Error(`action.yml default uses \${{ ${name} }}, which the harness does not provide`)
    }
    return context[name]
  })
}
