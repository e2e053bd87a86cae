import type { ApiClient, TestApp } from './harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths } from '../core/clock.ts'
import { IDLE_TIMEOUT_MS } from '../modules/auth/session.service.ts'
import { isWorkingDay } from '../modules/procedures/working-days.ts'
import { uploadId } from './files.ts'
import { startTestApp, testClock } from './harness.ts'

/**
 * The demo is anchored on today and the rules follow the calendar, so the portal is loaded on the
 * days where calendars go wrong and the date-sensitive rules are checked there, by what they
 * promise rather than by the dates of one month. Every other API test lives on TEST_NOW.
 */
const ANCHORS = [
  ['1 January', '2027-01-01'],
  ['29 February of a leap year', '2028-02-29'],
  ['1 March after a leap day', '2028-03-01'],
  ['31 December', '2026-12-31'],
  ['the first day of a month', '2027-06-01'],
  ['the last day of a month', '2027-04-30'],
  ['a Sunday', '2027-03-07'],
] as const

const lastDayOf = (month: string) => addDays(addMonths(`${month}-01`, 1), -1)

describe.each(ANCHORS)('on %s (%s)', (_label, day) => {
  let app: TestApp
  let benoit: ApiClient
  beforeAll(async () => {
    app = await startTestApp({ clock: testClock(`${day}T10:00:00.000Z`) })
    benoit = await app.as('benoit')
  })
  afterAll(() => app.close())

  it('lists one benefits statement for each of the twelve past months already issued, none ahead', async () => {
    const r = await benoit.gql(`{ documents(kind: BENEFITS_STATEMENT, first: 100) { nodes { title issuedAt } } }`)
    const issued = r.data.documents.nodes.map((d: { issuedAt: string }) => d.issuedAt.slice(0, 10)) as string[]
    const expected: string[] = []
    for (let m = -12; m <= -1; m++) {
      const month = addMonths(`${day.slice(0, 7)}-01`, m).slice(0, 7)
      // a month's statement is issued three days after the month ends
      const on = addDays(lastDayOf(month), 3)
      if (on < day)
        expected.push(on)
    }
    expect(issued.sort()).toEqual(expected.sort())
  })

  it('keeps every contribution schedule adding up: paid + to settle + to come = the year, a rejected debit presented again with the next one', async () => {
    for (const client of [benoit, await app.as('camille')]) {
      const r = await client.gql(`{ contracts { label rejectionFeeCents contributionSchedule { id dueDate amountCents status settlement representedOn rejectionFeeCents debitCents note represented { id amountCents rejectionFeeCents } } contributionSummary { memberTotalCents rejectionFeesCents yearlyTotalCents paidCents toSettleCents upcomingCents } } }`)
      for (const contract of r.data.contracts) {
        const s = contract.contributionSummary
        const lines = contract.contributionSchedule as { id: string, dueDate: string, amountCents: number, status: string, settlement: string, representedOn: string | null, rejectionFeeCents: number, debitCents: number, note: string | null, represented: { id: string, amountCents: number, rejectionFeeCents: number }[] }[]
        expect(lines.length, contract.label).toBe(12)
        expect(lines.reduce((t, l) => t + l.amountCents, 0)).toBe(s.memberTotalCents)
        expect(s.yearlyTotalCents).toBe(s.memberTotalCents + lines.reduce((t, l) => t + l.rejectionFeeCents, 0))
        expect(s.paidCents + s.toSettleCents + s.upcomingCents, contract.label).toBe(s.yearlyTotalCents)
        // what each line says agrees with the totals
        const owed = (l: typeof lines[number]) => l.amountCents + l.rejectionFeeCents
        expect(lines.filter(l => l.settlement === 'PAID').reduce((t, l) => t + owed(l), 0)).toBe(s.paidCents)
        expect(lines.filter(l => l.settlement === 'TO_COME').reduce((t, l) => t + owed(l), 0)).toBe(s.upcomingCents)
        lines.forEach((line, i) => {
          expect(line.status === 'SCHEDULED', `${contract.label} ${line.dueDate} ${line.status}`).toBe(line.dueDate >= day)
          if (line.status !== 'REJECTED')
            return
          // the demo's rejected debit is presented again with the next one, the contract's fee with it
          const next = lines[i + 1]!
          expect(line.representedOn).toBe(next.dueDate)
          expect(line.rejectionFeeCents).toBe(contract.rejectionFeeCents)
          expect(line.settlement).toBe(next.settlement)
          expect(next.represented).toEqual([{ id: line.id, amountCents: line.amountCents, rejectionFeeCents: line.rejectionFeeCents }])
          expect(next.debitCents).toBe(next.amountCents + line.amountCents + line.rejectionFeeCents)
          expect(next.note).toContain('représentée')
        })
        // nothing in the demo is left without a debit to settle it
        expect(s.toSettleCents).toBe(0)
      }
    }
  })

  it('counts forfaits on the calendar year of the care, reset on 1 January', async () => {
    const r = await benoit.gql(`{ contract { forfaitCounters { beneficiary { id } careType year usedCents remainingCents yearlyCents resetDate } } }`)
    const counters = r.data.contract.forfaitCounters as { careType: string, year: number, usedCents: number, remainingCents: number, yearlyCents: number, resetDate: string }[]
    expect(counters.length).toBeGreaterThan(0)
    const year = Number(day.slice(0, 4))
    for (const c of counters) {
      expect(c.year).toBe(year)
      expect(c.resetDate).toBe(`${year + 1}-01-01`)
      expect(c.usedCents + c.remainingCents).toBe(c.yearlyCents)
      // on 1 January nothing of the new year is consumed yet
      if (day.endsWith('-01-01'))
        expect(c.usedCents, c.careType).toBe(0)
    }
  })

  it('takes a request for care two years old to the day, not one day older, with a decision on a working day', async () => {
    const lea = (await benoit.gql(`{ beneficiaries { id firstName coverageStart } }`)).data.beneficiaries.find((b: { firstName: string }) => b.firstName === 'Benoit')
    const submit = async (careDate: string) => (await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { field code } procedure { submittedAt estimatedDecisionDate } } }`, {
      input: { beneficiaryId: lea.id, careType: 'PHARMACY', careDate, abroad: false, amountCents: 1250, attachmentIds: [await uploadId(benoit)] },
    })).data.submitReimbursementRequest
    const oldest = addMonths(day, -24)
    const tooOld = await submit(addDays(oldest, -1))
    expect(tooOld.errors).toEqual([{ field: 'careDate', code: 'TOO_OLD' }])
    const inTime = await submit(lea.coverageStart > oldest ? lea.coverageStart : oldest)
    expect(inTime.errors).toEqual([])
    const decision = inTime.procedure.estimatedDecisionDate as string
    expect(decision > day).toBe(true)
    expect(isWorkingDay(decision)).toBe(true)
    const tomorrow = await submit(addDays(day, 1))
    expect(tomorrow.errors).toEqual([{ field: 'careDate', code: 'FUTURE_DATE' }])
  })

  it('ends a session left idle for 15 minutes, across midnight too', async () => {
    const clock = testClock(`${day}T22:50:00.000Z`)
    const late = await startTestApp({ clock })
    try {
      const member = await late.as('benoit')
      clock.advance(IDLE_TIMEOUT_MS - 60_000)
      expect((await member.gql(`{ me { firstName } }`)).data.me).toEqual({ firstName: 'Benoit' })
      clock.advance(IDLE_TIMEOUT_MS)
      expect((await member.gql(`{ me { firstName } }`)).data.me).toBeNull()
    }
    finally {
      await late.close()
    }
  })
})
