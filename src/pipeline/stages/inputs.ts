import type { CheckStep } from '../types.js'
import type { TargetContext } from '../types.js'

/** The inputs were read and validated before the run (invalid ones never get this far): say what was chosen. */
export const inputsCheck: CheckStep<TargetContext> = {
  id: 'inputs',
  stage: 'inputs',
  title: 'Inputs',
  needs: [],
  async run({ config }) {
    const { auth, apiVersion, probe } = config
    const environment = config.cloud.name
    const compare = auth === 'oidc' && config.apiKey ? ', compare mode (api-key given)' : ''
    return {
      status: 'pass',
      detail: `auth ${auth}${compare}, environment ${environment}, api-version ${apiVersion}, probe ${probe}.`,
      evidence: { auth, environment, apiVersion, probe, compare: Boolean(compare) }
    }
  }
}
