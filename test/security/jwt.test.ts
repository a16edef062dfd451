import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { decodeJwtClaims, findJwts } from '../../src/security/jwt.ts'

const claims = { aud: 'https://cognitiveservices.azure.com', tid: '72f988bf-86f1-41af-91ab-2d7cd011db47', oid: 'abc' }

async function signedToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256')
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).setExpirationTime('1h').sign(privateKey)
}

describe('decodeJwtClaims', () => {
  it('reads the claims of a signed token without verifying it', async () => {
    expect(decodeJwtClaims(await signedToken())).toMatchObject(claims)
  })

  it('reads an unsigned token (empty signature part)', () => {
    expect(decodeJwtClaims(new UnsecuredJWT(claims).encode())).toMatchObject(claims)
  })

  it('answers undefined for an API key, a GUID, or dotted text that is not JSON', () => {
    expect(decodeJwtClaims('0123456789abcdef0123456789abcdef')).toBeUndefined()
    expect(decodeJwtClaims('72f988bf-86f1-41af-91ab-2d7cd011db47')).toBeUndefined()
    expect(decodeJwtClaims('a.b.c')).toBeUndefined()
    expect(decodeJwtClaims('eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.sig')).toBeUndefined()
  })
})

describe('findJwts', () => {
  it('finds tokens inside a curl -v log and a JSON body', async () => {
    const token = await signedToken()
    const log = `> Authorization: Bearer ${token}\r\n< HTTP/1.1 401 Unauthorized\n{"access_token":"${token}"}`
    expect(findJwts(log)).toEqual([token, token])
  })

  it('ignores redacted and JWT-looking fragments that do not decode', () => {
    expect(findJwts('Authorization: Bearer eyJ0eXAi... (redacted) and eyJxxx.eyJyyy.zzz')).toEqual([])
  })
})
