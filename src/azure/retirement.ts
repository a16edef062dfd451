/**
 * Is a deployment's model version retiring? Deprecation lives in the account's model catalogue, joined to the
 * deployment by format, name and version (shared/reference/arm-facts.md (c)): lifecycleStatus `Deprecated` means
 * inference fails now; `Deprecating`, or an inference deprecation date within the warning window, means it will.
 */
import type { CatalogueModel, Deployment } from '../azure/arm-resources.js'

export const RETIREMENT_WARNING_DAYS = 90
const DAY_MS = 86_400_000

export interface Retirement {
  status: 'warn' | 'fail'
  model: string
  version: string
  lifecycleStatus: string
  /** ISO date (YYYY-MM-DD) of the inference deprecation, when the catalogue gives one. */
  retiresOn?: string
  /** Whole days until then (negative: past). */
  daysLeft?: number
  replacement?: { name: string; version: string }
  versionUpgradeOption: string
  /** What the deployment's own upgrade setting will do about it. */
  upgradeEffect: string
}

function upgradeEffect(option: string, replacement: Retirement['replacement']): string {
  const target = replacement ? `${replacement.name} ${replacement.version}` : 'the new default version'
  switch (option) {
    case 'OnceNewDefaultVersionAvailable':
      return `versionUpgradeOption OnceNewDefaultVersionAvailable: Azure moves the deployment to ${target} when it becomes the default; test your prompts on it before then.`
    case 'OnceCurrentVersionExpired':
      return `versionUpgradeOption OnceCurrentVersionExpired: Azure upgrades the deployment to ${target} when this version expires.`
    case 'NoAutoUpgrade':
      return `versionUpgradeOption NoAutoUpgrade: nothing upgrades it; when the version expires the deployment is disabled and every call fails. Upgrade it to ${target} yourself.`
    default:
      return `versionUpgradeOption ${option || 'not set'}: upgrade the deployment to ${target}.`
  }
}

export function retirementOf(
  deployment: Deployment,
  catalogue: readonly CatalogueModel[],
  now = Date.now()
): Retirement | undefined {
  const entry = catalogue.find(
    (model) =>
      model.name.toLowerCase() === deployment.model.toLowerCase() &&
      model.version === deployment.version &&
      (model.format || 'OpenAI') === (deployment.modelFormat || 'OpenAI')
  )
  if (!entry) return undefined
  const date = entry.inferenceDeprecation ? Date.parse(entry.inferenceDeprecation) : Number.NaN
  const daysLeft = Number.isNaN(date) ? undefined : Math.floor((date - now) / DAY_MS)
  const deprecated = entry.lifecycleStatus === 'Deprecated' || (daysLeft !== undefined && daysLeft < 0)
  const soon =
    entry.lifecycleStatus === 'Deprecating' || (daysLeft !== undefined && daysLeft <= RETIREMENT_WARNING_DAYS)
  if (!deprecated && !soon) return undefined
  return {
    status: deprecated ? 'fail' : 'warn',
    model: deployment.model,
    version: deployment.version,
    lifecycleStatus: entry.lifecycleStatus,
    retiresOn: Number.isNaN(date) ? undefined : new Date(date).toISOString().slice(0, 10),
    daysLeft,
    replacement: entry.replacement,
    versionUpgradeOption: deployment.versionUpgradeOption,
    upgradeEffect: upgradeEffect(deployment.versionUpgradeOption, entry.replacement)
  }
}
