import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { AbandonCommercialJourneyDocument, type CommercialJourneyFieldsFragment, CommercialJourneysDocument, FinaliseCommercialJourneyDocument, ResumeCommercialJourneyDocument } from '../../gql/graphql'

export type CommercialJourneyView = CommercialJourneyFieldsFragment

export interface JourneyErrors { optionCode?: string, startDate?: string, form: string[] }

const UNREACHABLE = 'Le service ne répond pas. Vérifiez votre connexion puis réessayez.'

/** The server's French errors, by field: the option and the date sit next to their inputs. */
export function journeyErrors(list: readonly { field?: string | null, message: string }[]): JourneyErrors {
  const errors: JourneyErrors = { form: [] }
  for (const e of list) {
    if (e.field === 'optionCode' || e.field === 'startDate') errors[e.field] ??= e.message
    else errors.form.push(e.message)
  }
  return errors
}

export function useCommercialJourneys() {
  const { result, loading, error, refetch } = useQuery(CommercialJourneysDocument)
  const journeys = computed(() => result.value?.commercialJourneys ?? [])
  return {
    inProgress: computed(() => journeys.value.filter(j => j.status === 'IN_PROGRESS')),
    closed: computed(() => journeys.value.filter(j => j.status !== 'IN_PROGRESS')),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
    retry: () => refetch(),
  }
}

type Payload = { errors: readonly { field?: string | null, message: string }[] }

async function run<T extends Payload>(call: () => Promise<T | null | undefined>): Promise<{ errors: JourneyErrors | null, payload: T | null }> {
  try {
    const payload = await call()
    if (!payload) return { errors: { form: [UNREACHABLE] }, payload: null }
    return { errors: payload.errors.length ? journeyErrors(payload.errors) : null, payload }
  }
  catch {
    return { errors: { form: [UNREACHABLE] }, payload: null }
  }
}

/** Reprendre, Finaliser, Abandonner: errors null when the change is saved. */
export function useJourneyActions() {
  // finalising files a démarche: the lists that show démarches read it again
  const resume = useMutation(ResumeCommercialJourneyDocument)
  const finalise = useMutation(FinaliseCommercialJourneyDocument, { refetchQueries: ['ProcedureList', 'HomeDashboard'] })
  const abandon = useMutation(AbandonCommercialJourneyDocument)
  return {
    busy: computed(() => resume.loading.value || finalise.loading.value || abandon.loading.value),
    resume: (journeyId: string, optionCode: string, startDate: string) =>
      run(async () => (await resume.mutate({ input: { journeyId, optionCode, startDate } }))?.data?.resumeCommercialJourney),
    finalise: (journeyId: string) => run(async () => (await finalise.mutate({ journeyId }))?.data?.finaliseCommercialJourney),
    abandon: (journeyId: string) => run(async () => (await abandon.mutate({ journeyId }))?.data?.abandonCommercialJourney),
  }
}
