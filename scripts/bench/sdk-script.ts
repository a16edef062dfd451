// What a user would write by hand with the same SDKs (the benchmark's second comparison): @actions/core's
// getIDToken, @azure/identity's ClientAssertionCredential, openai's AzureOpenAI, one after the other, with Node's
// own proxy support (NODE_USE_ENV_PROXY=1) for fetch.
// Usage: node scripts/bench/sdk-script.ts <endpoint> <deployment> <tenant-id> <client-id> <api-version>
import * as core from '@actions/core'
import { ClientAssertionCredential, getBearerTokenProvider } from '@azure/identity'
import { AzureOpenAI } from 'openai'

const [endpoint = '', deployment = '', tenantId = '', clientId = '', apiVersion = ''] = process.argv.slice(2)
const credential = new ClientAssertionCredential(tenantId, clientId, () => core.getIDToken('api://AzureADTokenExchange'))
const client = new AzureOpenAI({
  endpoint,
  deployment,
  apiVersion,
  azureADTokenProvider: getBearerTokenProvider(credential, 'https://cognitiveservices.azure.com/.default')
})
await client.chat.completions.create({ model: deployment, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 })
