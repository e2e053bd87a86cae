/** A mutation's user errors, split into messages by field (first one kept) and messages for the whole form. */
export function splitUserErrors<F extends string>(
  errors: readonly { field?: string | null, message: string }[],
  fields: readonly F[],
): { byField: Partial<Record<F, string>>, form: string[] } {
  const byField: Partial<Record<F, string>> = {}
  const form: string[] = []
  for (const error of errors) {
    const field = fields.find(f => f === error.field)
    if (field) byField[field] ??= error.message
    else form.push(error.message)
  }
  return { byField, form }
}

export const UNREACHABLE = 'Le service est momentanément indisponible. Vérifiez votre connexion puis réessayez.'
