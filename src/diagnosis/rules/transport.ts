// Failures before any HTTP answer: proxy, TLS, DNS, timeouts, refused and reset connections. Node, Python, .NET
// and Java each name them their own way; the stable parts are the error codes and the library's fixed sentences.
import { anyPhrase } from './phrases.js'
import type { Rule } from './types.js'

/** What sits on the path and intercepts: a proxy, or TLS inspection with a certificate the client does not trust. */
export const PATH_RULES: readonly Rule[] = [
  {
    cause: 'proxy-failure',
    why:
      'The proxy answered the CONNECT with a gateway error (502/503/504): it could not open the tunnel to the ' +
      'host.',
    text: anyPhrase(
      // @azure/core-rest-pipeline / undici, node-tunnel ("tunneling socket could not be established,
      // statusCode=503"), urllib3 ("Tunnel connection failed: 503")
      /Proxy response \((?:502|503|504)\) !== 200 when HTTP Tunneling/,
      /tunneling socket could not be established,? statusCode=(?:502|503|504)/,
      /Tunnel connection failed: (?:502|503|504)/
    ),
    alternatives: [
      {
        cause: 'dns-failure',
        why:
          'Corporate proxies answer 502 or 503 when the host does not ' +
          'resolve (a typo in the endpoint, a deleted resource, a private-endpoint-only name): whether ' +
          '`nslookup <host>` finds the name decides.'
      }
    ]
  },
  {
    cause: 'proxy-failure',
    why: 'The proxy refused or failed the connection (CONNECT tunnel, 407 Proxy Authentication Required).',
    text: anyPhrase(
      /tunneling socket could not be established/,
      /Proxy response \(\d{3}\) !== 200 when HTTP Tunneling/,
      /Tunnel connection failed/,
      // corpus cli-login-proxy-407
      /Proxy Authentication Required/,
      /ProxyError/,
      /Unable to connect to proxy/,
      // VS Code's proxy agent (microsoft/microsoft-foundry-for-vscode#200), okhttp (HamaWhiteGG/langchain-java#30)
      /socket connection to proxies/,
      /Failed to authenticate with proxy/,
      /proxy (?:connect(?:ion)? )?(?:refused|failed|error)/,
      /CONNECT (?:tunnel )?failed/,
      /HTTP code 407/,
      /\b407\b.{0,40}proxy/,
      // .NET SocketsHttpHandler: "The proxy tunnel request to proxy '...' failed with status code '407'"; Go net/http
      /proxy tunnel request/,
      /proxyconnect tcp/
    )
  },
  {
    cause: 'tls-failure',
    why: 'The TLS certificate was not trusted (TLS-inspecting proxy, missing CA, wrong host).',
    text: anyPhrase(
      // Node (corpus search-demo-self-signed-cert-chain), OpenSSL via Python, .NET, Java (PKIX), curl
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE/,
      /SELF_SIGNED_CERT_IN_CHAIN/,
      /DEPTH_ZERO_SELF_SIGNED_CERT/,
      /UNABLE_TO_GET_ISSUER_CERT/,
      /unable to (?:get|verify) (?:the )?(?:local issuer|first) certificate/,
      /CERTIFICATE_VERIFY_FAILED/,
      /certificate verify failed/,
      /self[- ]signed certificate/,
      /certificate has expired/,
      /CERT_HAS_EXPIRED/,
      /ERR_TLS_CERT_ALTNAME_INVALID/,
      /does not match certificate's altnames/,
      /remote certificate is invalid/,
      /SSL connection could not be established/,
      /PKIX path building failed/,
      /SSLHandshakeException/,
      /unable to find valid certification path/,
      /\bSSLError\b/,
      /SSL: WRONG_VERSION_NUMBER/,
      /Hostname mismatch/,
      /certificate is not valid for/,
      /SSL certificate problem/,
      // Go crypto/x509
      /x509: certificate signed by unknown authority/,
      /tls: failed to verify certificate/
    )
  }
]

