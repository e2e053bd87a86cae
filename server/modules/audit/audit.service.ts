import type { Context, RequestMeta } from '../../context.ts'
import type { Queryable } from '../../db/client.ts'
import { auditEventsTable } from '../../db/schema/index.ts'

type AuditRow = typeof auditEventsTable.$inferInsert

/** Appends audit events (one statement); call inside the same transaction as the change it records. */
export function recordAudit(db: Queryable, event: AuditRow | AuditRow[]): void {
  const events = Array.isArray(event) ? event : [event]
  if (events.length)
    db.insert(auditEventsTable).values(events).run()
}

/** Request facts every audit event carries. */
export function requestMeta(ctx: Pick<Context, 'request'>): RequestMeta {
  return ctx.request
}
