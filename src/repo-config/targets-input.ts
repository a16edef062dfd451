// The `targets` input: a YAML list written inline in the workflow, of the same items as a native file's.
import { FileContext } from './file-context.js'
import { readTargetList } from './native.js'
import { parseYaml } from './tree.js'
import type { FileReading } from './types.js'

/** The name problems with the input are reported under (its "file"). */
export const TARGETS_INPUT = 'targets'

export function readTargetsInput(text: string): FileReading {
  const tree = parseYaml(text)
  const context = new FileContext(TARGETS_INPUT, 'native', tree.index)
  for (const error of tree.errors) {
    context.invalid(
      error.offset,
      `${error.message}; expected a YAML list such as "- endpoint: https://<name>.openai.azure.com/"`
    )
  }
  if (tree.errors.length > 0 || !tree.root) return context.reading([])
  context.scanForKeys(tree.root)
  return context.reading(readTargetList(context, tree.root))
}
