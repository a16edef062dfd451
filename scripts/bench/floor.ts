// The floor the benchmark compares the action with: the same three requests (GitHub OIDC token, Entra token
// exchange, a 1-token chat completion) on bare node:https, through the same proxy, with the three connections
// (TCP + CONNECT + TLS) opened in parallel up front. No SDK, no diagnosis, no report: nothing else costs time.
// Usage: node scripts/bench/floor.ts <endpoint> <deployment> <tenant-id> <client-id> <api-version>
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'

const [endpoint = '', deployment = '', tenantId = '', clientId = '', apiVersion = ''] = process.argv.slice(2)
const proxy = new URL(process.env.HTTPS_PROXY ?? '')
const oidcUrl = new URL(process.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '')
const signIn = 'login.microsoftonline.com'
const endpointHost = new URL(endpoint).hostname

function tunnel(host: string): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const connectRequest = httpRequest({
      host: proxy.hostname,
      port: proxy.port,
      method: 'CONNECT',
      path: `${host}:443`
    })
    connectRequest.on('connect', (response, socket) => {
      if (response.statusCode !== 200) return reject(new Error(`CONNECT ${host}: ${response.statusCode}`))
      const tls = tlsConnect({ socket, servername: host }, () => resolve(tls))
      tls.on('error', reject)
    })
    connectRequest.on('error', reject)
    connectRequest.end()
  })
}

function send(socket: TLSSocket, url: URL, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<string>((resolve, reject) => {
    const req = httpsRequest(url, { method, headers, createConnection: () => socket }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${url.host} ${res.statusCode}`))))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const [github, entra, data] = await Promise.all([tunnel(oidcUrl.hostname), tunnel(signIn), tunnel(endpointHost)])
oidcUrl.searchParams.set('audience', 'api://AzureADTokenExchange')
const oidc = JSON.parse(
  await send(github, oidcUrl, 'GET', { authorization: `Bearer ${process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''}` })
) as { value: string }
const form = new URLSearchParams({
  client_id: clientId,
  scope: 'https://cognitiveservices.azure.com/.default',
  grant_type: 'client_credentials',
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: oidc.value
}).toString()
const token = JSON.parse(
  await send(entra, new URL(`https://${signIn}/${tenantId}/oauth2/v2.0/token`), 'POST', {
    'content-type': 'application/x-www-form-urlencoded'
  }, form)
) as { access_token: string }
const chat = new URL(`https://${endpointHost}/openai/deployments/${deployment}/chat/completions`)
chat.searchParams.set('api-version', apiVersion)
await send(data, chat, 'POST', {
  authorization: `Bearer ${token.access_token}`,
  'content-type': 'application/json'
}, JSON.stringify({ messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 }))
for (const socket of [github, entra, data]) socket.destroy()
