import type { Context } from '../../context.ts'
import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm'
import { today } from '../../core/clock.ts'
import { notFound } from '../../core/errors.ts'
import { lazy } from '../../core/lazy.ts'
import { prepared } from '../../db/prepared.ts'
import { beneficiariesTable, cardRightsTable, insuranceCardsTable, membersTable } from '../../db/schema/index.ts'
import { getOwnContract } from '../contracts/contract.service.ts'
import { careDomainLegend, dataMatrixSvg, dataMatrixText, sortDomains } from './card-format.ts'

/** The card of a household contract (main by default) valid today, else the latest issued. */
export function getOwnInsuranceCard(ctx: Pick<Context, 'db' | 'viewer' | 'clock'>, contractId?: string | null) {
  const contract = getOwnContract(ctx, contractId)
  const day = today(ctx.clock)
  // on every home page: prepared once
  const card = prepared(ctx.db, 'card.current', () => ctx.db.select().from(insuranceCardsTable)
    .where(and(eq(insuranceCardsTable.contractId, sql.placeholder('contractId')), lte(insuranceCardsTable.validFrom, sql.placeholder('day'))))
    .orderBy(desc(insuranceCardsTable.validTo)).limit(1).prepare()).get({ contractId: contract.id, day })
  if (!card)
    throw notFound()
  // the home page shows the card's number and dates only: the rest is read when asked for
  const memberNumber = lazy(() => prepared(ctx.db, 'card.memberNumber', () => ctx.db.select({ memberNumber: membersTable.memberNumber }).from(membersTable).where(eq(membersTable.id, sql.placeholder('memberId'))).prepare()).get({ memberId: contract.memberId })!.memberNumber)
  const beneficiaries = lazy(() => prepared(ctx.db, 'card.beneficiaries', () => ctx.db.select({
    id: beneficiariesTable.id,
    firstName: beneficiariesTable.firstName,
    lastName: beneficiariesTable.lastName,
    birthDate: beneficiariesTable.birthDate,
    rank: beneficiariesTable.rank,
    domains: cardRightsTable.domains,
  }).from(cardRightsTable)
    .innerJoin(beneficiariesTable, eq(beneficiariesTable.id, cardRightsTable.beneficiaryId))
    // someone whose coverage has ended is no longer on the card
    .where(and(eq(cardRightsTable.cardId, sql.placeholder('cardId')), or(isNull(beneficiariesTable.coverageEnd), gte(beneficiariesTable.coverageEnd, sql.placeholder('day')))))
    .orderBy(asc(beneficiariesTable.rank)).prepare()).all({ cardId: card.id, day })
    .map((b) => {
      const domains = sortDomains(b.domains)
      return { ...b, domains, careDomains: domains.map(code => ({ code, label: careDomainLegend(code) })) }
    }))
  const legend = lazy(() => sortDomains([...new Set(beneficiaries().flatMap(b => b.domains))]).map(code => ({ code, label: careDomainLegend(code) })))
  const text = lazy(() => dataMatrixText({ amcNumber: contract.amcNumber, conventionType: contract.conventionType, routingCriterion: contract.routingCriterion, memberNumber: memberNumber(), validFrom: card.validFrom, validTo: card.validTo, cardNumber: card.cardNumber }))
  return {
    ...card,
    amcNumber: contract.amcNumber,
    conventionType: contract.conventionType,
    routingCriterion: contract.routingCriterion,
    get memberNumber() { return memberNumber() },
    contract,
    get beneficiaries() { return beneficiaries() },
    get legend() { return legend() },
    get dataMatrixText() { return text() },
    // the SVG is a few kilobytes
    get dataMatrixSvg() { return dataMatrixSvg(text()) },
  }
}

export type OwnInsuranceCard = ReturnType<typeof getOwnInsuranceCard>
