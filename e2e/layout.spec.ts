import type { Page } from '@playwright/test'
import { AUDITED_PAGES } from '../web/src/features/site/accessibility-audit.ts'
import { auditedPath, expect, signIn, test } from './support.ts'

/** The desktop widths where cards sit side by side and their content was seen spilling out. */
const DESKTOP_WIDTHS = [1024, 1280, 1440]
const MEMBER_PAGES = AUDITED_PAGES.filter(p => p.as === 'member')

// the specs are type-checked against Node's library: the few page globals the probe reads, typed here
interface Box { left: number, right: number, top: number, bottom: number, width: number, height: number }
interface Style { overflowX: string, visibility: string, clip: string, clipPath: string, position: string, borderLeftWidth: string, borderRightWidth: string, borderLeftStyle: string, boxShadow: string, backgroundColor: string, borderTopLeftRadius: string }
interface Node { nodeType: number, textContent: string | null, parentElement: Element | null, childNodes: ArrayLike<Node> }
interface Element extends Node {
  tagName: string
  getAttribute: (name: string) => string | null
  getBoundingClientRect: () => Box
  getClientRects: () => ArrayLike<Box>
  querySelector: (selector: string) => Element | null
  querySelectorAll: (selector: string) => ArrayLike<Element>
  contains: (other: Node) => boolean
}
interface Range { selectNodeContents: (node: Node) => void, setStart: (node: Node, at: number) => void, setEnd: (node: Node, at: number) => void, getBoundingClientRect: () => Box, getClientRects: () => ArrayLike<Box> }
interface ProbeGlobals {
  document: { querySelector: (s: string) => Element | null, querySelectorAll: (s: string) => ArrayLike<Element>, createRange: () => Range, createTreeWalker: (root: Element, show: number) => { nextNode: () => Node | null } }
  getComputedStyle: (el: Element) => Style
}

/**
 * What a member would see slip on the page as it is now: any visible element or text reaching
 * more than 1 px beyond the sides of a card (`BaseCard`, `.base-card`) or of any box drawn inside
 * the main content (a border on both sides, a shadow, or a rounded background: a beneficiary's
 * forfaits, a badge, a button), and any word broken across two lines in its middle. Content inside
 * an element that scrolls sideways on purpose (a wide table's wrapper) and visually hidden text
 * (`.sr-only`) are not looked at.
 */
