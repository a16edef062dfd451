/** A GUID (client, tenant, object and role ids), as the source of a regular expression. */
export const GUID_SOURCE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

const WHOLE_GUID = new RegExp(`^${GUID_SOURCE}$`)

export function isGuid(value: string): boolean {
  return WHOLE_GUID.test(value)
}
