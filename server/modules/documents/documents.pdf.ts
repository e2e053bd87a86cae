import type { Pdf } from '../../core/pdf.ts'
import type { AttestationData, guaranteeTableData, scheduleData } from './documents.service.ts'
import { BRAND, drawLetterhead, renderPdf } from '../../core/pdf.ts'
import { guaranteeExample, guaranteeSummary } from '../contracts/guarantee-example.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'
import { CONTRIBUTION_WORDS } from '../../core/amount-words.ts'
import { drawFacts, drawGeneratedFooter, drawSectionTitle, drawTable, formatRank, RELATIONSHIP_LABELS } from './pdf-layout.ts'
import { holderName } from './documents.service.ts'

const CARE_LABELS: Record<string, string> = {
  CONSULTATION: 'Consultations',
  PHARMACY: 'Pharmacie',
  LABORATORY: 'Analyses de laboratoire',
  RADIOLOGY: 'Radiologie',
  HOSPITAL: 'Hospitalisation',
  DENTAL: 'Dentaire',
  OPTICS: 'Optique',
  AUDIOLOGY: 'Audiologie',
  PARAMEDICAL: 'Auxiliaires médicaux',
  ALTERNATIVE_MEDICINE: 'Médecines douces',
}

const STATUS_LABELS: Record<string, string> = { PAID: 'Payée', SCHEDULED: 'À venir', REJECTED: 'Rejetée' }
const METHOD_LABELS: Record<string, string> = { SEPA_DIRECT_DEBIT: 'Prélèvement SEPA', PAYROLL: 'Précompte sur salaire', TRANSFER: 'Virement' }

function address(member: AttestationData['member']): string {
  return [member.addressLine1, member.addressLine2, `${member.postalCode} ${member.city}`].filter(Boolean).join(', ')
}

/** Attestation de droits: the household covered by a contract, with ranks, birth dates and coverage dates. */
export function renderAttestationPdf(data: AttestationData): Promise<Buffer> {
  const { contract, member } = data
  return renderPdf((doc) => {
    drawLetterhead(doc, 'Attestation de droits', `${contract.productLabel} / ${contract.optionLabel} — contrat n° ${contract.number}`)
    doc.font('Helvetica').fontSize(10).fillColor('#111111')
      .text(`${BRAND.name} atteste que les personnes ci-dessous bénéficient du contrat de complémentaire santé désigné, du ${frenchDate(data.validFrom)} au ${frenchDate(data.validTo)}, sous réserve du paiement des cotisations.`, 50, doc.y, { width: doc.page.width - 100 })
    drawSectionTitle(doc, 'Adhérent')
    drawFacts(doc, [
      ['Nom', holderName(member)],
      ['Numéro d\'adhérent', member.memberNumber],
      ['Adresse', address(member)],
      ['Né(e) le', frenchDate(member.birthDate)],
    ])
    drawSectionTitle(doc, 'Contrat')
    drawFacts(doc, [
      ['Produit et option', `${contract.productLabel} / ${contract.optionLabel}`],
      ['Numéro de contrat', contract.number],
      ['Date d\'effet', frenchDate(contract.startDate)],
      ['Nature', `${contract.collective ? 'Contrat collectif' : 'Contrat individuel'}${contract.responsible ? ', responsable' : ''}`],
      ['Numéro AMC / type de convention', `${contract.amcNumber} / ${contract.conventionType}`],
      ['Période de validité', `du ${frenchDate(data.validFrom)} au ${frenchDate(data.validTo)}`],
    ])
    drawSectionTitle(doc, 'Bénéficiaires couverts')
    drawTable(doc, [
      { header: 'Bénéficiaire', width: 130 },
      { header: 'Lien', width: 95 },
      { header: 'Rang', width: 40, align: 'center' },
      { header: 'Date de naissance', width: 80 },
      { header: 'Début de couverture', width: 75 },
      { header: 'Fin', width: 75 },
    ], data.people.map(p => [
      `${p.firstName} ${p.lastName}`,
      RELATIONSHIP_LABELS[p.relationship] ?? p.relationship,
      formatRank(p.rank),
      frenchDate(p.birthDate),
      frenchDate(p.startDate),
      p.endDate ? frenchDate(p.endDate) : '—',
    ]))
    doc.moveDown(1.2)
    doc.font('Helvetica').fontSize(10).fillColor('#111111').text(`Fait pour servir et valoir ce que de droit, le ${frenchDate(data.issuedOn)}.`, 50, doc.y)
    doc.font('Helvetica-Bold').text(`Le service adhérents de ${BRAND.name}`)
    drawGeneratedFooter(doc, data.issuedOn, 'Cette attestation ne remplace pas l\'attestation de droits de l\'Assurance Maladie.')
  }, { info: { Title: `Attestation de droits — ${contract.productLabel}` } })
}

