// Writes the third-party notices for the bundles: every package whose code ncc put into them (read from the
// bundles' webpack stats, so the list is exactly what dist/ contains), with its license text. (ncc's own
// --license output misses most of them.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The package directories (`node_modules/a`, `node_modules/a/node_modules/b`) of the modules in ncc's stats files. */
export function bundledPackages(statsFiles) {
  const dirs = new Set()
  const visit = (modules) => {
    for (const module of modules ?? []) {
      const path = /((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)/.exec(module.name ?? '')?.[1]
      if (path) dirs.add(path.replace(/\/$/, ''))
      visit(module.modules)
    }
  }
  for (const file of statsFiles) visit(JSON.parse(readFileSync(file, 'utf8')).modules)
  return [...dirs]
}

export function writeThirdPartyLicenses(outFile, packageDirs) {
  const sections = [...new Set(packageDirs)]
    .map((path) => {
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
      const licenseFile = existsSync(path)
        ? readdirSync(path).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
        : undefined
      const text = licenseFile ? readFileSync(join(path, licenseFile), 'utf8').trim() : '(no license file shipped)'
      return `${manifest.name}@${manifest.version}\n${manifest.license ?? 'UNKNOWN'}\n${text}`
    })
    .sort()
  writeFileSync(outFile, [...new Set(sections)].join('\n\n' + '-'.repeat(78) + '\n\n') + '\n')
}
