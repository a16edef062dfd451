/* eslint-disable no-control-regex -- these tests are about control characters */
// The parsers over generated hostile values: inputs, endpoints, JWT decoding, NO_PROXY, and explain's answer.
import fc from 'fast-check'
import { UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { analyseEndpoint, displayEndpoint } from '../../src/azure/endpoint.ts'
import { CLOUDS } from '../../src/azure/clouds.ts'
import { runExplain } from '../../src/cli/explain.ts'
import { getInputs, InvalidInputError } from '../../src/config/inputs.ts'
import { bypassesProxy, proxyFor } from '../../src/net/proxy-rules.ts'
import { decodeJwtClaims, findJwts } from '../../src/security/jwt.ts'
import { HOSTILE_PIECES, runs } from './runs.ts'

vi.setConfig({ testTimeout: 300_000 })

const hostile = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...HOSTILE_PIECES)), { maxLength: 8 })
  .map((pieces) => pieces.join(''))
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
const INPUT_NAMES = [
  'endpoint',
  'deployment',
  'api-version',
  'client-id',
  'tenant-id',
  'auth',
  'api-key',
  'environment',
  'audience',
  'scope',
  'authority-host',
  'probe',
  'allowed-hosts',
  'timeout-seconds',
  'fail-on'
]
const VALID = {
  endpoint: 'https://contoso.openai.azure.com/',
  deployment: 'gpt-4o-mini',
  'client-id': 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01',
  'tenant-id': '72f988bf-86f1-41af-91ab-2d7cd011db47'
}

// A variable cannot hold NUL (the runner could not pass one either): the rest of the hostile pieces can.
const inputValue = hostile.map((value) => value.replaceAll('\u0000', ''))

function problemsWith(name: string, value: string): { input: string; message: string }[] {
  for (const key of Object.keys(process.env).filter((key) => key.startsWith('INPUT_')))
    Reflect.deleteProperty(process.env, key)
  for (const [key, text] of Object.entries({ ...VALID, [name]: value }))
    process.env[`INPUT_${key.toUpperCase()}`] = text
  try {
    getInputs()
    return []
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems
    throw error
  }
}

describe('inputs', () => {
  let saved: NodeJS.ProcessEnv
  beforeAll(() => {
    saved = { ...process.env }
    // getInputs masks credential inputs with ::add-mask:: on stdout; the generated values need not reach the log.
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterAll(() => {
    process.env = saved
    vi.restoreAllMocks()
  })

  it('any value in any input is accepted or refused by name, and no message holds a control character', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INPUT_NAMES), inputValue, (name, value) => {
        const problems = problemsWith(name, value)
        for (const problem of problems) {
          expect(INPUT_NAMES).toContain(problem.input)
          expect(problem.message).not.toMatch(CONTROL)
        }
        const trimmed = value.trim()
        const separators = name === 'allowed-hosts' ? trimmed.replace(/[\t\r\n]/g, ' ') : trimmed
        if (CONTROL.test(separators)) expect(problems.map((p) => p.input)).toContain(name)
      }),
      runs
    )
  })

  it('timeout-seconds is taken only as a plain whole number from 1 to 600', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -10, max: 700 }).map(String),
          inputValue,
          fc.constantFrom('0x5', '1e1', '+7', '7.0', '07', ' 7')
        ),
        (value) => {
          const accepted = problemsWith('timeout-seconds', value).length === 0
          const trimmed = value.trim()
          const plain = trimmed === '' || (/^\d+$/.test(trimmed) && Number(trimmed) >= 1 && Number(trimmed) <= 600)
          expect(accepted).toBe(plain)
        }
      ),
      runs
    )
  })
})