/** The connection itself: the name, the time it took, a refusal or reset, or a failure that kept no code. */
export const CONNECTION_RULES: readonly Rule[] = [
  {
    cause: 'dns-failure',
    why: 'The host name did not resolve (typo in the endpoint, a deleted resource, or private DNS only).',
    text: anyPhrase(
      // \b: "ResourceNotFoundException" / "ResourceNotFoundError" contain "enotfound" but are HTTP 404s.
      /\bENOTFOUND\b/,
      /\bEAI_AGAIN\b/,
      /getaddrinfo/,
      /Name or service not known/,
      /nodename nor servname/,
      /No such host is known/,
      /NameResolutionError/,
      /Failed to resolve/,
      /Temporary failure in name resolution/,
      /UnknownHostException/,
      /Could not resolve host/,
      /name resolution failed/,
      // Go net: "dial tcp: lookup x.openai.azure.com: no such host"
      /\blookup \S+(?: on \S+)?: no such host/,
      /\blookup \S+ on \S+: server misbehaving/,
      // musl (Alpine) resolver
      /Name does not resolve/,
      // glibc EAI_NODATA / EAI_NONAME as Python prints them: "[Errno -5] No address associated with hostname",
      // "[Errno -2] Name or service not known", "[Errno -3] Temporary failure ..." (Azure/azure-cli#20152)
      /No address associated with hostname/,
      /\bEAI_(?:NODATA|NONAME|FAIL)\b/,
      /\[Errno -(?:2|3|5)\]/
    ),
    alternatives: [
      {
        cause: 'proxy-failure',
        why:
          'On a network that reaches out only through a proxy, names do ' +
          'not resolve locally: if the runner sits behind one, whether HTTPS_PROXY is set decides.'
      }
    ]
  },
  {
    cause: 'timeout',
    why: 'The call did not complete in time (network path, proxy, or a hung service).',
    text: anyPhrase(
      /ETIMEDOUT/,
      /ESOCKETTIMEDOUT/,
      /UND_ERR_(?:CONNECT|HEADERS|BODY)_TIMEOUT/,
      /timed out/,
      /Request timed out/,
      /APITimeoutError/,
      /ConnectTimeout/,
      /ReadTimeout/,
      /The operation was aborted/,
      /AbortError/,
      /HttpClient\.Timeout/,
      /Timeout of \d+ ?ms exceeded/,
      /deadline exceeded/,
      // .NET HttpClient's timeout surfaces as a cancelled task
      /TaskCanceledException/,
      /SocketTimeoutException/,
      // Azure.Core: "The operation was cancelled because it exceeded the configured timeout of 0:01:40. Network
      // timeout can be adjusted in ClientOptions.Retry.NetworkTimeout." (microsoft/semantic-kernel#3223)
      /exceeded the configured timeout/,
      /Retry\.NetworkTimeout/
    )
  },
  {
    cause: 'proxy-failure',
    why:
      'Nothing accepted the connection (ECONNREFUSED): an HTTPS_PROXY that is not listening, or a firewall ' +
      'that rejects the connection to the host.',
    text: anyPhrase(
      /ECONNREFUSED/,
      /Connection refused/,
      /EHOSTUNREACH/,
      /ENETUNREACH/,
      /No route to host/,
      /Network is unreachable/
    )
  },
  {
    cause: 'proxy-failure',
    why:
      'The connection was reset before any HTTP answer (ECONNRESET): a proxy or firewall on the path cut it, ' +
      'typically one that does not allow the host.',
    text: anyPhrase(/ECONNRESET/, /Connection reset by peer/),
    alternatives: [
      {
        cause: 'tls-failure',
        why: 'A TLS-inspecting proxy also resets handshakes it refuses: a ' + 'certificate error in the log decides.'
      }
    ]
  },
  {
    cause: 'unknown',
    why:
      'The connection failed before any HTTP answer, and the text does not keep the underlying error: its ' +
      'code (ENOTFOUND, a certificate error, ECONNREFUSED or ECONNRESET, ETIMEDOUT) decides.',
    text: anyPhrase(
      // openai-python / openai-node wrap the cause away: "APIConnectionError: Connection error."
      /Connection error/,
      /APIConnectionError/,
      /network_error/,
      /Network request failed/,
      /socket hang up/,
      /socket disconnected before secure TLS connection/,
      /fetch failed/,
      /endpoints_resolution_error/,
      /Error communicating with/,
      /ServiceRequestError/
    ),
    alternatives: [
      { cause: 'dns-failure', why: 'ENOTFOUND / getaddrinfo in the underlying error: the host does not resolve.' },
      { cause: 'tls-failure', why: 'A certificate error in the underlying error: a TLS-inspecting proxy.' },
      { cause: 'proxy-failure', why: 'A refused or failed CONNECT through HTTPS_PROXY.' },
      { cause: 'timeout', why: 'ETIMEDOUT: the network path drops the traffic.' }
    ]
  }
]
