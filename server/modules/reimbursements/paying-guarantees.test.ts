import type { TestApp } from '../../test/harness.ts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, today } from '../../core/clock.ts'
import { beneficiariesTable, CARE_TYPES, guaranteesTable } from '../../db/schema/index.ts'
import { startTestApp } from '../../test/harness.ts'
import { computeCare, payingGuarantees } from './reimbursement-calculation.ts'

// a change of option ends some lines and starts others, on any of the household's contracts
describe('the contracts paying a care use the guarantee lines in force on the care date', () => {
  let app: TestApp

  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(() => app.close())

  it('leaves out a contract whose line ended before the care, and pays under it the day before', () => {
    const day = today(app.clock)
    // a beneficiary that two contracts pay for one care type, as the demo gives
    const found = app.db.select().from(beneficiariesTable).all().flatMap(b => CARE_TYPES.map(careType => ({ b, careType, paying: payingGuarantees(app.db, b.memberId, b.id, careType, day) })))
      .find(x => (x.paying?.payers.length ?? 0) >= 2)
    expect(found).toBeDefined()
    const { b, careType, paying } = found!
    const [main, topUp] = paying!.payers
    app.db.update(guaranteesTable).set({ validTo: addDays(day, -1) }).where(eq(guaranteesTable.id, topUp!.guarantee.id)).run()

    const onDay = payingGuarantees(app.db, b.memberId, b.id, careType, day)!
    expect(onDay.payers.map(p => p.contract.id)).not.toContain(topUp!.contract.id)
    expect(onDay.payers.map(p => p.contract.id)).toContain(main!.contract.id)
    const before = payingGuarantees(app.db, b.memberId, b.id, careType, addDays(day, -1))!
    expect(before.payers.map(p => p.guarantee.id)).toContain(topUp!.guarantee.id)

    // the estimate and the decision both go through computeCare: its shares follow the same lines
    const care = { memberId: b.memberId, beneficiary: b, careType, expenseCents: 10_000, socialSecurityBaseCents: 3000, socialSecurityPaidCents: 2100 }
    expect(computeCare(app.db, { ...care, careDate: day })!.shares.map(s => s.contract.id)).not.toContain(topUp!.contract.id)
    expect(computeCare(app.db, { ...care, careDate: addDays(day, -1) })!.shares.map(s => s.guarantee.id)).toContain(topUp!.guarantee.id)

    // a line that starts after the care pays nothing yet, on the main contract too
    app.db.update(guaranteesTable).set({ validFrom: addDays(day, 1) }).where(eq(guaranteesTable.id, main!.guarantee.id)).run()
    expect(payingGuarantees(app.db, b.memberId, b.id, careType, day)!.payers.map(p => p.guarantee.id)).not.toContain(main!.guarantee.id)
  })
})
