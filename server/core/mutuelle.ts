/**
 * Who runs this portal: a mutuelle sets its identity through the environment (the demo's defaults
 * describe a fictitious mutuelle). Shown in the header, the footer, the legal pages and the PDFs.
 */
export interface MutuelleIdentity {
  name: string
  legalForm: string
  registration: string
  address: string
  publicationDirector: string
  host: string
  dataProtectionContact: string
  supervisor: string
}

export function mutuelleIdentity(env: NodeJS.ProcessEnv = process.env): MutuelleIdentity {
  const value = (key: string, fallback: string) => env[key]?.trim() || fallback
  return {
    name: value('MUTUELLE_NAME', 'Mutuelle Horizon'),
    legalForm: value('MUTUELLE_LEGAL_FORM', 'Mutuelle soumise aux dispositions du livre II du Code de la mutualité'),
    registration: value('MUTUELLE_REGISTRATION', 'Immatriculée au répertoire SIRENE sous le numéro 000 000 000 (mutuelle fictive de démonstration)'),
    address: value('MUTUELLE_ADDRESS', '1 place de la Santé, 75000 Paris'),
    publicationDirector: value('MUTUELLE_PUBLICATION_DIRECTOR', 'La présidente du conseil d\'administration'),
    host: value('MUTUELLE_HOST', 'Hébergé par la mutuelle sur ses propres serveurs, en France'),
    dataProtectionContact: value('MUTUELLE_DPO_CONTACT', 'dpo@mutuelle-horizon.example'),
    supervisor: value('MUTUELLE_SUPERVISOR', 'Autorité de contrôle prudentiel et de résolution (ACPR), 4 place de Budapest, 75009 Paris'),
  }
}
