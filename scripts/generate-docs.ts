// Writes docs/causes.md and the README's marked sections from their sources (run by scripts/build.mjs).
import { readFileSync, writeFileSync } from 'node:fs'
import { causesDoc, readmeSections, withGeneratedSections } from './docs.ts'

const root = process.argv[2] ?? '.'
writeFileSync(`${root}/docs/causes.md`, causesDoc())
const readme = readFileSync(`${root}/README.md`, 'utf8')
writeFileSync(
  `${root}/README.md`,
  withGeneratedSections(readme, readmeSections(readFileSync(`${root}/action.yml`, 'utf8')))
)
