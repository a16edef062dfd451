// Which reader a file needs, by its name and then its content (README "Repository config").
import { posix } from 'node:path'
import { readAppsettings } from './appsettings.js'
import { readDotenv } from './dotenv.js'
import { readLitellm } from './litellm.js'
import { readNative } from './native.js'
import { readPromptflow } from './promptflow.js'
import { entryOf, parseJson, parseYaml, type TreeNode } from './tree.js'
import type { ConfigFormat, FileReading } from './types.js'

const READERS: Record<ConfigFormat, (text: string, file: string) => FileReading> = {
  native: readNative,
  dotenv: readDotenv,
  appsettings: readAppsettings,
  promptflow: readPromptflow,
  litellm: readLitellm
}

export const FORMATS_EXPECTED =
  'aoai-auth-check.yml/.yaml/.json or a YAML/JSON file with a top-level "targets:" list, a .env file, ' +
  'appsettings*.json, a promptflow azure_open_ai connection YAML, or a LiteLLM config.yaml with a model_list'

/** Reads one file's text (`file` is workspace-relative, `/`-separated) in the format its name and content show. */
export function readConfigText(file: string, text: string): FileReading {
  const format = formatOf(file, text)
  if (format) return READERS[format](text, file)
  return {
    targets: [],
    findings: [
      {
        kind: 'unrecognised',
        file,
        line: 1,
        column: 1,
        message: `is not a config file the action reads; expected ${FORMATS_EXPECTED}`
      }
    ],
    secrets: []
  }
}

export function formatOf(file: string, text: string): ConfigFormat | undefined {
  const name = posix.basename(file).toLowerCase()
  if (name === '.env' || name.endsWith('.env') || name.startsWith('.env.')) return 'dotenv'
  if (/^appsettings.*\.json$/.test(name)) return 'appsettings'
  if (/^aoai-auth-check\.(ya?ml|json)$/.test(name)) return 'native'
  const json = name.endsWith('.json')
  if (!json && !/\.ya?ml$/.test(name)) return undefined
  const tree = json ? parseJson(text) : parseYaml(text)
  // A file that does not parse goes to the reader its syntax suggests, which says where and what is wrong.
  if (tree.errors.length > 0) return json ? 'appsettings' : 'native'
  return formatOfContent(tree.root, json)
}

function formatOfContent(root: TreeNode | undefined, json: boolean): ConfigFormat | undefined {
  if (entryOf(root, 'targets')) return 'native'
  const type = entryOf(root, 'type')?.value
  if (type?.kind === 'scalar' && type.text === 'azure_open_ai') return 'promptflow'
  if (entryOf(root, 'model_list')) return 'litellm'
  if (
    json &&
    ['AzureOpenAI', 'AzureOpenAIEmbeddings', 'ConnectionStrings', 'Aspire'].some((key) => entryOf(root, key, true))
  ) {
    return 'appsettings'
  }
  return undefined
}
