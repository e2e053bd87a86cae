import type { HouseholdData } from './data-export.service.ts'
import { BRAND, drawLetterhead, renderPdf } from '../../core/pdf.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'
import { drawFacts, drawGeneratedFooter, drawSectionTitle, drawTable, formatRank, RELATIONSHIP_LABELS } from '../documents/pdf-layout.ts'

const CONSENT_LABELS: Record<string, string> = { PAPERLESS: 'Zéro papier (documents en ligne uniquement)', NEWS_EMAIL: 'Actualités par e-mail' }
const STATUS_LABELS: Record<string, string> = { SUBMITTED: 'En cours', ACCEPTED: 'Acceptée', REJECTED: 'Refusée', MISSING_DOCUMENTS: 'Pièces manquantes' }
const KIND_LABELS: Record<string, string> = {
  REIMBURSEMENT: 'Demande de remboursement',
  QUOTE: 'Analyse de devis',
  BENEFICIARY_ADDITION: 'Ajout de bénéficiaire',
  BENEFICIARY_REMOVAL: 'Retrait de bénéficiaire',
  BANK_DETAILS_CHANGE: 'Changement de coordonnées bancaires',
  DATA_EXPORT: 'Copie de mes données',
  DATA_RIGHTS: 'Exercice de mes droits sur mes données',
  AFFILIATION: 'Affiliation (changement d\'option)',
}

const day = (iso: string | null | undefined) => (iso ? frenchDate(iso.slice(0, 10)) : '—')

/** The readable half of the data export: what the JSON holds, summed up section by section. */
export function renderDataExportPdf(data: HouseholdData, today: string): Promise<Buffer> {
  const m = data.member
  return renderPdf((doc) => {
    drawLetterhead(doc, 'Synthèse de mes données personnelles', `${m.firstName} ${m.lastName} — adhérent n° ${m.memberNumber}`)
    doc.font('Helvetica').fontSize(10).fillColor('#111111').text(
      `Ce document résume les données que ${BRAND.name} détient sur votre foyer dans l'Espace adhérent. Le détail complet, lisible par un logiciel, est dans le fichier mes-donnees.json de la même archive. Le numéro de sécurité sociale et les IBAN y sont masqués.`,
      50,
      doc.y,
      { width: doc.page.width - 100 },
    )

    drawSectionTitle(doc, 'Identité et coordonnées')
    drawFacts(doc, [
      ['Nom', `${m.civility === 'MME' ? 'Mme' : 'M.'} ${m.firstName} ${m.lastName}`],
      ['Né(e) le', day(m.birthDate)],
      ['Adresse', [m.addressLine1, m.addressLine2, `${m.postalCode} ${m.city}`, m.country].filter(Boolean).join(', ')],
      ['E-mail', m.email],
      ['Téléphone', m.phone ?? '—'],
      ['N° de sécurité sociale', m.nirMasked],
      ['Adhérent depuis le', day(m.createdAt)],
      ['Comptes de connexion', data.accounts.map(a => a.email).join(', ') || '—'],
    ])

    drawSectionTitle(doc, 'Consentements')
    if (data.consents.length) {
      drawTable(doc, [
        { header: 'Consentement', width: 235 },
        { header: 'Donné le', width: 130 },
        { header: 'Retiré le', width: 130 },
      ], data.consents.map(c => [CONSENT_LABELS[c.kind] ?? c.kind, day(c.grantedAt), day(c.withdrawnAt)]))
    }
    else {
      doc.font('Helvetica').fontSize(10).text('Aucun consentement enregistré.')
    }

    drawSectionTitle(doc, 'Bénéficiaires')
    drawTable(doc, [
      { header: 'Bénéficiaire', width: 140 },
      { header: 'Lien', width: 100 },
      { header: 'Rang', width: 40, align: 'center' },
      { header: 'Né(e) le', width: 75 },
      { header: 'Couvert(e) du', width: 70 },
      { header: 'au', width: 70 },
    ], data.beneficiaries.map(b => [`${b.firstName} ${b.lastName}`, RELATIONSHIP_LABELS[b.relationship] ?? b.relationship, formatRank(b.rank), day(b.birthDate), day(b.coverageStart), day(b.coverageEnd)]))

    drawSectionTitle(doc, 'Contrats')
    drawTable(doc, [
      { header: 'Contrat', width: 230 },
      { header: 'Numéro', width: 100 },
      { header: 'Depuis le', width: 85 },
      { header: 'Cotisation mensuelle', width: 80, align: 'right' },
    ], data.contracts.map(c => [`${c.productLabel} / ${c.optionLabel}`, c.number, day(c.startDate), formatEuros(c.monthlyContributionCents)]))

    drawSectionTitle(doc, 'Coordonnées bancaires')
    drawTable(doc, [
      { header: 'Titulaire', width: 160 },
      { header: 'IBAN (masqué)', width: 170 },
      { header: 'Usage', width: 165 },
    ], data.bankAccounts.map(a => [a.holderName, a.ibanMasked, [a.forContributions ? 'cotisations' : '', a.forReimbursements ? 'remboursements' : ''].filter(Boolean).join(' et ') || (a.status === 'REPLACED' ? 'remplacé' : '—')]))

    drawSectionTitle(doc, 'Remboursements par année de soins')
    const years = new Map<string, { count: number, mutuelle: number }>()
    for (const r of data.reimbursements) {
      const y = years.get(r.careDate.slice(0, 4)) ?? { count: 0, mutuelle: 0 }
      y.count++
      y.mutuelle += r.mutuelleCents
      years.set(r.careDate.slice(0, 4), y)
    }
    drawTable(doc, [
      { header: 'Année', width: 120 },
      { header: 'Remboursements', width: 180, align: 'right' },
      { header: 'Versé par la mutuelle', width: 195, align: 'right' },
    ], [...years.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([y, v]) => [y, String(v.count), formatEuros(v.mutuelle)]))

    drawSectionTitle(doc, 'Démarches')
    drawTable(doc, [
      { header: 'Référence', width: 100 },
      { header: 'Démarche', width: 200 },
      { header: 'Envoyée le', width: 95 },
      { header: 'État', width: 100 },
    ], [...data.procedures].reverse().map(p => [p.reference, KIND_LABELS[p.kind] ?? p.kind, day(p.submittedAt), STATUS_LABELS[p.status] ?? p.status]))

    drawSectionTitle(doc, 'Autres données')
    drawFacts(doc, [
      ['Échanges de la messagerie', `${data.messageThreads.length} conversation(s), ${data.messages.length} message(s)`],
      ['Documents', `${data.documents.length} document(s), ${data.files.length} fichier(s) envoyé(s)`],
      ['Échéances de cotisations', String(data.contributionInstalments.length)],
      ['Sessions de connexion', String(data.sessions.length)],
      ['Notifications envoyées', String(data.notifications.length)],
      ['Événements du journal d\'audit', String(data.auditEvents.length)],
    ])
    drawGeneratedFooter(doc, today, 'Le journal d\'audit ne peut être ni modifié ni effacé\u00a0: il est conservé même après un effacement de vos données.')
  }, { info: { Title: 'Synthèse de mes données personnelles' } })
}
