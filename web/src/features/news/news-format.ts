import type { NewsKind } from '../../gql/graphql'
import { formatLongDate } from '../../utils/format-date'

export function newsKindLabel(kind: NewsKind): string {
  return kind === 'OFFER' ? 'Offre et services' : 'Actualité'
}

export function publishedOn(publishedAt: string): string {
  return `Publié le ${formatLongDate(publishedAt)}`
}

/** Plain text with blank lines between paragraphs: rendered as text, never as HTML. */
export function paragraphsOf(body: string): string[] {
  return body.split(/\n\s*\n/).map(part => part.trim()).filter(Boolean)
}
