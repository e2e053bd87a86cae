/** Shared by the page and the service worker: where the card a member chose to keep is stored. */
export const SAVED_CARD_CACHE = 'carte-enregistree'
/** The card's data (the card page's query answer, and when it was saved), under a URL nothing else serves. */
export const SAVED_CARD_DATA_URL = '/hors-ligne/carte.json'
/** The documents kept with the card: answered from the saved copy when the network is gone. */
export const SAVED_CARD_FILES = ['/api/insurance-card.pdf']
/** The page's message to a waiting new version of the service worker: take over now. */
export const SKIP_WAITING = 'skip-waiting'

/** Whether a card is kept on this device, without loading the card's code (the router asks it offline). */
export async function hasSavedCard(): Promise<boolean> {
  try {
    return typeof caches !== 'undefined' && await caches.has(SAVED_CARD_CACHE)
  }
  catch {
    return false
  }
}

/** Removes the kept card and its files from this device (sign-out, another member, a changed card). */
export async function deleteSavedCard(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(SAVED_CARD_CACHE).catch(() => false)
}