/** Échéancier de cotisations: instalments with the employer share, totals and the SEPA mandate. */
export function renderSchedulePdf(data: ReturnType<typeof scheduleData>): Promise<Buffer> {
  const { contract, summary } = data
  return renderPdf((doc) => {
    drawLetterhead(doc, 'Échéancier de cotisations', `${contract.productLabel} / ${contract.optionLabel} — contrat n° ${contract.number}`)
    drawFacts(doc, [
      ['Adhérent', `${holderName(data.member)} — n° ${data.member.memberNumber}`],
      ['Période', summary.periodStart && summary.periodEnd ? `du ${frenchDate(summary.periodStart)} au ${frenchDate(summary.periodEnd)}` : '—'],
      ['Cotisation mensuelle', formatEuros(contract.monthlyContributionCents)],
      ['Participation de l\'employeur', `${formatEuros(contract.employerParticipationCents)} par mois`],
    ])
    if (data.mandate) {
      drawSectionTitle(doc, 'Prélèvement SEPA')
      drawFacts(doc, [
        ['Référence unique de mandat (RUM)', data.mandate.reference],
        ['Identifiant créancier SEPA (ICS)', data.mandate.creditorIdentifier],
        ['Compte débité', data.mandate.accountIbanMasked],
        ['Mandat signé le', frenchDate(data.mandate.signedAt.slice(0, 10))],
      ])
    }
    drawSectionTitle(doc, 'Votre année')
    drawFacts(doc, [
      [CONTRIBUTION_WORDS.yearly, summary.rejectionFeesCents > 0 ? `${formatEuros(summary.yearlyTotalCents)} (dont ${formatEuros(summary.rejectionFeesCents)} de frais de rejet)` : formatEuros(summary.yearlyTotalCents)],
      [CONTRIBUTION_WORDS.paid, formatEuros(summary.paidCents)],
      [CONTRIBUTION_WORDS.toSettle, formatEuros(summary.toSettleCents)],
      [CONTRIBUTION_WORDS.toCome, formatEuros(summary.upcomingCents)],
    ], 1)
    drawSectionTitle(doc, 'Échéances')
    drawTable(doc, [
      { header: 'Échéance', width: 65 },
      { header: 'Votre part', width: 70, align: 'right' },
      { header: 'Part employeur', width: 75, align: 'right' },
      { header: 'Mode de paiement', width: 100 },
      { header: 'Statut', width: 185 },
    ], [
      ...data.instalments.map(i => [frenchDate(i.dueDate), formatEuros(i.amountCents), formatEuros(i.employerShareCents), METHOD_LABELS[i.method] ?? i.method, [STATUS_LABELS[i.status] ?? i.status, i.note].filter(Boolean).join(' — ')]),
      ...(summary.rejectionFeesCents > 0 ? [[CONTRIBUTION_WORDS.fees, formatEuros(summary.rejectionFeesCents), '', '', '']] : []),
      ['Total', formatEuros(summary.yearlyTotalCents), formatEuros(summary.employerTotalCents), '', ''],
    ], { boldLast: true })
    drawGeneratedFooter(doc, data.issuedOn, 'Les prélèvements ont lieu à la date d\'échéance ou le jour ouvré suivant.')
  }, { info: { Title: `Échéancier de cotisations — ${contract.productLabel}` } })
}

/** Tableau de garanties, each line with a worked example computed by the reimbursement engine. */
export function renderGuaranteeTablePdf(data: ReturnType<typeof guaranteeTableData>, withExamples: boolean): Promise<Buffer> {
  const { contract } = data
  const title = withExamples ? 'Guide des garanties' : 'Tableau de garanties'
  return renderPdf((doc) => {
    drawLetterhead(doc, title, `${contract.productLabel} / ${contract.optionLabel} — contrat n° ${contract.number}`)
    doc.font('Helvetica').fontSize(9).fillColor(BRAND.muted)
      .text('BRSS\u00a0: base de remboursement de la Sécurité sociale. Les pourcentages incluent le remboursement de la Sécurité sociale. Les forfaits s\'entendent par bénéficiaire et par année civile.', 50, doc.y, { width: doc.page.width - 100 })
    doc.moveDown(0.8)
    drawTable(doc, [
      { header: 'Poste', width: 95 },
      { header: 'Garantie', width: 225 },
      { header: 'Remboursement', width: 125 },
      { header: '100 % Santé', width: 50, align: 'center' },
    ], data.guarantees.map(g => [CARE_LABELS[g.careType] ?? g.careType, g.label, guaranteeSummary(g), g.hundredPercentSante ? 'Oui' : '—']), { fontSize: 8.5 })
    if (withExamples) {
      drawSectionTitle(doc, 'Exemples de remboursement')
      drawTable(doc, [
        { header: 'Exemple', width: 215 },
        { header: 'Sécurité sociale', width: 95, align: 'right' },
        { header: 'Votre mutuelle', width: 95, align: 'right' },
        { header: 'Reste à charge', width: 90, align: 'right' },
      ], data.guarantees.map((g) => {
        const e = guaranteeExample(g)
        return [e.description, formatEuros(e.socialSecurityCents), formatEuros(e.mutuelleCents), formatEuros(e.outOfPocketCents)]
      }), { fontSize: 8.5 })
    }
    drawGeneratedFooter(doc, data.issuedOn, 'Exemples calculés pour un adulte, sans forfait déjà utilisé dans l\'année.')
  }, { info: { Title: `${title} — ${contract.productLabel}` } })
}

