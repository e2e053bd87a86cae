import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref } from 'vue'
import { AnalyseQuoteDocument, type AnalyseQuoteQuery, type CareType, QuoteOptionsDocument, type QuoteInput, SubmitQuoteDocument } from '../../gql/graphql'
import type { UploadedFile } from '../uploads/upload-file'
import { parseAmountToCents } from '../../utils/parse-money'

export type QuoteAnalysisView = AnalyseQuoteQuery['analyseQuote']

/** The quote as typed: amounts are text until sent. */
export interface QuoteForm {
  beneficiaryId: string
  careType: string
  amount: string
  socialSecurityBase: string
  hundredPercentSante: boolean
  files: UploadedFile[]
}

export type QuoteField = 'beneficiaryId' | 'careType' | 'amountCents' | 'socialSecurityBaseCents' | 'attachmentIds'
export type QuoteErrors = Partial<Record<QuoteField, string>>

const FIELDS = new Set<string>(['beneficiaryId', 'careType', 'amountCents', 'socialSecurityBaseCents', 'attachmentIds'])

/** What only the form can check: choices made, amounts readable. The rules are the server's. */
export function checkQuoteForm(form: QuoteForm): QuoteErrors {
  const errors: QuoteErrors = {}
  if (!form.beneficiaryId) errors.beneficiaryId = 'Choisissez le bénéficiaire des soins.'
  if (!form.careType) errors.careType = 'Choisissez le type de soin.'
  if (!form.amount.trim()) errors.amountCents = 'Indiquez le montant total du devis.'
  else if (parseAmountToCents(form.amount) === null) errors.amountCents = 'Indiquez un montant en chiffres, par exemple 450,00.'
  if (form.socialSecurityBase.trim() && parseAmountToCents(form.socialSecurityBase) === null) errors.socialSecurityBaseCents = 'Indiquez un montant en chiffres, par exemple 60,00.'
  return errors
}

export function toQuoteInput(form: QuoteForm): QuoteInput {
  return {
    beneficiaryId: form.beneficiaryId,
    careType: form.careType as CareType,
    amountCents: parseAmountToCents(form.amount) ?? 0,
    socialSecurityBaseCents: form.socialSecurityBase.trim() ? parseAmountToCents(form.socialSecurityBase) : null,
    hundredPercentSante: form.hundredPercentSante,
    attachmentIds: form.files.map(f => f.id),
  }
}

function fieldErrors(list: readonly { field?: string | null, message: string }[]): { fields: QuoteErrors, form: string[] } {
  const fields: QuoteErrors = {}
  const form: string[] = []
  for (const e of list) {
    if (e.field && FIELDS.has(e.field)) fields[e.field as QuoteField] ??= e.message
    else form.push(e.message)
  }
  return { fields, form }
}

const UNREACHABLE = 'Le service ne répond pas. Vérifiez votre connexion puis réessayez.'

export function useQuote() {
  const options = useQuery(QuoteOptionsDocument)
  const { resolveClient } = useApolloClient()
  const { mutate } = useMutation(SubmitQuoteDocument, {
    update: (cache, { data }) => {
      if (!data?.submitQuote.procedure) return
      cache.evict({ fieldName: 'procedures' })
      cache.gc()
    },
  })
  const analysis = ref<QuoteAnalysisView | null>(null)
  const busy = ref(false)

  /** The server's analysis, or its French errors by field. */
  async function analyse(form: QuoteForm): Promise<{ fields: QuoteErrors, form: string[] }> {
    busy.value = true
    analysis.value = null
    try {
      const { attachmentIds: _files, ...input } = toQuoteInput(form)
      const { data, errors } = await resolveClient().query({ query: AnalyseQuoteDocument, variables: { input }, fetchPolicy: 'network-only', errorPolicy: 'all' })
      if (data?.analyseQuote) {
        analysis.value = data.analyseQuote
        return { fields: {}, form: [] }
      }
      const details = errors?.[0]?.extensions?.errors as { field: string | null, message: string }[] | undefined
      return fieldErrors(details ?? (errors?.length ? [{ field: null, message: errors[0]!.message }] : [{ field: null, message: UNREACHABLE }]))
    }
    catch {
      return { fields: {}, form: [UNREACHABLE] }
    }
    finally {
      busy.value = false
    }
  }

  async function send(form: QuoteForm) {
    busy.value = true
    try {
      const payload = (await mutate({ input: toQuoteInput(form) }))?.data?.submitQuote
      if (!payload) return { procedure: null, ...fieldErrors([{ field: null, message: UNREACHABLE }]) }
      return { procedure: payload.procedure ?? null, ...fieldErrors(payload.errors) }
    }
    catch {
      return { procedure: null, fields: {}, form: [UNREACHABLE] }
    }
    finally {
      busy.value = false
    }
  }

  return {
    beneficiaries: computed(() => options.result.value?.beneficiaries ?? []),
    loading: computed(() => options.loading.value && !options.result.value),
    failed: computed(() => !!options.error.value && !options.result.value),
    analysis,
    busy,
    analyse,
    send,
  }
}
