import type { Context, RequestMeta } from '../../context.ts'
import type { Queryable } from '../../db/client.ts'
import { auditEventsTable } from '../../db/schema/index.ts'

type AuditRow = typeof auditEventsTable.$inferInsert

/** Appends an audit event; call inside the same transaction as the change it records. */
export function recordAudit(db: Queryable, event: AuditRow): void {
  db.insert(auditEventsTable).values(event).run()
}

/** Request facts every audit event carries. */
export function requestMeta(ctx: Pick<Context, 'request'>): RequestMeta {
  return ctx.request
}
