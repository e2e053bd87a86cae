import type { Db } from '../../db/client.ts'
import { AMOUNT_WORDS } from '../../core/amount-words.ts'
import type { Pdf } from '../../core/pdf.ts'
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import { lastOfMonth } from '../../core/calendar.ts'
import { BRAND, drawLetterhead, renderPdf } from '../../core/pdf.ts'
import { beneficiariesTable as b, membersTable, reimbursementsTable as r } from '../../db/schema/index.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

/** "Août 2026" for a whole month, "Année 2026" for a whole year, else "Du … au …". */
export function statementPeriodLabel(from: string, to: string): string {
  if (from.slice(5) === '01-01' && to === `${from.slice(0, 4)}-12-31`)
    return `Année ${from.slice(0, 4)}`
  if (from.slice(8) === '01' && to === lastOfMonth(from)) {
    const month = MONTHS[Number(from.slice(5, 7)) - 1]!
    return `${month[0]!.toUpperCase()}${month.slice(1)} ${from.slice(0, 4)}`
  }
  return `Du ${frenchDate(from)} au ${frenchDate(to)}`
}

interface Line {
  paymentDate: string
  careDate: string
  firstName: string
  rank: number
  careLabel: string
  providerName: string
  payee: 'MEMBER' | 'PROVIDER'
  expenseCents: number
  socialSecurityCents: number
  withheldCents: number
  mutuelleCents: number
  outOfPocketCents: number
}

// A4 is 595 pt wide; 50 pt margins leave 495 pt for the table
const COLUMNS = [
  { key: 'paid', title: 'Payé le', width: 50, align: 'left' },
  { key: 'who', title: 'Bénéficiaire', width: 58, align: 'left' },
  { key: 'care', title: 'Soins', width: 163, align: 'left' },
  { key: 'expense', title: 'Dépense', width: 56, align: 'right' },
  { key: 'ss', title: 'Sécurité sociale', width: 56, align: 'right' },
  { key: 'mutuelle', title: 'Votre mutuelle', width: 56, align: 'right' },
  { key: 'left', title: 'Reste à charge', width: 56, align: 'right' },
] as const
const LEFT = 50
const TABLE_WIDTH = COLUMNS.reduce((w, c) => w + c.width, 0)
const BOTTOM = 780

function drawHeaderRow(doc: Pdf, y: number): number {
  doc.save().rect(LEFT, y, TABLE_WIDTH, 24).fill(BRAND.color).restore()
  doc.font('Helvetica-Bold').fontSize(8).fillColor('#FFFFFF')
  let x = LEFT
  for (const column of COLUMNS) {
    doc.text(column.title, x + 4, y + 4, { width: column.width - 8, align: column.align, height: 20 })
    x += column.width
  }
  doc.fillColor('#111111')
  return y + 24
}

