import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'
import { usePagedConnection } from '../../apollo/usePagedConnection'
import {
  MarkThreadReadDocument,
  MessageCategoriesDocument,
  MessageThreadDocument,
  MessageThreadsDocument,
  ReplyToThreadDocument,
  SendMessageDocument,
  type MessageThreadDetailFragment,
  type SendMessageInput,
} from '../../gql/graphql'

/** The inbox shows 10 threads, then 10 more with « Voir plus » (the seed's page). */
export const INBOX_PAGE_SIZE = 10
export const MAX_MESSAGE_LENGTH = 5000
export const MAX_MESSAGE_FILES = 5

export type MessageThreadDetail = MessageThreadDetailFragment

export function useMessageCategories() {
  const { result, loading, error } = useQuery(MessageCategoriesDocument)
  return {
    categories: computed(() => result.value?.messageCategories ?? []),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
  }
}

export function useMessageThreads(categoryId: Ref<string | null>) {
  const variables = computed(() => ({ categoryId: categoryId.value, first: INBOX_PAGE_SIZE }))
  return usePagedConnection(MessageThreadsDocument, variables, r => r.messageThreads)
}

/** One thread; opening it marks it read, and the header's count is asked again. */
export function useMessageThread(id: Ref<string>) {
  const { result, loading, error, onResult } = useQuery(MessageThreadDocument, () => ({ id: id.value }))
  const { mutate: markRead } = useMutation(MarkThreadReadDocument, { refetchQueries: ['UnreadMessageCount'] })
  onResult(({ data }) => {
    const thread = data?.messageThread
    if (thread?.unread) void markRead({ threadId: thread.id }).catch(() => {})
  })
  return {
    thread: computed(() => result.value?.messageThread ?? null),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
  }
}

const UNREACHABLE = 'Votre message n\'a pas pu être envoyé. Vérifiez votre connexion puis réessayez.'

export type FieldErrors = Partial<Record<'categoryId' | 'subjectId' | 'body' | 'attachmentIds' | 'threadId', string>>

function collect(errors: readonly { field?: string | null, message: string }[]): { fields: FieldErrors, general: string | null } {
  const fields: FieldErrors = {}
  const other: string[] = []
  for (const e of errors) {
    if (e.field && ['categoryId', 'subjectId', 'body', 'attachmentIds', 'threadId'].includes(e.field))
      fields[e.field as keyof FieldErrors] ??= e.message
    else other.push(e.message)
  }
  return { fields, general: other.join(' ') || null }
}

/** Sends a new message; errors come back per field, in French. */
export function useSendMessage() {
  // the inbox is read again from the server whenever it is shown (cache-and-network)
  const { mutate, loading } = useMutation(SendMessageDocument)
  const errors = ref<FieldErrors>({})
  const general = ref<string | null>(null)

  async function send(input: SendMessageInput): Promise<MessageThreadDetail | null> {
    errors.value = {}
    general.value = null
    try {
      const payload = (await mutate({ input }))?.data?.sendMessage
      if (!payload) {
        general.value = UNREACHABLE
        return null
      }
      if (payload.errors.length) {
        const found = collect(payload.errors)
        errors.value = found.fields
        general.value = found.general
        return null
      }
      return payload.thread ?? null
    }
    catch {
      general.value = UNREACHABLE
      return null
    }
  }
  return { send, sending: loading, errors, general }
}

/** The member's reply; the thread goes back to « En cours ». */
export function useReplyToThread() {
  const { mutate, loading } = useMutation(ReplyToThreadDocument)
  const errors = ref<FieldErrors>({})
  const general = ref<string | null>(null)

  async function reply(threadId: string, body: string, attachmentIds: string[]): Promise<boolean> {
    errors.value = {}
    general.value = null
    try {
      const payload = (await mutate({ threadId, body, attachmentIds }))?.data?.replyToThread
      if (!payload) {
        general.value = UNREACHABLE
        return false
      }
      if (payload.errors.length) {
        const found = collect(payload.errors)
        errors.value = found.fields
        general.value = found.general ?? found.fields.threadId ?? null
        return false
      }
      return true
    }
    catch {
      general.value = UNREACHABLE
      return false
    }
  }
  return { reply, sending: loading, errors, general }
}