async function layoutSlips(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as ProbeGlobals
    const TEXT = 3
    const describe = (el: Element) => {
      const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).map(c => `.${c}`).join('')
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
      return `<${el.tagName.toLowerCase()}${cls}> « ${text.length > 60 ? `${text.slice(0, 60)}…` : text} »`
    }
    // the ancestors from el (included) up to root (excluded)
    const chain = (el: Element | null, root: Element) => {
      const out: Element[] = []
      for (let e = el; e && e !== root; e = e.parentElement) out.push(e)
      return out
    }
    const scrolls = (s: Style) => s.overflowX === 'auto' || s.overflowX === 'scroll'
    const clips = (s: Style) => s.overflowX === 'hidden' || s.overflowX === 'clip'
    const visuallyHidden = (el: Element, s: Style) => {
      const r = el.getBoundingClientRect()
      return s.clip !== 'auto' || (s.clipPath !== 'none' && s.clipPath.includes('inset')) || (s.position === 'absolute' && r.width <= 1 && r.height <= 1)
    }
    // the part of a box left visible by its clipping ancestors inside the card; null when hidden on
    // purpose (text is clipped by its own element, an element's box is not)
    const visibleSpan = (box: Box, from: Element, card: Element, text = false): { left: number, right: number } | null => {
      let { left, right } = box
      for (const a of chain(from, card)) {
        const s = getComputedStyle(a)
        if (s.visibility === 'hidden' || visuallyHidden(a, s) || scrolls(s))
          return null
        if (clips(s) && (text || a !== from)) {
          const r = a.getBoundingClientRect()
          left = Math.max(left, r.left)
          right = Math.min(right, r.right)
        }
      }
      return right - left > 0.5 ? { left, right } : null
    }

    const main = document.querySelector('main')
    if (!main)
      return ['pas de contenu principal (<main>)']
    const drawsBox = (el: Element, s: Style) => (el.getAttribute('class') ?? '').split(/\s+/).includes('base-card')
      || (s.borderLeftStyle !== 'none' && Number.parseFloat(s.borderLeftWidth) > 0 && Number.parseFloat(s.borderRightWidth) > 0)
      || s.boxShadow !== 'none'
      || (s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.borderTopLeftRadius !== '0px')
    const boxes = Array.from(main.querySelectorAll('*')).filter((el) => {
      const tag = el.tagName.toLowerCase()
      return !['input', 'select', 'textarea', 'svg', 'path', 'img'].includes(tag) && el.getClientRects().length > 0
        && drawsBox(el, getComputedStyle(el)) && visibleSpan(el.getBoundingClientRect(), el, main) !== null
    })

    const slips: string[] = []
    for (const card of boxes) {
      const c = card.getBoundingClientRect()
      if (c.width === 0)
        continue
      const out = (span: { left: number, right: number }) => span.left < c.left - 1 || span.right > c.right + 1
      const offenders: Element[] = []
      for (const el of Array.from(card.querySelectorAll('*'))) {
        if (el.getClientRects().length === 0)
          continue
        const span = visibleSpan(el.getBoundingClientRect(), el, card)
        if (span && out(span))
          offenders.push(el)
      }
      // text longer than its own box (a long word in a narrow column) spills too
      const walker = document.createTreeWalker(card, 4)
      const range = document.createRange()
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.parentElement || !(n.textContent ?? '').trim())
          continue
        range.selectNodeContents(n)
        const span = visibleSpan(range.getBoundingClientRect(), n.parentElement, card, true)
        if (span && out(span) && !offenders.includes(n.parentElement))
          offenders.push(n.parentElement)
      }
      // the outermost offender says it all: its descendants follow it out
      for (const el of offenders) {
        if (!offenders.some(o => o !== el && o.contains(el)))
          slips.push(`${describe(el)} dépasse de ${card.querySelector('.base-card__title') ? `la carte ${describe(card.querySelector('.base-card__title')!)}` : describe(card)}`)
      }
    }

    // a word cut in its middle at the end of a line (« rembourse-/ment » with no hyphen)
    {
      const walker = document.createTreeWalker(main, 4)
      const range = document.createRange()
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.nodeType === TEXT ? n.textContent ?? '' : ''
        for (const m of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
          range.setStart(n, m.index)
          range.setEnd(n, m.index + m[0].length)
          const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)))
          if (lines.size > 1 && n.parentElement && visibleSpan(range.getBoundingClientRect(), n.parentElement, main, true))
            slips.push(`« ${m[0]} » est coupé en fin de ligne dans ${describe(n.parentElement)}`)
        }
      }
    }
    return [...new Set(slips)]
  })
}

for (const width of DESKTOP_WIDTHS) {
  test(`at ${width} px no member page has content spilling out of its cards and boxes, nor words cut in the middle`, async ({ page }) => {
    test.setTimeout(30_000 + 10_000 * MEMBER_PAGES.length)
    await page.setViewportSize({ width, height: 900 })
    await signIn(page)
    // the main menu reads on one row: no entry falls alone under the others
    const entries = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('listitem')
    await expect(entries.first()).toBeVisible()
    const rows = new Set(await entries.evaluateAll(items => items.map(li => Math.round((li as unknown as { getBoundingClientRect: () => Box }).getBoundingClientRect().top))))
    expect(rows.size, `le menu principal tient sur ${rows.size} lignes à ${width} px`).toBe(1)
    const slips: string[] = []
    for (const audited of MEMBER_PAGES) {
      await page.goto(auditedPath(audited.path))
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible()
      // measured once the page's data has arrived, as the member reads it
      await expect(page.locator('.base-loading')).toHaveCount(0)
      slips.push(...(await layoutSlips(page)).map(slip => `${audited.path} à ${width} px : ${slip}`))
    }
    expect(slips).toEqual([])
  })
}