function drawLine(doc: Pdf, line: Line, y: number, shaded: boolean): number {
  const careWidth = COLUMNS[2].width - 8
  const detail = `Soins du ${frenchDate(line.careDate)} · ${line.providerName}${line.payee === 'PROVIDER' ? ' · tiers payant' : ''}`
  const labelHeight = doc.font('Helvetica').fontSize(8).heightOfString(line.careLabel, { width: careWidth })
  const detailHeight = doc.fontSize(7).heightOfString(detail, { width: careWidth })
  const height = Math.max(labelHeight + detailHeight + 1, doc.fontSize(8).heightOfString(line.firstName, { width: COLUMNS[1].width - 8 })) + 10
  if (shaded)
    doc.save().rect(LEFT, y, TABLE_WIDTH, height).fill('#F1F8F6').restore()
  const careX = LEFT + COLUMNS[0].width + COLUMNS[1].width + 4
  doc.font('Helvetica').fontSize(7).fillColor(BRAND.muted).text(detail, careX, y + 5 + labelHeight + 1, { width: careWidth })
  const cells = [
    frenchDate(line.paymentDate),
    line.firstName,
    line.careLabel,
    formatEuros(line.expenseCents),
    formatEuros(line.socialSecurityCents),
    formatEuros(line.mutuelleCents),
    formatEuros(line.outOfPocketCents),
  ]
  let x = LEFT
  COLUMNS.forEach((column, index) => {
    doc.font(index === 5 ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor('#111111')
    doc.text(cells[index]!, x + 4, y + 5, { width: column.width - 8, align: column.align })
    x += column.width
  })
  return y + height
}

function drawTotals(doc: Pdf, lines: Line[], y: number): number {
  const sum = (pick: (l: Line) => number) => lines.reduce((total, l) => total + pick(l), 0)
  doc.save().moveTo(LEFT, y).lineTo(LEFT + TABLE_WIDTH, y).lineWidth(1).stroke(BRAND.color).restore()
  const cells = ['Total', formatEuros(sum(l => l.expenseCents)), formatEuros(sum(l => l.socialSecurityCents)), formatEuros(sum(l => l.mutuelleCents)), formatEuros(sum(l => l.outOfPocketCents))]
  doc.font('Helvetica-Bold').fontSize(8.5)
  doc.text(cells[0]!, LEFT + 4, y + 6, { width: COLUMNS[0].width + COLUMNS[1].width + COLUMNS[2].width - 8 })
  let x = LEFT + COLUMNS[0].width + COLUMNS[1].width + COLUMNS[2].width
  for (let i = 3; i < COLUMNS.length; i++) {
    doc.text(cells[i - 2]!, x + 4, y + 6, { width: COLUMNS[i]!.width - 8, align: 'right' })
    x += COLUMNS[i]!.width
  }
  return y + 24
}

function drawSummary(doc: Pdf, lines: Line[], y: number): number {
  const sum = (pick: (l: Line) => number) => lines.reduce((total, l) => total + pick(l), 0)
  const boxes = [
    [AMOUNT_WORDS.expense, sum(l => l.expenseCents)],
    [AMOUNT_WORDS.socialSecurity, sum(l => l.socialSecurityCents)],
    [AMOUNT_WORDS.mutuelle, sum(l => l.mutuelleCents)],
    [AMOUNT_WORDS.outOfPocket, sum(l => l.outOfPocketCents)],
  ] as const
  const width = (TABLE_WIDTH - 3 * 8) / 4
  boxes.forEach(([label, cents], index) => {
    const x = LEFT + index * (width + 8)
    doc.save().roundedRect(x, y, width, 46, 4).fill(index === 2 ? '#E3F1EE' : '#F1F5F8').restore()
    doc.font('Helvetica').fontSize(7.5).fillColor(BRAND.muted).text(label, x + 8, y + 7, { width: width - 16 })
    doc.font('Helvetica-Bold').fontSize(12).fillColor(index === 2 ? BRAND.color : '#111111').text(formatEuros(cents), x + 8, y + 24, { width: width - 16 })
  })
  doc.fillColor('#111111')
  return y + 60
}

function drawByBeneficiary(doc: Pdf, lines: Line[], y: number): number {
  // the household's order: the member first, then by rank
  const people = [...new Set([...lines].sort((a, b) => a.rank - b.rank).map(l => l.firstName))]
  doc.font('Helvetica-Bold').fontSize(10).text('Par bénéficiaire', LEFT, y)
  y += 16
  for (const person of people) {
    const own = lines.filter(l => l.firstName === person)
    const reimbursed = own.reduce((t, l) => t + l.socialSecurityCents + l.mutuelleCents, 0)
    const left = own.reduce((t, l) => t + l.outOfPocketCents, 0)
    const acts = own.length === 1 ? '1 soin' : `${own.length} soins`
    doc.font('Helvetica').fontSize(8.5).fillColor('#111111')
      .text(`${person} — ${acts}\u00a0: ${formatEuros(reimbursed)} remboursés, ${formatEuros(left)} restés à charge`, LEFT, y, { width: TABLE_WIDTH })
    y += 13
  }
  return y + 6
}

/**
 * The relevé de prestations PDF of a household for a period (a month or a year).
 * Contract for the documents route: resolves to the PDF bytes; dates are inclusive YYYY-MM-DD.
 */
export async function renderBenefitsStatement(db: Db, memberId: string, from: string, to: string): Promise<Buffer> {
  const member = db.select().from(membersTable).where(eq(membersTable.id, memberId)).get()
  if (!member)
    throw new Error('renderBenefitsStatement: unknown member')
  const lines: Line[] = db.select({
    paymentDate: r.paymentDate,
    careDate: r.careDate,
    firstName: b.firstName,
    rank: b.rank,
    careLabel: r.careLabel,
    providerName: r.providerName,
    payee: r.payee,
    expenseCents: r.expenseCents,
    socialSecurityCents: r.socialSecurityCents,
    withheldCents: r.withheldCents,
    mutuelleCents: r.mutuelleCents,
    outOfPocketCents: r.outOfPocketCents,
  }).from(r)
    .innerJoin(b, eq(b.id, r.beneficiaryId))
    .where(and(eq(r.memberId, memberId), gte(r.paymentDate, from), lte(r.paymentDate, to)))
    .orderBy(asc(r.paymentDate), asc(r.careDate), asc(r.id))
    .all()
  const period = statementPeriodLabel(from, to)

  return renderPdf((doc) => {
    drawLetterhead(doc, 'Relevé de prestations', `${period} — prestations payées du ${frenchDate(from)} au ${frenchDate(to)}`)
    const civility = member.civility === 'MME' ? 'Mme' : 'M.'
    const address = [member.addressLine1, member.addressLine2, `${member.postalCode} ${member.city}`].filter(Boolean).join('\n')
    const top = doc.y + 4
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#111111').text(`${civility} ${member.firstName} ${member.lastName}`, 330, top, { width: 215 })
    doc.font('Helvetica').fontSize(9).text(address, 330, doc.y, { width: 215 })
    doc.font('Helvetica').fontSize(9).fillColor(BRAND.muted).text(`N° d'adhérent\u00a0: ${member.memberNumber}`, LEFT, top)
    doc.text(`${lines.length} ${lines.length > 1 ? 'prestations payées' : 'prestation payée'} sur la période`, LEFT, doc.y + 2)
    let y = Math.max(doc.y, top + 50) + 14

    if (!lines.length) {
      doc.font('Helvetica').fontSize(11).fillColor('#111111').text('Aucune prestation n\'a été payée sur cette période.', LEFT, y, { width: TABLE_WIDTH })
    }
    else {
      y = drawSummary(doc, lines, y)
      y = drawHeaderRow(doc, y)
      lines.forEach((line, index) => {
        doc.font('Helvetica').fontSize(8)
        if (y + 34 > BOTTOM) {
          doc.addPage()
          y = drawHeaderRow(doc, 50)
        }
        y = drawLine(doc, line, y, index % 2 === 1)
      })
      if (y + 30 > BOTTOM) {
        doc.addPage()
        y = 50
      }
      y = drawTotals(doc, lines, y)
      const people = new Set(lines.map(l => l.firstName)).size
      if (y + 30 + people * 13 > BOTTOM) {
        doc.addPage()
        y = 50
      }
      y = drawByBeneficiary(doc, lines, y + 10)
      const withheld = lines.reduce((t, l) => t + l.withheldCents, 0)
      const notes = [
        'Sécurité sociale\u00a0: montants versés après retenue des participations forfaitaires et franchises médicales'
        + (withheld ? ` (${formatEuros(withheld)} retenus sur la période), que votre mutuelle n'a pas le droit de rembourser.` : '.'),
        'Tiers payant\u00a0: la part de la mutuelle a été versée directement au professionnel de santé\u00a0; les autres prestations ont été virées sur votre compte.',
        'Le détail de chaque calcul est disponible dans votre espace adhérent, rubrique «\u00a0Mes remboursements\u00a0» («\u00a0Pourquoi ce montant\u00a0?\u00a0»).',
      ]
      if (y + 60 > BOTTOM) {
        doc.addPage()
        y = 50
      }
      doc.font('Helvetica').fontSize(7.5).fillColor(BRAND.muted)
      for (const note of notes) {
        doc.text(note, LEFT, y, { width: TABLE_WIDTH })
        y = doc.y + 3
      }
    }

    // page numbers once every page exists
    const range = doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      // below the bottom margin: without this pdfkit would open a new page for the footer
      doc.page.margins.bottom = 0
      doc.font('Helvetica').fontSize(7.5).fillColor(BRAND.muted)
        .text(`${BRAND.name} — relevé de prestations — ${period} — page ${i - range.start + 1} sur ${range.count}`, LEFT, 805, { width: TABLE_WIDTH, align: 'center', lineBreak: false })
    }
  }, { bufferPages: true, info: { Title: `Relevé de prestations — ${period}` } })
}
