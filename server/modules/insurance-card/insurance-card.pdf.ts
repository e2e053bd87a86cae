import type { Pdf } from '../../core/pdf.ts'
import type { OwnInsuranceCard } from './insurance-card.service.ts'
import { BRAND, renderPdf } from '../../core/pdf.ts'
import { dataMatrixPng } from './card-format.ts'
import { frenchDate } from '../../core/format.ts'

// ID-1, the bank-card format (85.6 × 53.98 mm), in PDF points
const MM = 72 / 25.4
export const CARD_WIDTH = 85.6 * MM
export const CARD_HEIGHT = 53.98 * MM
const INK = '#111111'
const ACCENT = '#F2A541'

// text that must stay on one line: pdfkit would otherwise open a page when it reaches the bottom
function line(doc: Pdf, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.text(text, x, y, { lineBreak: false, ...options })
}

function label(doc: Pdf, text: string, x: number, y: number): void {
  doc.font('Helvetica').fontSize(4.6).fillColor(BRAND.muted)
  line(doc, text.toUpperCase(), x, y, { characterSpacing: 0.3 })
}

function drawRecto(doc: Pdf, card: OwnInsuranceCard, holder: string, dataMatrix: Buffer): void {
  const w = CARD_WIDTH
  doc.save().rect(0, 0, w, 30).fill(BRAND.color).restore()
  doc.save().rect(0, 30, w, 1.6).fill(ACCENT).restore()
  doc.fillColor('#FFFFFF').font('Helvetica-Bold').fontSize(10)
  line(doc, BRAND.name, 9, 7)
  doc.font('Helvetica').fontSize(5.2)
  line(doc, 'CARTE DE TIERS PAYANT', 9, 19.5, { characterSpacing: 0.5 })
  doc.font('Helvetica-Bold').fontSize(12)
  line(doc, card.validFrom.slice(0, 4), w - 9 - doc.widthOfString(card.validFrom.slice(0, 4)), 9)

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(7)
  doc.text(`${card.contract.productLabel} / ${card.contract.optionLabel}`, 9, 37, { width: 150, height: 18, ellipsis: true })

  label(doc, 'N° de carte', 9, 57)
  doc.fillColor(INK).font('Courier-Bold').fontSize(10)
  line(doc, card.cardNumber, 9, 63)
  label(doc, 'Adhérent', 90, 57)
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(6.5)
  doc.text(holder, 90, 63.5, { width: 72, height: 8, ellipsis: true, lineBreak: false })

  // the "pavé normalisé" of the Inter-AMC card: five labelled fields read by professionals
  const box = { x: 7, y: 80, w: 156, h: 66 }
  doc.save().roundedRect(box.x, box.y, box.w, box.h, 3).lineWidth(0.7).strokeColor(BRAND.color).stroke().restore()
  const field = (name: string, value: string, x: number, y: number) => {
    label(doc, name, x, y)
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(7.2)
    line(doc, value, x, y + 5.8)
  }
  field('N° AMC', card.amcNumber, box.x + 6, box.y + 5)
  field('Type de convention', card.conventionType, box.x + 80, box.y + 5)
  field('Critère de routage', card.routingCriterion, box.x + 6, box.y + 24)
  field('N° d\'adhérent', card.memberNumber, box.x + 80, box.y + 24)
  field('Période de validité', `du ${frenchDate(card.validFrom)} au ${frenchDate(card.validTo)}`, box.x + 6, box.y + 43)

  const size = 60
  const dmX = w - 9 - size
  doc.image(dataMatrix, dmX, 40, { width: size, height: size })
  if (card.contract.responsible) {
    doc.save().roundedRect(dmX, 108, size, 14, 2).fill(BRAND.color).restore()
    doc.fillColor('#FFFFFF').font('Helvetica-Bold').fontSize(4.8)
    const mark = 'CONTRAT RESPONSABLE'
    line(doc, mark, dmX + (size - doc.widthOfString(mark)) / 2, 112.8)
  }
  doc.fillColor(BRAND.muted).font('Helvetica').fontSize(4.4)
  doc.text('Présentez cette carte avec votre carte Vitale.', dmX, 127, { width: size, align: 'center' })
}