describe('endpoints', () => {
  const settings = (endpoint: string) => ({ endpoint, cloud: CLOUDS.azurecloud, allowedHosts: [] })
  const endpoints = fc.oneof(
    hostile,
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc
      .tuple(fc.webUrl(), hostile)
      .map(
        ([url, tail]) => `${url}/openai/deployments/${encodeURIComponent(tail)}?api-version=${encodeURIComponent(tail)}`
      )
  )

  it('any endpoint is analysed without throwing, and what is shown of it holds no control character', () => {
    fc.assert(
      fc.property(endpoints, (endpoint) => {
        const { facts, problem } = analyseEndpoint(settings(endpoint))
        expect(problem ?? '').not.toMatch(CONTROL)
        const { deployment = '', apiVersion = '', path = '' } = facts?.pasted ?? {}
        for (const value of [deployment, apiVersion, path]) expect(value).not.toMatch(CONTROL)
        expect(displayEndpoint(endpoint)).not.toMatch(CONTROL)
      }),
      runs
    )
  })

  it('a password in the endpoint is never shown', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_~!$&'()*+,;=-]{8,24}$/), (password) => {
        const endpoint = `https://user:${password}@contoso.openai.azure.com/`
        expect(displayEndpoint(endpoint)).not.toContain(password)
        expect(analyseEndpoint(settings(endpoint)).problem ?? '').not.toContain(password)
      }),
      runs
    )
  })
})

describe('JWT decoding', () => {
  it('never throws on any text, and finds only tokens that decode', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostile,
          fc.string({ unit: 'binary' }),
          fc.base64String().map((b) => `eyJ${b}.eyJ${b}.${b}`)
        ),
        (text) => {
          const claims = decodeJwtClaims(text)
          expect(claims === undefined || (typeof claims === 'object' && !Array.isArray(claims))).toBe(true)
          for (const jwt of findJwts(text)) expect(decodeJwtClaims(jwt)).toBeDefined()
        }
      ),
      runs
    )
  })

  it('decodes the claims of any token back as they were', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z_]{1,10}$/), fc.jsonValue()),
        fc.base64String(),
        (claims, signature) => {
          const jwt = new UnsecuredJWT(claims).encode() + signature.replace(/[+/=]/g, '')
          expect(decodeJwtClaims(jwt)).toEqual(JSON.parse(JSON.stringify(claims)))
        }
      ),
      runs
    )
  })
})

describe('NO_PROXY', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/)
  const domain = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join('.'))
  const route = (host: string, noProxy: string) =>
    proxyFor(host, { HTTPS_PROXY: 'http://proxy.corp.example:3128', NO_PROXY: noProxy })

  it('parent.domain, .parent.domain and *.parent.domain all mean the domain and every host under it', () => {
    fc.assert(
      fc.property(domain, label, label, fc.constantFrom('', '.', '*.'), (parent, sub, other, prefix) => {
        const noProxy = `${prefix}${parent.toUpperCase()}`
        expect(route(parent, noProxy)).toBeUndefined()
        expect(route(`${sub}.${parent}`, noProxy)).toBeUndefined()
        expect(route(`${sub}${other}x-${parent}`, noProxy)).toBeDefined()
      }),
      runs
    )
  })

  it('an entry with a port applies to that port only, and * to every host', () => {
    fc.assert(
      fc.property(domain, fc.integer({ min: 1, max: 65535 }), (host, port) => {
        expect(bypassesProxy(host, 443, { NO_PROXY: `${host}:${port}` })).toBe(port === 443)
        expect(bypassesProxy(host, 443, { no_proxy: '*' })).toBe(true)
      }),
      runs
    )
  })
})

describe('explain', () => {
  async function answer(text: string, json: boolean): Promise<string> {
    let out = ''
    const io = {
      out: (chunk: string) => {
        out += chunk
      },
      note: () => undefined,
      readStdin: () => Promise.resolve({ text, cut: false }),
      paint: (_style: unknown, shown: string) => shown
    }
    await runExplain(json ? ['--json'] : [], io)
    return out
  }

  it('answers any text, never printing a pasted token back nor, in the human answer, a control character', async () => {
    const jwt =
      new UnsecuredJWT({
        sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
        aud: 'api://AzureADTokenExchange'
      }).encode() + 'c2lnbmF0dXJlLXRoYXQtaXMtbG9uZy1lbm91Z2g'
    await fc.assert(
      fc.asyncProperty(
        hostile.filter((text) => text.trim() !== ''),
        fc.boolean(),
        async (text, json) => {
          const out = await answer(`${text} Bearer ${jwt} ${text}`, json)
          expect(out).not.toContain(jwt.split('.')[2])
          if (!json) expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
          else expect(() => JSON.parse(out) as unknown).not.toThrow()
        }
      ),
      { numRuns: Math.ceil(runs.numRuns / 4) }
    )
  })
})
