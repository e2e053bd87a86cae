/**
 * Text of an element with its pieces kept apart, as they read on screen: cells, terms and
 * definitions are separate boxes even when the markup puts no space between them.
 */
export function pieces(wrapper: { element: Element }, mode: 'visible' | 'spoken' = 'visible'): string {
  const parts: string[] = []
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '')
      return
    }
    if (node.nodeType !== 1) return
    const el = node as Element
    if (mode === 'visible' && el.classList.contains('sr-only')) return
    if (mode === 'spoken' && el.getAttribute('aria-hidden') === 'true') return
    el.childNodes.forEach(walk)
  }
  walk(wrapper.element)
  return parts.join(' ').replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ').replace(/ ,/g, ',').trim()
}
