import type { GraphQLSchema } from 'graphql'
import { printSchema } from 'graphql'
import { buildSchemaSync } from 'type-graphql'
import { authChecker } from './core/viewer.ts'
import { AdvisorProcedureResolver } from './modules/advisor/advisor-procedure.resolver.ts'
import { AdvisorResolver, AdvisorThreadResolver } from './modules/advisor/advisor.resolver.ts'
import { AccessLogResolver } from './modules/audit/access-log.resolver.ts'
import { AccountSecurityResolver } from './modules/auth/account-security.resolver.ts'
import { AuthResolver } from './modules/auth/auth.resolver.ts'
import { PasswordResetResolver } from './modules/auth/password-reset.resolver.ts'
import { BankDetailsResolver } from './modules/bank-accounts/bank-details.resolver.ts'
import { BeneficiaryRequestResolver } from './modules/beneficiaries/beneficiary-request.resolver.ts'
import { BeneficiaryResolver } from './modules/beneficiaries/beneficiary.resolver.ts'
import { ContractResolver, GuaranteeResolver } from './modules/contracts/contract.resolver.ts'
import { CoverageResolver } from './modules/coverage/coverage.resolver.ts'
import { DocumentResolver } from './modules/documents/document.resolver.ts'
import { InsuranceCardResolver } from './modules/insurance-card/insurance-card.resolver.ts'
import { ContactDetailsResolver, EmailConfirmationResolver } from './modules/members/contact-details.resolver.ts'
import { MemberResolver } from './modules/members/member.resolver.ts'
import { MessageCategoryResolver, MessageFieldResolver, MessageResolver, MessageSubjectResolver } from './modules/messages/message.resolver.ts'
import { FaqEntryResolver, GuideResolver, HelpResolver } from './modules/help/help.resolver.ts'
import { NewsResolver } from './modules/news/news.resolver.ts'
import { PersonalDataResolver } from './modules/personal-data/personal-data.resolver.ts'
import { CommercialJourneyResolver } from './modules/offers/commercial-journey.resolver.ts'
import { ProcedureResolver } from './modules/procedures/procedure.resolver.ts'
import { QuoteComparisonResolver } from './modules/quotes/quote-comparison.resolver.ts'
import { QuoteResolver } from './modules/quotes/quote.resolver.ts'
import { ReimbursementResolver } from './modules/reimbursements/reimbursement.resolver.ts'
import { SettingsResolver } from './modules/settings/settings.resolver.ts'
import { SiteResolver } from './modules/site/site.resolver.ts'

export const resolvers = [
  AccessLogResolver,
  AccountSecurityResolver,
  AdvisorProcedureResolver,
  AdvisorResolver,
  AdvisorThreadResolver,
  AuthResolver,
  PasswordResetResolver,
  BankDetailsResolver,
  BeneficiaryResolver,
  BeneficiaryRequestResolver,
  ContractResolver,
  CoverageResolver,
  GuaranteeResolver,
  DocumentResolver,
  InsuranceCardResolver,
  ContactDetailsResolver,
  EmailConfirmationResolver,
  MemberResolver,
  MessageResolver,
  MessageCategoryResolver,
  MessageSubjectResolver,
  MessageFieldResolver,
  HelpResolver,
  GuideResolver,
  FaqEntryResolver,
  NewsResolver,
  PersonalDataResolver,
  CommercialJourneyResolver,
  ProcedureResolver,
  QuoteResolver,
  QuoteComparisonResolver,
  ReimbursementResolver,
  SettingsResolver,
  SiteResolver,
] as const

let cached: GraphQLSchema | undefined

/** Built once per process: type-graphql's metadata is global, so building twice is wasted work. */
export function getSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({ resolvers, authChecker, validate: false })
  return cached
}

/** The SDL committed as ../schema.graphql (a test fails when they differ). */
export function printSdl(): string {
  return `# Generated from the type-graphql classes by \`npm run schema\`. Do not edit.\n\n${printSchema(getSchema())}\n`
}
