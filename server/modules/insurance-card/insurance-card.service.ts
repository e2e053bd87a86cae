import type { Context } from '../../context.ts'
import { and, asc, desc, eq, lte } from 'drizzle-orm'
import { today } from '../../core/clock.ts'
import { notFound } from '../../core/errors.ts'
import { beneficiariesTable, cardRightsTable, insuranceCardsTable, membersTable } from '../../db/schema/index.ts'
import { getOwnContract } from '../contracts/contract.service.ts'

/** The card of a household contract (main by default) valid today, else the latest issued. */
export function getOwnInsuranceCard(ctx: Context, contractId?: string | null) {
  const contract = getOwnContract(ctx, contractId)
  const day = today(ctx.clock)
  const card = ctx.db.select().from(insuranceCardsTable)
    .where(and(eq(insuranceCardsTable.contractId, contract.id), lte(insuranceCardsTable.validFrom, day)))
    .orderBy(desc(insuranceCardsTable.validTo)).get()
  if (!card)
    throw notFound()
  const member = ctx.db.select({ memberNumber: membersTable.memberNumber }).from(membersTable).where(eq(membersTable.id, contract.memberId)).get()!
  const beneficiaries = ctx.db.select({
    id: beneficiariesTable.id,
    firstName: beneficiariesTable.firstName,
    lastName: beneficiariesTable.lastName,
    birthDate: beneficiariesTable.birthDate,
    rank: beneficiariesTable.rank,
    domains: cardRightsTable.domains,
  }).from(cardRightsTable)
    .innerJoin(beneficiariesTable, eq(beneficiariesTable.id, cardRightsTable.beneficiaryId))
    .where(eq(cardRightsTable.cardId, card.id))
    .orderBy(asc(beneficiariesTable.rank)).all()
  return { ...card, amcNumber: contract.amcNumber, conventionType: contract.conventionType, routingCriterion: contract.routingCriterion, memberNumber: member.memberNumber, contract, beneficiaries }
}