/** Notice d'information: the contract's essential terms in plain French, with its guarantee table. */
export function renderNoticePdf(data: ReturnType<typeof guaranteeTableData>): Promise<Buffer> {
  const { contract } = data
  const paragraph = (text: string) => (doc: Pdf) => doc.font('Helvetica').fontSize(9.5).fillColor('#111111').text(text, 50, doc.y, { width: doc.page.width - 100, align: 'justify' })
  const sections: [string, string][] = [
    ['Objet du contrat', `${contract.productLabel} (${contract.optionLabel}) est un contrat de complémentaire santé ${contract.collective ? 'collectif, souscrit par votre employeur' : 'individuel'}${contract.responsible ? ' et responsable\u00a0: il respecte les planchers et plafonds de remboursement fixés par le Code de la Sécurité sociale, prend en charge le panier 100 % Santé et ne rembourse ni les participations forfaitaires ni les franchises médicales' : ''}.`],
    ['Bénéficiaires', 'Sont couverts l\'adhérent et les ayants droit inscrits au contrat\u00a0: conjoint, partenaire de PACS ou concubin, enfants jusqu\'à 21 ans, ou 28 ans s\'ils poursuivent des études. Une naissance ou un mariage déclaré dans les six mois prend effet à la date de l\'événement.'],
    ['Prise d\'effet et durée', `Le contrat n° ${contract.number} a pris effet le ${frenchDate(contract.startDate)}. Il se renouvelle chaque 1er janvier par tacite reconduction\u00a0; la carte de tiers payant et l'attestation de droits sont établies pour l'année civile.`],
    ['Cotisations', `La cotisation mensuelle est de ${formatEuros(contract.monthlyContributionCents)}${contract.employerParticipationCents > 0 ? `, dont ${formatEuros(contract.employerParticipationCents)} pris en charge par votre employeur` : ''}. Elle est prélevée le 5 de chaque mois sur le compte désigné dans votre espace adhérent, en vertu d'un mandat de prélèvement SEPA.`],
    ['Prestations', 'Les remboursements complètent ceux de la Sécurité sociale selon le tableau de garanties ci-dessous. Les pourcentages s\'appliquent à la base de remboursement de la Sécurité sociale (BRSS) et incluent sa part\u00a0; les forfaits s\'entendent par bénéficiaire et par année civile. Le remboursement ne peut dépasser la dépense engagée.'],
    ['Réclamations et médiation', 'Pour toute réclamation, écrivez-nous depuis la messagerie de votre espace adhérent. Sans réponse satisfaisante sous deux mois, vous pouvez saisir gratuitement le Médiateur de la Mutualité.'],
    ['Données personnelles', 'Vos données, dont les données de santé, sont traitées pour la gestion de votre contrat et de vos remboursements, par les seules personnes habilitées. Vous pouvez y accéder, les rectifier ou en obtenir une copie en écrivant à votre conseiller depuis la messagerie de votre espace\u00a0; la rubrique «\u00a0Mes données personnelles\u00a0» montre qui a consulté votre dossier.'],
  ]
  return renderPdf((doc) => {
    drawLetterhead(doc, 'Notice d\'information', `${contract.productLabel} / ${contract.optionLabel} — contrat n° ${contract.number}`)
    for (const [title, text] of sections) {
      drawSectionTitle(doc, title)
      paragraph(text)(doc)
    }
    drawSectionTitle(doc, 'Tableau de garanties')
    drawTable(doc, [
      { header: 'Poste', width: 110 },
      { header: 'Remboursement', width: 385 },
    ], data.guarantees.map(g => [CARE_LABELS[g.careType] ?? g.careType, guaranteeSummary(g)]), { fontSize: 8.5 })
    drawGeneratedFooter(doc, data.issuedOn, 'Seules les conditions générales et le tableau de garanties en vigueur font foi.')
  }, { info: { Title: `Notice d'information — ${contract.productLabel}` } })
}
