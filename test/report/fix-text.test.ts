import { describe, expect, it } from 'vitest'
import { fixBlocks } from '../../src/report/fix-text.ts'

describe('fixBlocks', () => {
  it('a command after prose gets its own block, and so does the managed-identity variant in parentheses', () => {
    const appCommand = 'az ad app federated-credential create --id <client-id> --parameters \'{"subject":"s"}\''
    const fix =
      `Register a federated credential:\n${appCommand}\n` +
      '(for a user-assigned managed identity: az identity federated-credential create --name x --subject s)'

    expect(fixBlocks(fix)).toEqual([
      { kind: 'text', text: 'Register a federated credential:' },
      { kind: 'code', text: appCommand },
      { kind: 'text', text: 'for a user-assigned managed identity:' },
      { kind: 'code', text: 'az identity federated-credential create --name x --subject s' }
    ])
  })

  it('a command continued with backslashes stays one block; a fenced snippet is code whatever it holds', () => {
    const fix = 'Run:\naz role assignment create \\\n  --role "Reader"\nThen:\n```\nplain words\n```\nDone.'

    expect(fixBlocks(fix)).toEqual([
      { kind: 'text', text: 'Run:' },
      { kind: 'code', text: 'az role assignment create \\\n  --role "Reader"' },
      { kind: 'text', text: 'Then:' },
      { kind: 'code', text: 'plain words' },
      { kind: 'text', text: 'Done.' }
    ])
  })

  it('prose that only mentions az inside backticks stays prose', () => {
    const fix = 'Check the tenant: `az account show --query tenantId` (configured: contoso).'

    expect(fixBlocks(fix)).toEqual([{ kind: 'text', text: fix }])
  })
})
