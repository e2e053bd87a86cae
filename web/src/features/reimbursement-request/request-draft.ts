import type { RequestForm, StepNumber } from './request-form'
import { emptyForm } from './request-form'

/**
 * The wizard survives a reload: the form as typed and the ids of the documents already sent,
 * kept for this tab only (sessionStorage) and for the member who typed them.
 */
const KEY = 'espace-adherent:demande-de-remboursement'
const VERSION = 1

interface Draft { version: number, memberId: string, step: StepNumber, form: RequestForm }

export function loadDraft(memberId: string, storage: Storage = sessionStorage): { step: StepNumber, form: RequestForm } | null {
  try {
    const draft = JSON.parse(storage.getItem(KEY) ?? 'null') as Draft | null
    if (!draft || draft.version !== VERSION) return null
    // someone else signed in on this tab: their draft is not ours to show
    if (draft.memberId !== memberId) {
      storage.removeItem(KEY)
      return null
    }
    const form = { ...emptyForm(), ...draft.form }
    const step = ([1, 2, 3, 4, 5] as const).includes(draft.step) ? draft.step : 1
    return { step, form }
  }
  catch {
    return null
  }
}

export function saveDraft(memberId: string, step: StepNumber, form: RequestForm, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify({ version: VERSION, memberId, step, form } satisfies Draft))
  }
  catch {
    // storage full or disabled (private browsing): the wizard still works, without a draft
  }
}

export function clearDraft(storage: Storage = sessionStorage): void {
  try {
    storage.removeItem(KEY)
  }
  catch {}
}
