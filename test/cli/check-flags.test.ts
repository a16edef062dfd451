import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/cli/args.ts'
import { CHECK_FLAGS, CHECK_HELP, parseCheckRequest } from '../../src/cli/check-flags.ts'

const endpoint = ['--endpoint', 'https://contoso.openai.azure.com/']
const usage = (argv: string[]): string => {
  try {
    parseCheckRequest(argv)
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error('no usage error')
}

describe('check flags', () => {
  it('reads every flag of the contract into the request, with the defaults', () => {
    expect(
      parseCheckRequest([
        ...endpoint,
        '--deployment',
        'gpt-4o-mini',
        '--api-version=v1',
        '--probe',
        'chat',
        '--auth',
        'cli',
        '--client-id',
        'c',
        '--tenant-id',
        't',
        '--environment',
        'azureusgovernment',
        '--config-file',
        'a.yml',
        '--config-file',
        'b.env',
        '--json',
        '--timeout',
        '45',
        '--fail-on',
        'warning'
      ])
    ).toEqual({
      endpoint: 'https://contoso.openai.azure.com/',
      deployment: 'gpt-4o-mini',
      apiVersion: 'v1',
      probe: 'chat',
      auth: 'cli',
      clientId: 'c',
      tenantId: 't',
      environment: 'azureusgovernment',
      configFiles: ['a.yml', 'b.env'],
      json: true,
      timeoutSeconds: 45,
      failOn: 'warning'
    })
    expect(parseCheckRequest(endpoint)).toMatchObject({ auth: 'auto', failOn: 'error', json: false, configFiles: [] })
  })

  it('names the flag and what it allows', () => {
    expect(usage([...endpoint, '--auth', 'password'])).toBe(
      "--auth must be one of auto, cli, env, managed-identity, oidc, api-key, got 'password'"
    )
    expect(usage([...endpoint, '--timeout', '0'])).toBe("--timeout must be an integer from 1 to 600, got '0'")
    expect(usage([...endpoint, '--fail-on', 'never'])).toMatch(/^--fail-on must be one of error, warning/)
    expect(usage([])).toMatch(/^--endpoint is required/)
    expect(usage([...endpoint, 'gpt-4o'])).toMatch(/^unexpected argument 'gpt-4o'/)
  })

  it('takes no API key flag: the key comes only from AZURE_OPENAI_API_KEY', () => {
    expect(Object.keys(CHECK_FLAGS).some((flag) => /key/.test(flag))).toBe(false)
    expect(usage([...endpoint, '--api-key', 'abc'])).toMatch(/^unknown flag --api-key; allowed: --endpoint/)
    expect(CHECK_HELP).toContain('AZURE_OPENAI_API_KEY')
  })

  it('--help wins and every flag is in the help text', () => {
    expect(parseCheckRequest(['--help'])).toBe('help')
    for (const flag of Object.keys(CHECK_FLAGS)) expect(CHECK_HELP).toContain(`--${flag}`)
  })
})
