import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'

/** Poppler's tools (apt package poppler-utils) on a PDF held in memory: what a person would read in it. */

function withFile<T>(pdf: Buffer, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'espace-adherent-pdf-'))
  try {
    const path = join(dir, 'doc.pdf')
    writeFileSync(path, pdf)
    return use(path, dir)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of the PDF, in reading order (pdftotext -layout). */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, path => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }))
}

/** Page count and page size in points, from pdfinfo. */
export function pdfInfo(pdf: Buffer): { pages: number, width: number, height: number } {
  const info = withFile(pdf, path => execFileSync('pdfinfo', [path], { encoding: 'utf8' }))
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) }
}

/** Every image drawn in the PDF, as PNG files (pdfimages -png), leaving out transparency masks. */
export function pdfImages(pdf: Buffer): Buffer[] {
  return withFile(pdf, (path, dir) => {
    // -list numbers images in the order -png writes them; its second column tells images from masks
    const kinds = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2)
      .filter(Boolean).map(line => line.trim().split(/\s+/)[2])
    execFileSync('pdfimages', ['-png', path, join(dir, 'img')])
    const files = readdirSync(dir).filter(f => f.startsWith('img') && f.endsWith('.png')).sort()
    return files.filter((_f, i) => kinds[i] === 'image').map(f => readFileSync(join(dir, f)))
  })
}

let ready: Promise<unknown> | undefined

/** Decodes the barcodes of a PNG with ZXing's WebAssembly build, loaded from node_modules (never from a CDN). */
export async function decodeBarcodes(png: Buffer): Promise<{ format: string, text: string }[]> {
  ready ??= (() => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'))
    return prepareZXingModule({ overrides: { wasmBinary: new Uint8Array(wasm).buffer }, fireImmediately: true })
  })()
  await ready
  const results = await readBarcodes(new Uint8Array(png), { tryHarder: true })
  return results.filter(r => r.isValid).map(r => ({ format: r.format, text: r.text }))
}
