import { CATALOGUE } from '../../causes/catalogue.js'
import type { ConfigFinding } from '../../repo-config/types.js'
import type { CheckOutcome, CheckStep, FindingLocation, TargetContext } from '../types.js'

/**
 * The step's inputs were validated before the run (invalid ones never get this far); a target from the `targets`
 * input or a file may still hold a value it cannot use: then it fails here, on that value's line, and nothing is
 * sent for it. Otherwise: say what was chosen, and what was read from the file's values.
 */
export const inputsCheck: CheckStep<TargetContext> = {
  id: 'inputs',
  stage: 'inputs',
  title: 'Inputs',
  needs: [],
  run: ({ config }) => Promise.resolve(inputsOutcome(config))
}

function inputsOutcome(config: TargetContext['config']): CheckOutcome {
  const problems = config.problems ?? []
  if (problems.length > 0) {
    const first = problems.find((problem) => problem.file !== undefined && problem.line !== undefined)
    const location: FindingLocation | undefined =
      first?.file && first.line ? { file: first.file, line: first.line, column: first.column } : undefined
    return {
      status: 'fail',
      cause: 'invalid-input',
      detail: `${problems.map((problem) => problem.message).join('; ')}. Nothing was sent for this target.`,
      fix: CATALOGUE['invalid-input'].fix({ cloud: config.cloud.name }),
      evidence: { problems },
      location
    }
  }
  const { auth, apiVersion, probe } = config
  const environment = config.cloud.name
  const compare = auth === 'oidc' && config.apiKey ? ', compare mode (api-key given)' : ''
  const notes = config.notes?.length ? ` ${config.notes.join('; ')}.` : ''
  return {
    status: 'pass',
    detail: `auth ${auth}${compare}, environment ${environment}, api-version ${apiVersion}, probe ${probe}.${notes}`,
    evidence: {
      auth,
      environment,
      apiVersion,
      probe,
      compare: Boolean(compare),
      ...(notes ? { notes: config.notes } : {})
    }
  }
}

/** A key committed in the target's file: a warning on its line (the value was masked when it was read). */
export const committedKeysCheck: CheckStep<TargetContext> = {
  id: 'committed-keys',
  stage: 'inputs',
  title: 'No API key committed in the file',
  needs: [],
  run: ({ config }) => Promise.resolve(committedKeysOutcome(config.committedKeys ?? []))
}

function committedKeysOutcome(keys: readonly ConfigFinding[]): CheckOutcome {
  if (keys.length === 0) return { status: 'pass', detail: 'The file commits no API key.', evidence: {} }
  const [first] = keys
  return {
    status: 'warn',
    cause: 'api-key-in-repository',
    detail: keys.map((key) => `${key.file}:${key.line}: ${key.message}`).join('; '),
    fix: CATALOGUE['api-key-in-repository'].fix({}),
    evidence: { keys: keys.map((key) => ({ file: key.file, line: key.line, column: key.column })) },
    location: { file: first.file, line: first.line, column: first.column }
  }
}
