// What the repository's config files say about Azure OpenAI targets, with where each value was written.

/** The formats the readers understand (README "Repository config" lists every key). */
export type ConfigFormat = 'native' | 'dotenv' | 'appsettings' | 'promptflow' | 'litellm'

/** The only settings a file may give: never where credentials may go (DESIGN.md "Security rules"). */
export type TargetField = 'endpoint' | 'deployment' | 'apiVersion' | 'probe' | 'clientId' | 'tenantId'

/** What a file's naming implies about the probe: an embeddings deployment variable means embeddings. */
export type ProbeHint = 'embeddings'

/** 1-based line and column in the file. */
export interface SourcePosition {
  line: number
  column: number
}

export interface LocatedValue extends SourcePosition {
  /** Trimmed, with every control character replaced (see `problem`): safe to show on one line. */
  value: string
  /** The name the file gave it (`AZURE_OPENAI_ENDPOINT`, `AzureOpenAI:Endpoint`, `api_base`), for messages. */
  key: string
  /** Why the value cannot be used as written, e.g. it holds a line break. */
  problem?: string
}

/** One target a file names: one endpoint and one deployment. */
export interface FileTarget extends SourcePosition {
  /** Workspace-relative, with `/` separators. */
  file: string
  format: ConfigFormat
  /** The lines of the target's block: a finding within them (a committed key) belongs to it. */
  block: { start: number; end: number }
  /** What the file calls it (a connection string's name, LiteLLM's model_name), when it names it. */
  name?: string
  fields: Partial<Record<TargetField, LocatedValue>>
  /** What the reader concluded from the values, said to the user (an endpoint read as base URL plus deployment). */
  notes: string[]
  /** Settings the target gives that no file may give, or cannot be read: it fails invalid-input on the first. */
  problems: ConfigProblem[]
}

export interface ConfigProblem extends SourcePosition {
  message: string
}

/**
 * Something about a file rather than one value of a target: it is malformed (`invalid`), commits an API key
 * (`api-key`), is in a recognised format but names no target (`no-targets`), or is in no format the action
 * reads (`unrecognised`).
 */
export interface ConfigFinding extends ConfigProblem {
  kind: 'invalid' | 'api-key' | 'no-targets' | 'unrecognised'
  file: string
}

/** What one reader made of one file's text. */
export interface FileReading {
  /** Absent when the file is in no format the action reads. */
  format?: ConfigFormat
  targets: FileTarget[]
  findings: ConfigFinding[]
  /** Credential values the file commits: to be masked before anything else can print them. */
  secrets: string[]
}
