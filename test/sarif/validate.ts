// Validates a SARIF log against the OASIS SARIF 2.1.0 schema (vendored beside this file, see README.md).
import { readFileSync } from 'node:fs'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'

// Both are CommonJS modules whose export is also their `default` (what TypeScript's NodeNext types name).
const Ajv = ajvDraft04.default
const addFormats = ajvFormats.default

const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(schema)

/** The schema's complaints about `log`, as readable lines; empty when it is valid SARIF 2.1.0. */
export function sarifErrors(log: unknown): string[] {
  if (validate(log)) return []
  return (validate.errors ?? []).map(
    (error: { instancePath: string; message?: string }) => `${error.instancePath || '/'} ${error.message ?? ''}`
  )
}
