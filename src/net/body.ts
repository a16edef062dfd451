/**
 * What the action reads of any answer: enough to classify it (Entra's and Azure's error bodies are a few KiB), never
 * more, so a huge or endless body costs neither memory nor time. Redaction and classification see only this part.
 */
export const MAX_BODY_CHARS = 64 * 1024

export interface CappedBody {
  text: string
  /** The answer was longer than the cap (or its connection ended before the body did): the text is a part only. */
  truncated: boolean
}

/** Cuts a body already read (an SDK read it whole) to the cap. */
export function capBody(text: string): CappedBody {
  return text.length > MAX_BODY_CHARS
    ? { text: text.slice(0, MAX_BODY_CHARS), truncated: true }
    : { text, truncated: false }
}

/** Reads a fetch response's body up to the cap, then stops reading (and lets the connection go). */
export async function readCappedBody(response: Response): Promise<CappedBody> {
  if (!response.body) return { text: '', truncated: false }
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
      if (text.length > MAX_BODY_CHARS) {
        await reader.cancel().catch(() => undefined)
        return { text: text.slice(0, MAX_BODY_CHARS), truncated: true }
      }
    }
  } catch {
    // The connection ended mid-body: what came is all there is, and it is a part only.
    return { text, truncated: true }
  }
  return { text: text + decoder.decode(), truncated: false }
}
