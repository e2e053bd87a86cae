import { mutuelleIdentity } from './mutuelle.ts'
import PDFDocument from 'pdfkit'

export const BRAND = { name: mutuelleIdentity().name, tagline: 'Espace adhérent', color: '#00594F', muted: '#4A5B66' }

export type Pdf = InstanceType<typeof PDFDocument>

/**
 * Builds a PDF in memory. Documents are small (a card, a few pages of statement), and a buffer
 * lets the route answer 500 cleanly if drawing fails halfway instead of sending half a file.
 * Standard fonts are WinAnsi: French accents and € print, but narrow no-break spaces do not —
 * pass amounts through formatEuros, which avoids them.
 */
export function renderPdf(build: (doc: Pdf) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, ...options, info: { Producer: BRAND.name, Creator: BRAND.tagline, ...options.info } })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    try {
      build(doc)
      doc.end()
    }
    catch (error) {
      reject(error)
    }
  })
}

/** The letterhead of every A4 document: brand band, title, optional subtitle. */
export function drawLetterhead(doc: Pdf, title: string, subtitle?: string): void {
  const { width } = doc.page
  doc.save().rect(0, 0, width, 70).fill(BRAND.color).restore()
  doc.fillColor('#FFFFFF').font('Helvetica-Bold').fontSize(18).text(BRAND.name, 50, 24)
  doc.font('Helvetica').fontSize(10).text(BRAND.tagline, 50, 46)
  doc.fillColor('#111111').font('Helvetica-Bold').fontSize(16).text(title, 50, 100)
  if (subtitle)
    doc.font('Helvetica').fontSize(10).fillColor(BRAND.muted).text(subtitle)
  doc.fillColor('#111111').moveDown()
}
