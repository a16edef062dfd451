// The fake issuers' RS256 keys, loaded once per process from the PKI (generated once per test run).
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { exportJWK, type JWK } from 'jose'
import { testWorldPki, type SigningKeyName } from './pki.ts'

export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  jwk: JWK
}

const cache = new Map<SigningKeyName, Promise<SigningKey>>()

const KEY_IDS: Record<SigningKeyName, string> = {
  github: 'cc413527-173f-5a05-976e-9c52b1d7b431',
  entra: 'JDNa_4i4r7FgigL3sHIlI3xV-IU',
  forger: 'cc413527-173f-5a05-976e-9c52b1d7b431' // the GitHub kid: a forgery claims to be GitHub's key
}

export function signingKey(name: SigningKeyName): Promise<SigningKey> {
  let key = cache.get(name)
  if (!key) {
    key = (async () => {
      const privateKey = createPrivateKey(testWorldPki().signingKeyPem(name))
      const publicKey = createPublicKey(privateKey)
      const kid = KEY_IDS[name]
      const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' }
      return { kid, privateKey, publicKey, jwk }
    })()
    cache.set(name, key)
  }
  return key
}
