
function normalise(text: string): string {
  // French number formats use non-breaking spaces: compare with plain ones
  return text.replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ').trim()
}

/** What a screen reader reads of an element: its text without the aria-hidden parts. */
export function spokenText(wrapper: { element: Element }): string {
  const copy = wrapper.element.cloneNode(true) as Element
  copy.querySelectorAll('[aria-hidden="true"]').forEach(hidden => hidden.remove())
  return normalise(copy.textContent ?? '')
}

/** What the eye sees of an element: its text without the visually hidden parts. */
export function visibleText(wrapper: { element: Element }): string {
  const copy = wrapper.element.cloneNode(true) as Element
  copy.querySelectorAll('.sr-only').forEach(hidden => hidden.remove())
  return normalise(copy.textContent ?? '')
}
