import type { Context } from '../../context.ts'
import type { BeneficiaryRow } from '../../core/loaders.ts'
import type { MandateView } from '../contracts/contract.service.ts'
import type { BankAccountChangeView } from './bank-account-change.service.ts'
import type { BankAccountUsage } from './bank-details.type.ts'
import { and, asc, eq, gte } from 'drizzle-orm'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { requireMember } from '../../core/viewer.ts'
import { bankAccountsTable as accounts, beneficiariesTable, beneficiaryBankAccountsTable as assignments, contractsTable, contributionInstalmentsTable as instalments } from '../../db/schema/index.ts'
import { mandateView } from '../contracts/contract.service.ts'
import { CHANGE_RULES, changesInLastDay, changesInReview, creditorIdentifier, mandateText, nextChangeReviewed, securityBlockedUntil, usagesOf } from './bank-account-change.service.ts'
import { maskIban } from './mask-iban.ts'

export interface BankAccountView {
  id: string
  holderName: string
  ibanMasked: string
  bic: string | null
  bankName: string | null
  usages: BankAccountUsage[]
  createdAt: string
}

export interface BankDetailsView {
  accounts: BankAccountView[]
  beneficiaries: { beneficiary: BeneficiaryRow, coverageStart: string, account: BankAccountView | null }[]
  mandate: MandateView | null
  upcomingDebits: { dueDate: string, amountCents: number, contractLabel: string }[]
  changesInReview: BankAccountChangeView[]
  changeRules: typeof CHANGE_RULES & { changesLeftToday: number, nextChangeReviewed: boolean, blockedUntil: string | null }
  mandateText: string
}

const UPCOMING_DEBITS = 3

/** « Mes informations bancaires »: every IBAN masked here, the only place accounts are read for the member. */
export async function getBankDetails(ctx: Context): Promise<BankDetailsView> {
  const viewer = requireMember(ctx.viewer)
  const now = nowIso(ctx.clock)
  const today = todayOf(ctx.clock)
  const rows = ctx.db.select().from(accounts).where(and(eq(accounts.memberId, viewer.memberId), eq(accounts.status, 'ACTIVE'))).all()
    .sort((a, b) => Number(b.forContributions) - Number(a.forContributions) || a.createdAt.localeCompare(b.createdAt))
  const views = new Map(rows.map(a => [a.id, { id: a.id, holderName: a.holderName, ibanMasked: maskIban(a.iban), bic: a.bic, bankName: a.bankName, usages: usagesOf(a), createdAt: a.createdAt }]))
  const people = ctx.db.select({ beneficiary: beneficiariesTable, accountId: assignments.bankAccountId }).from(beneficiariesTable)
    .leftJoin(assignments, eq(assignments.beneficiaryId, beneficiariesTable.id))
    .where(eq(beneficiariesTable.memberId, viewer.memberId))
    .orderBy(asc(beneficiariesTable.rank)).all()
    // a beneficiary whose cover ended is no longer paid: not listed
    .filter(p => !p.beneficiary.coverageEnd || p.beneficiary.coverageEnd >= today)
  const mandate = await ctx.loaders.contributionMandate.load(viewer.memberId)
  const debits = ctx.db.select({ dueDate: instalments.dueDate, amountCents: instalments.amountCents, product: contractsTable.productLabel, option: contractsTable.optionLabel }).from(instalments)
    .innerJoin(contractsTable, eq(contractsTable.id, instalments.contractId))
    .where(and(eq(contractsTable.memberId, viewer.memberId), eq(instalments.status, 'SCHEDULED'), eq(instalments.method, 'SEPA_DIRECT_DEBIT'), gte(instalments.dueDate, today)))
    .orderBy(asc(instalments.dueDate), asc(contractsTable.number)).limit(UPCOMING_DEBITS).all()
  return {
    accounts: [...views.values()],
    beneficiaries: people.map(p => ({ beneficiary: p.beneficiary, coverageStart: p.beneficiary.coverageStart, account: p.accountId ? views.get(p.accountId) ?? null : null })),
    mandate: mandate ? mandateView(mandate) : null,
    upcomingDebits: debits.map(d => ({ dueDate: d.dueDate, amountCents: d.amountCents, contractLabel: `${d.product} / ${d.option}` })),
    changesInReview: changesInReview(ctx.db, viewer.memberId, now),
    changeRules: {
      ...CHANGE_RULES,
      changesLeftToday: Math.max(0, CHANGE_RULES.maxChangesPerDay - changesInLastDay(ctx.db, viewer.memberId, now)),
      nextChangeReviewed: nextChangeReviewed(ctx.db, viewer.memberId, now),
      blockedUntil: securityBlockedUntil(ctx.db, viewer, now),
    },
    mandateText: mandateText(creditorIdentifier(ctx.db, viewer.memberId)),
  }
}
