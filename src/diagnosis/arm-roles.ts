// The built-in role that allows a Resource Manager action a 403 AuthorizationFailed names: the smallest of the
// common built-in roles whose `actions` cover it (Azure built-in roles reference: Reader `*/read`; Cognitive
// Services User adds `Microsoft.CognitiveServices/accounts/listkeys/action`; Cognitive Services Contributor
// `Microsoft.CognitiveServices/*`; Role Based Access Control Administrator `Microsoft.Authorization/
// roleAssignments/*`; User Access Administrator `Microsoft.Authorization/*`; Contributor `*` but Authorization).

const ROLE_BY_ACTION: readonly (readonly [RegExp, string])[] = [
  [/^Microsoft\.Authorization\/roleAssignments\//i, 'Role Based Access Control Administrator'],
  [/^Microsoft\.Authorization\//i, 'User Access Administrator'],
  [/\/read$/i, 'Reader'],
  [/^Microsoft\.CognitiveServices\/accounts\/listKeys\/action$/i, 'Cognitive Services User'],
  [/^Microsoft\.CognitiveServices\//i, 'Cognitive Services Contributor'],
  [/^Microsoft\.[\w.]+\//i, 'Contributor']
]

export function roleForArmAction(action: string): string | undefined {
  return ROLE_BY_ACTION.find(([pattern]) => pattern.test(action))?.[1]
}
