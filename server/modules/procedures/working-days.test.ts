import { describe, expect, it } from 'vitest'
import { addWorkingDays, frenchPublicHolidays, isWorkingDay } from './working-days.ts'

describe('addWorkingDays', () => {
  it('skips weekends: 10 working days after a Thursday is the Thursday two weeks later', () => {
    expect(addWorkingDays('2026-11-26', 10)).toBe('2026-12-10')
  })

  it('skips French public holidays: Christmas and New Year\'s Day', () => {
    // 18/12 (Fri) + 10: 21–24, 28–31, 2027-01-04, 01-05; 25/12 and 01/01 are holidays
    expect(addWorkingDays('2026-12-18', 10)).toBe('2027-01-05')
  })

  it('knows the holidays that follow Easter', () => {
    // Easter 2026 is on 5 April: Monday 6 April, Ascension 14 May, Whit Monday 25 May
    expect([...frenchPublicHolidays(2026)]).toEqual(expect.arrayContaining(['2026-04-06', '2026-05-14', '2026-05-25']))
    expect(isWorkingDay('2026-04-06')).toBe(false)
    expect(isWorkingDay('2026-04-07')).toBe(true)
  })
})
