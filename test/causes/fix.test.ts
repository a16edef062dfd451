// Fixes as data: the builders, the plain text the JSON report and annotations carry, and long commands wrapped at
// argument boundaries so a 900-pixel job summary shows them whole.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/causes/catalogue.ts'
import {
  bash,
  code,
  commandLines,
  COMMAND_WIDTH,
  fixText,
  link,
  prose,
  wrapCommand,
  yaml
} from '../../src/causes/fix.ts'
import { CAUSE_IDS } from '../../src/causes/ids.ts'

const ROLE_COMMAND =
  'az role assignment create --assignee-object-id 5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11 --assignee-principal-type ' +
  'ServicePrincipal --role "Cognitive Services OpenAI User" --scope "$(az cognitiveservices account list --query ' +
  '"[?properties.customSubDomainName==\'contoso\'].id" -o tsv)"'

/** What bash runs: the wrapped lines joined again at their continuations. */
function unwrapped(lines: readonly string[]): string {
  return lines
    .map((line, i) => (i === 0 ? line : line.replace(/^ {2}/, '')))
    .join('\n')
    .replace(/ \\\n/g, ' ')
}

describe('fix blocks', () => {
  it('prose keeps code and links as data, and reads as plain text with code in backticks', () => {
    const fix = [
      prose('Set ', code('environment'), ' to the cloud; see ', link('https://example.com/d', 'the docs'), '.'),
      yaml('permissions:', '  id-token: write'),
      bash('az account show --query tenantId')
    ]
    expect(fix[0]).toEqual({
      kind: 'prose',
      parts: [
        { kind: 'text', text: 'Set ' },
        { kind: 'code', text: 'environment' },
        { kind: 'text', text: ' to the cloud; see ' },
        { kind: 'link', href: 'https://example.com/d', text: 'the docs' },
        { kind: 'text', text: '.' }
      ]
    })
    expect(fixText(fix)).toBe(
      'Set `environment` to the cloud; see the docs (https://example.com/d).\npermissions:\n  id-token: write\n' +
        'az account show --query tenantId'
    )
  })

  it('wraps a long command at argument boundaries: a flag stays with its value, a $(...) and a quote stay whole', () => {
    const lines = wrapCommand(ROLE_COMMAND)
    expect(lines).toEqual([
      'az role assignment create --assignee-object-id 5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11 \\',
      '  --assignee-principal-type ServicePrincipal --role "Cognitive Services OpenAI User" \\',
      '  --scope "$(az cognitiveservices account list --query "[?properties.customSubDomainName==\'contoso\'].id" -o tsv)"'
    ])
    expect(unwrapped(lines)).toBe(ROLE_COMMAND)
  })

  it('lays a long JSON argument out one member a line inside its quotes, where a continuation would be literal', () => {
    const fix = CATALOGUE['fic-subject-mismatch'].fix({
      clientId: '6f1e2d3c-0000-4000-8000-000000000001',
      subject: 'repo:octo-org/octo-repo:environment:prod',
      identityKind: 'app'
    })
    const command = fix.find((block) => block.kind === 'command')
    expect(command && commandLines(command)).toEqual([
      'az ad app federated-credential create --id 6f1e2d3c-0000-4000-8000-000000000001 \\',
      "  --parameters '{",
      '    "name":"github-octo-org-octo-repo-environment-prod",',
      '    "issuer":"https://token.actions.githubusercontent.com",',
      '    "subject":"repo:octo-org/octo-repo:environment:prod",',
      '    "audiences":["api://AzureADTokenExchange"]',
      "  }'"
    ])
  })

  it('leaves a short command and YAML as they are', () => {
    expect(wrapCommand('az account show --query tenantId')).toEqual(['az account show --query tenantId'])
    const snippet = yaml('permissions:', '  id-token: write', '  contents: read')
    expect(commandLines(snippet, 10)).toEqual(['permissions:', '  id-token: write', '  contents: read'])
  })

  it('any command wraps into lines no wider than the summary unless one argument is, and unwraps to itself', () => {
    const word = fc.stringMatching(/^[a-z0-9<>-]{1,30}$/)
    const argument = fc.oneof(
      word,
      word.map((w) => `--${w}`),
      word.map((w) => `'${w} ${w}'`)
    )
    fc.assert(
      fc.property(fc.array(argument, { minLength: 1, maxLength: 30 }), (words) => {
        const command = words.join(' ')
        const lines = wrapCommand(command)
        expect(unwrapped(lines)).toBe(command)
        for (const line of lines)
          if (line.length > COMMAND_WIDTH) expect(line.trim().split(' ').length).toBeLessThanOrEqual(3)
      })
    )
  })

  it("every cause's fix wraps its commands to the summary's width, but for a single argument too long to break", () => {
    for (const id of CAUSE_IDS) {
      for (const block of CATALOGUE[id].fix({})) {
        if (block.kind !== 'command') continue
        for (const line of commandLines(block)) {
          // e.g. `--scope /subscriptions/<subscription-id>/resourceGroups/...`: a resource id has no place to break
          if (line.length > COMMAND_WIDTH) expect(line.trim().split(' '), `${id}: ${line}`).toHaveLength(2)
        }
      }
    }
  })
})
