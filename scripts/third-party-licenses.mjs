// Writes the third-party notices for the bundles: every production dependency in package-lock.json, with its
// license text. (ncc's own --license output misses most of them.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function writeThirdPartyLicenses(outFile) {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
  const sections = Object.entries(lock.packages)
    // Optional dependencies are not bundled: the only one is the Node binary the scripts run on.
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.optional)
    .map(([path]) => {
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
      const licenseFile = existsSync(path)
        ? readdirSync(path).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
        : undefined
      const text = licenseFile ? readFileSync(join(path, licenseFile), 'utf8').trim() : '(no license file shipped)'
      return `${manifest.name}@${manifest.version}\n${manifest.license ?? 'UNKNOWN'}\n${text}`
    })
    .sort()
  writeFileSync(outFile, sections.join('\n\n' + '-'.repeat(78) + '\n\n') + '\n')
}
