// The transport causes as a live run meets them (the committed bundle in the test world): a proxy that answers
// 502 for a host that does not resolve, and a reset at the endpoint.
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import { buildScenario, scenarios } from '../world/index.ts'
import { expectFailure, OIDC_INPUTS, reportOf, sharedWorld } from '../e2e/support.ts'

const world = sharedWorld()
const ACCOUNT_HOST = 'contoso.openai.azure.com'

function probeCheck(run: Parameters<typeof reportOf>[0]): Record<string, unknown> {
  const checks = reportOf(run).targets[0].checks as unknown as Record<string, unknown>[]
  return checks.find((check) => check.cause !== undefined && check.status === 'fail')!
}

describe('a failed connection to the endpoint', () => {
  it('a proxy answering 502 (what proxies say when DNS fails) names the proxy and offers dns-failure', async () => {
    world().scenario = buildScenario(scenarios.hostUnreachable(ACCOUNT_HOST, 'bad-gateway'))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectFailure(run, world(), 'proxy-failure')
    const check = probeCheck(run)
    expect((check.candidates as { cause: string }[]).map((c) => c.cause)).toEqual(['proxy-failure', 'dns-failure'])
    expect(String(check.fix)).toContain(`nslookup ${ACCOUNT_HOST}`)
  })

  it('a connection reset on the path is a proxy or firewall failure, not unknown', async () => {
    world().scenario = buildScenario(scenarios.hostUnreachable(ACCOUNT_HOST, 'reset'))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectFailure(run, world(), 'proxy-failure')
  })
})
