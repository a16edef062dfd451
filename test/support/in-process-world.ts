// A test world for a describe block whose tests call the real libraries in this process: started before the tests,
// its variables (proxy, OIDC request URL, GITHUB_*) put into process.env, both undone afterwards. The workflow
// commands in-process @actions/core prints (`::add-mask::<token>`, `::debug::…`) are kept out of the test log.
import { afterAll, beforeAll } from 'vitest'
import { startWorld, type ScenarioOverrides, type World } from '../world/index.ts'
import { useProcessEnv } from './process-env.ts'

export function worldInThisProcess(overrides?: ScenarioOverrides): () => World {
  let world: World | undefined
  let restoreEnv = () => {}
  const write = process.stdout.write
  beforeAll(async () => {
    world = await startWorld(overrides)
    restoreEnv = useProcessEnv(world.env())
    const quiet = (chunk: string | Uint8Array, ...rest: never[]) =>
      String(chunk).startsWith('::') ? true : write.call(process.stdout, chunk, ...rest)
    process.stdout.write = quiet as typeof process.stdout.write
  })
  afterAll(async () => {
    process.stdout.write = write
    restoreEnv()
    await world?.stop()
  })
  return () => {
    if (!world) throw new Error('the world starts in beforeAll; use it inside a test or hook')
    return world
  }
}