function drawVerso(doc: Pdf, card: OwnInsuranceCard): void {
  const w = CARD_WIDTH
  const margin = 6
  doc.save().rect(0, 0, w, 17).fill(BRAND.color).restore()
  doc.fillColor('#FFFFFF').font('Helvetica-Bold').fontSize(6.4)
  line(doc, `Bénéficiaires et droits en tiers payant — ${card.validFrom.slice(0, 4)}`, margin + 2, 5.5)

  const codes = card.legend.map(d => d.code)
  const nameW = 58
  const birthW = 32
  const rankW = 18
  const codeW = Math.min(16, (w - margin * 2 - nameW - birthW - rankW) / Math.max(codes.length, 1))
  const top = 21
  const rowH = Math.min(10.5, 58 / Math.max(card.beneficiaries.length, 1))
  doc.fillColor(BRAND.color).font('Helvetica-Bold').fontSize(4.3)
  line(doc, 'BÉNÉFICIAIRE', margin, top)
  line(doc, 'NÉ(E) LE', margin + nameW, top)
  line(doc, 'RANG', margin + nameW + birthW, top)
  doc.fontSize(4.1)
  codes.forEach((code, i) => line(doc, code, margin + nameW + birthW + rankW + i * codeW, top, { width: codeW, align: 'center' }))
  let y = top + 7
  for (const b of card.beneficiaries) {
    doc.save().moveTo(margin, y - 1.5).lineTo(w - margin, y - 1.5).lineWidth(0.3).strokeColor('#D4DDE3').stroke().restore()
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(5.8)
    doc.text(`${b.firstName} ${b.lastName}`, margin, y + 1, { width: nameW - 2, height: 7, ellipsis: true, lineBreak: false })
    doc.font('Helvetica').fontSize(5.6)
    line(doc, frenchDate(b.birthDate), margin + nameW, y + 1)
    line(doc, String(b.rank).padStart(2, '0'), margin + nameW + birthW, y + 1)
    codes.forEach((code, i) => {
      const cx = margin + nameW + birthW + rankW + i * codeW + codeW / 2
      if (b.domains.includes(code))
        doc.save().circle(cx, y + 3.4, 1.9).fill(BRAND.color).restore()
      else
        doc.save().moveTo(cx - 1.6, y + 3.4).lineTo(cx + 1.6, y + 3.4).lineWidth(0.5).strokeColor(BRAND.muted).stroke().restore()
    })
    y += rowH
  }

  // the legend of the codes, as printed on the back of real cards
  doc.fillColor(INK).font('Helvetica').fontSize(4.6)
  const legend = card.legend.map(d => `${d.code} ${d.label}`).join('  ·  ')
  doc.text(`Tiers payant (•)\u00a0: ${legend}.`, margin, Math.max(y + 3, 92), { width: w - margin * 2, height: 22, ellipsis: true })
  doc.fillColor(BRAND.muted).fontSize(4.3)
  doc.text(`Carte personnelle, valable du ${frenchDate(card.validFrom)} au ${frenchDate(card.validTo)} sous réserve du paiement des cotisations. Professionnels de santé\u00a0: vérifiez les droits avec le numéro de carte et la date de naissance du bénéficiaire.`, margin, CARD_HEIGHT - 20, { width: w - margin * 2, height: 16, ellipsis: true })
}

/** The card as a two-page PDF at card size: recto (contract, pavé normalisé, DataMatrix), verso (beneficiaries and rights). */
export async function renderInsuranceCardPdf(card: OwnInsuranceCard, holder: string): Promise<Buffer> {
  const dataMatrix = await dataMatrixPng(card.dataMatrixText)
  return renderPdf((doc) => {
    drawRecto(doc, card, holder, dataMatrix)
    doc.addPage({ size: [CARD_WIDTH, CARD_HEIGHT], margin: 0 })
    drawVerso(doc, card)
  }, {
    size: [CARD_WIDTH, CARD_HEIGHT],
    margin: 0,
    info: { Title: `Carte de tiers payant ${card.validFrom.slice(0, 4)} — ${card.contract.productLabel}` },
  })
}
