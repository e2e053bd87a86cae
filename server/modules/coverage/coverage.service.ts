import type { Context } from '../../context.ts'
import type { Queryable } from '../../db/client.ts'
import type { CareType } from '../../db/schema/index.ts'
import type { CoverageCheck, CoverageReason } from './coverage.type.ts'
import { and, eq } from 'drizzle-orm'
import { forbidden } from '../../core/errors.ts'
import { beneficiariesTable, cardRightsTable, contractBeneficiariesTable, contractsTable, insuranceCardsTable } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { isCoveredOn } from '../beneficiaries/beneficiary.service.ts'
import { CARE_TYPE_DOMAINS } from './care-domains.ts'

export interface CoverageQuery { cardNumber: string, birthDate: string, careType: CareType, date: string }

function answer(reason: CoverageReason, domain: string | null, card?: { validTo: string }, contract?: { amcNumber: string, conventionType: string, routingCriterion: string }): CoverageCheck {
  const covered = reason === 'COVERED'
  return {
    covered,
    reason,
    domain,
    validTo: card?.validTo ?? null,
    amcNumber: covered ? contract!.amcNumber : null,
    conventionType: covered ? contract!.conventionType : null,
    routingCriterion: covered ? contract!.routingCriterion : null,
  }
}

/**
 * The beneficiary a professional has in front of them: the card's number and the birth date
 * together, as at the counter. Undefined when either is wrong, without saying which.
 */
export function findCardHolder(db: Queryable, cardNumber: string, birthDate: string) {
  return db.select({ card: insuranceCardsTable, contract: contractsTable, beneficiary: beneficiariesTable, domains: cardRightsTable.domains })
    .from(insuranceCardsTable)
    .innerJoin(contractsTable, eq(contractsTable.id, insuranceCardsTable.contractId))
    .innerJoin(cardRightsTable, eq(cardRightsTable.cardId, insuranceCardsTable.id))
    .innerJoin(beneficiariesTable, eq(beneficiariesTable.id, cardRightsTable.beneficiaryId))
    .where(and(eq(insuranceCardsTable.cardNumber, cardNumber.trim()), eq(beneficiariesTable.birthDate, birthDate)))
    .get()
}

/**
 * A partner's tiers-payant check. The card number and the birth date together identify the
 * beneficiary, as at the pharmacy counter; when either is wrong the answer is the same NOT_FOUND,
 * so the endpoint cannot be used to learn which card numbers exist. Every check is audited.
 */
export function checkCoverage(ctx: Pick<Context, 'db' | 'clock' | 'viewer' | 'request'>, q: CoverageQuery): CoverageCheck {
  const viewer = ctx.viewer
  if (viewer?.role !== 'PARTNER')
    throw forbidden()
  const domain = CARE_TYPE_DOMAINS[q.careType]
  const found = findCardHolder(ctx.db, q.cardNumber, q.birthDate)

  let result: CoverageCheck
  if (!found) {
    result = answer('NOT_FOUND', domain)
  }
  else {
    const { card, contract, beneficiary } = found
    const link = ctx.db.select().from(contractBeneficiariesTable)
      .where(and(eq(contractBeneficiariesTable.contractId, contract.id), eq(contractBeneficiariesTable.beneficiaryId, beneficiary.id))).get()
    const contractInForce = contract.status === 'ACTIVE' && contract.startDate <= q.date && (!contract.endDate || q.date <= contract.endDate)
    if (q.date < card.validFrom || q.date > card.validTo)
      result = answer('OUTSIDE_VALIDITY', domain, card)
    else if (!contractInForce || !link || !isCoveredOn(beneficiary, q.date) || !isCoveredOn({ coverageStart: link.startDate, coverageEnd: link.endDate }, q.date))
      result = answer('NOT_COVERED_ON_DATE', domain, card)
    else if (!domain || !found.domains.includes(domain))
      result = answer('DOMAIN_NOT_COVERED', domain, card)
    else
      result = answer('COVERED', domain, card, contract)
  }
  recordAudit(ctx.db, {
    at: ctx.clock.now().toISOString(),
    action: 'PARTNER_COVERAGE_CHECK',
    actorAccountId: viewer.tokenId,
    actorRole: 'PARTNER',
    memberId: found?.contract.memberId ?? null,
    outcome: result.covered ? 'SUCCESS' : 'FAILURE',
    ...requestMeta(ctx),
    details: { partner: viewer.displayName, careType: q.careType, date: q.date, reason: result.reason },
  })
  return result
}
