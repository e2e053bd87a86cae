import { computed } from 'vue'
import { PAGE_SIZE, usePagedConnection } from '../../apollo/usePagedConnection'
import { PersonalDataAccessLogDocument, type PersonalDataAccessLogQuery } from '../../gql/graphql'

export type AccessLogItem = PersonalDataAccessLogQuery['accessLog']['nodes'][number]

/** "Qui a consulté mon dossier ?", page by page: "Voir plus" appends the next page (field policy accessLog). */
export function useAccessLog() {
  return usePagedConnection(PersonalDataAccessLogDocument, computed(() => ({ first: PAGE_SIZE })), r => r.accessLog)
}
