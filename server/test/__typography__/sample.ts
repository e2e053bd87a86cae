export const object = { label: 'ok', kind: 'a' as const }
export const warning = 'Montant ; à vérifier'
export const pick = (flag: boolean): string => (flag ? 'Oui' : 'Non')
export const css = '@media (min-width: 640px)'
