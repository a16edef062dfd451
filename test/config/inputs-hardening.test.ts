/* eslint-disable no-control-regex -- these tests are about control characters */
// Hostile inputs (issue 7, items 1, 3 and 9): a control character in any input, a timeout that is not a plain
// integer, a sign-in host the workflow did not allow, wildcards over public suffixes or IP addresses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getInputs, InvalidInputError } from '../../src/config/inputs.ts'

const CLIENT_ID = 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01'
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const minimal = {
  endpoint: 'https://contoso.openai.azure.com/',
  deployment: 'gpt-4o-mini',
  'client-id': CLIENT_ID,
  'tenant-id': TENANT_ID
}

function problemsOf(inputs: Record<string, string>): { input: string; message: string }[] {
  for (const name of Object.keys(process.env).filter((name) => name.startsWith('INPUT_')))
    Reflect.deleteProperty(process.env, name)
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value
  try {
    getInputs()
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems
    throw error
  }
  return []
}

const INPUTS_WITH_TEXT = [
  'deployment',
  'api-version',
  'scope',
  'authority-host',
  'timeout-seconds',
  'audience',
  'auth',
  'environment',
  'probe',
  'fail-on',
  'endpoint',
  'client-id',
  'tenant-id',
  'api-key'
]

describe('inputs refuse control characters', () => {
  let saved: NodeJS.ProcessEnv
  beforeEach(() => {
    saved = { ...process.env }
  })
  afterEach(() => {
    process.env = saved
  })

  for (const input of INPUTS_WITH_TEXT) {
    for (const [name, injected] of [
      ['a line break', 'x\n::error::forged'],
      ['a bare CR', 'x\r::add-mask::x'],
      ['an escape sequence', 'x\u001b]52;c;aGk=\u0007']
    ] as const) {
      it(`${input} with ${name} is invalid-input naming ${input}, the value escaped`, () => {
        const problems = problemsOf({ ...minimal, 'api-key': 'k'.repeat(32), [input]: injected })
        const problem = problems.find((p) => p.input === input)
        expect(problem?.message).toMatch(/control character/)
        for (const p of problems) expect(p.message).not.toMatch(/[\r\n\u001b\u0007]/)
        if (['client-id', 'tenant-id', 'api-key'].includes(input)) expect(problem?.message).toContain('not shown')
        else expect(problem?.message).toMatch(/\\n|\\r|\\u001b/)
      })
    }
  }

  it('allowed-hosts may still be written one host per line', () => {
    expect(problemsOf({ ...minimal, 'allowed-hosts': 'gw1.contoso.com\r\n\tgw2.contoso.com' })).toEqual([])
  })

  it('a value longer than any input needs is refused before it is read', () => {
    const problems = problemsOf({ ...minimal, endpoint: `https://contoso.openai.azure.com/${'a-'.repeat(65_536)}` })
    expect(problems).toEqual([{ input: 'endpoint', message: 'is 131105 characters long; at most 2048 are allowed' }])
  })
})

describe('timeout-seconds is a plain whole number', () => {
  for (const value of ['0x5', '1e1', '+7', '7.0', ' 7 s', '-1', '0', '601', 'Infinity']) {
    it(`refuses '${value}'`, () => {
      expect(problemsOf({ ...minimal, 'timeout-seconds': value }).map((p) => p.input)).toEqual(['timeout-seconds'])
    })
  }
  it('takes 7', () => {
    expect(problemsOf({ ...minimal, 'timeout-seconds': '7' })).toEqual([])
  })
})

describe('authority-host receives the GitHub token only where the workflow allows', () => {
  it('another host is invalid-input: the assertion would be redeemable by whoever runs it', () => {
    const [problem] = problemsOf({ ...minimal, 'authority-host': 'https://login.evil.example' })
    expect(problem.input).toBe('authority-host')
    expect(problem.message).toContain('login.microsoftonline.com')
    expect(problem.message).toContain('allowed-hosts')
  })

  it("the chosen cloud's own sign-in host, or one listed in allowed-hosts, is taken", () => {
    expect(problemsOf({ ...minimal, 'authority-host': 'https://login.microsoftonline.com/' })).toEqual([])
    expect(
      problemsOf({
        ...minimal,
        'authority-host': 'https://login.sovereign.contoso.com',
        'allowed-hosts': 'login.sovereign.contoso.com'
      })
    ).toEqual([])
  })

  it("a US Government run may not sign in at the public cloud's host", () => {
    const problems = problemsOf({
      ...minimal,
      environment: 'azureusgovernment',
      'authority-host': 'https://login.microsoftonline.com'
    })
    expect(problems.map((p) => p.input)).toEqual(['authority-host'])
  })

  it('a password in it is refused without being echoed', () => {
    const problems = problemsOf({
      ...minimal,
      'authority-host': 'https://admin:Sup3rSecretPw@login.microsoftonline.com'
    })
    expect(problems.map((p) => p.input)).toEqual(['authority-host'])
    expect(JSON.stringify(problems)).not.toContain('Sup3rSecretPw')
  })

  it('a path, query or plain http is refused', () => {
    for (const value of [
      'https://login.microsoftonline.com/tenant',
      'https://login.microsoftonline.com/?x=1',
      'http://login.microsoftonline.com'
    ]) {
      expect(problemsOf({ ...minimal, 'authority-host': value }).map((p) => p.input)).toEqual(['authority-host'])
    }
  })
})

describe('allowed-hosts refuses wildcards that would reach strangers', () => {
  for (const host of ['*.co.uk', '*.com', '*.azure-api.net', '*.github.io', '*.10.0.0', '*.0.1']) {
    it(`refuses ${host}`, () => {
      expect(problemsOf({ ...minimal, 'allowed-hosts': host }).map((p) => p.input)).toEqual(['allowed-hosts'])
    })
  }
  for (const host of ['*.gateways.contoso.com', 'octo-gateway.azure-api.net', '10.0.0.5', '*.contoso.co.uk']) {
    it(`takes ${host}`, () => {
      expect(problemsOf({ ...minimal, 'allowed-hosts': host })).toEqual([])
    })
  }
})

describe('audience is validated', () => {
  it("takes the clouds' token-exchange audiences and custom URIs", () => {
    for (const audience of [
      'api://AzureADTokenExchange',
      'api://AzureADTokenExchangeUSGov',
      'https://contoso.com/fic'
    ]) {
      expect(problemsOf({ ...minimal, audience })).toEqual([])
    }
  })
  it('refuses text that is not a URI', () => {
    expect(problemsOf({ ...minimal, audience: 'my audience' }).map((p) => p.input)).toEqual(['audience'])
  })
})
