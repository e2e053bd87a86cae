import type { Pdf } from '../../core/pdf.ts'
import { BRAND } from '../../core/pdf.ts'
import { frenchDate } from '../../core/format.ts'

/** Layout helpers shared by the generated A4 documents (attestation, échéancier, garanties). */

/** Rank as CPAM documents print it: 1 → "01". */
export function formatRank(rank: number): string {
  return String(rank).padStart(2, '0')
}

export const RELATIONSHIP_LABELS: Record<string, string> = {
  SELF: 'Adhérent principal',
  SPOUSE: 'Conjoint(e)',
  CHILD: 'Enfant',
  OTHER: 'Autre ayant droit',
}

export interface Column { header: string, width: number, align?: 'left' | 'right' | 'center' }

const LEFT = 50

/** A light key/value block: label in muted small caps, value below, laid out in columns. */
export function drawFacts(doc: Pdf, facts: [string, string][], columns = 2): void {
  const width = doc.page.width - LEFT * 2
  const colWidth = width / columns
  let y = doc.y
  for (let i = 0; i < facts.length; i += columns) {
    const row = facts.slice(i, i + columns)
    let rowHeight = 0
    row.forEach(([label, value], c) => {
      const x = LEFT + c * colWidth
      doc.font('Helvetica').fontSize(8).fillColor(BRAND.muted).text(label.toUpperCase(), x, y, { width: colWidth - 12, characterSpacing: 0.4 })
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#111111').text(value, x, doc.y + 1, { width: colWidth - 12 })
      rowHeight = Math.max(rowHeight, doc.y - y)
    })
    y += rowHeight + 8
  }
  doc.x = LEFT
  doc.y = y
}

export function drawSectionTitle(doc: Pdf, title: string): void {
  doc.moveDown(0.6)
  doc.font('Helvetica-Bold').fontSize(12).fillColor(BRAND.color).text(title, LEFT, doc.y)
  doc.moveTo(LEFT, doc.y + 2).lineTo(doc.page.width - LEFT, doc.y + 2).lineWidth(0.6).strokeColor(BRAND.color).stroke()
  doc.moveDown(0.6)
  doc.fillColor('#111111')
}

/** A table with a shaded header row; breaks onto a new page (repeating the header) when full. */
export function drawTable(doc: Pdf, columns: Column[], rows: string[][], options: { fontSize?: number, boldLast?: boolean } = {}): void {
  const size = options.fontSize ?? 9
  const padding = 4
  const drawRow = (cells: string[], header: boolean, bold: boolean) => {
    doc.font(header || bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(header ? size - 0.5 : size)
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - padding * 2 }))
    const height = Math.max(...heights) + padding * 2
    if (doc.y + height > doc.page.height - 60) {
      doc.addPage()
      if (!header)
        drawRow(columns.map(c => c.header), true, false)
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size)
    }
    const y = doc.y
    const total = columns.reduce((n, c) => n + c.width, 0)
    if (header)
      doc.save().rect(LEFT, y, total, height).fill('#E3F1EE').restore()
    else
      doc.moveTo(LEFT, y + height).lineTo(LEFT + total, y + height).lineWidth(0.4).strokeColor('#D4DDE3').stroke()
    let x = LEFT
    cells.forEach((cell, i) => {
      const column = columns[i]!
      doc.fillColor(header ? BRAND.color : '#111111').text(cell, x + padding, y + padding, { width: column.width - padding * 2, align: column.align ?? 'left' })
      x += column.width
    })
    doc.x = LEFT
    doc.y = y + height
  }
  drawRow(columns.map(c => c.header), true, false)
  rows.forEach((row, i) => drawRow(row, false, !!options.boldLast && i === rows.length - 1))
  doc.fillColor('#111111')
}

/** The closing lines of a generated document: when and why it can be trusted. */
export function drawGeneratedFooter(doc: Pdf, today: string, text: string): void {
  doc.moveDown(1.5)
  doc.font('Helvetica').fontSize(8).fillColor(BRAND.muted)
    .text(`${text} Document établi le ${frenchDate(today)} depuis votre espace adhérent ${BRAND.name}\u00a0; il reflète vos droits à cette date.`, LEFT, doc.y, { width: doc.page.width - LEFT * 2 })
  doc.fillColor('#111111')
}
