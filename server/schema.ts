import type { Context } from './context.ts'
import { assertObjectType, assertUnionType, GraphQLObjectType, GraphQLSchema, printSchema } from 'graphql'
import { buildSchemaSync, getMetadataStorage } from 'type-graphql'
import { assertAuthorized, authChecker } from './core/viewer.ts'
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
import { CoverageAgreementResolver } from './modules/coverage/coverage-agreement.resolver.ts'
import { CoverageResolver } from './modules/coverage/coverage.resolver.ts'
import { DocumentResolver } from './modules/documents/document.resolver.ts'
import { InsuranceCardResolver } from './modules/insurance-card/insurance-card.resolver.ts'
import { ContactDetailsResolver, EmailConfirmationResolver } from './modules/members/contact-details.resolver.ts'
import { MemberResolver } from './modules/members/member.resolver.ts'
import { MessageCategoryResolver, MessageFieldResolver, MessageResolver, MessageSubjectResolver } from './modules/messages/message.resolver.ts'
import { FaqEntryResolver, GuideResolver, HelpResolver } from './modules/help/help.resolver.ts'
import { NewsResolver } from './modules/news/news.resolver.ts'
import { PersonalDataResolver } from './modules/personal-data/personal-data.resolver.ts'
import { PartnerUsageResolver } from './modules/partners/partner-usage.resolver.ts'
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
  CoverageAgreementResolver,
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
  PartnerUsageResolver,
  CommercialJourneyResolver,
  ProcedureResolver,
  QuoteResolver,
  QuoteComparisonResolver,
  ReimbursementResolver,
  SettingsResolver,
  SiteResolver,
] as const

let cached: GraphQLSchema | undefined

const ROOT_DESCRIPTIONS = {
  Query: 'Everything the API reads. Who may call a field depends on who is calling: a signed-in member (session cookie, set by the signIn mutation) reads their own household; an advisor reads through the advisor* fields; a partner (header Authorization: Bearer ptk_…) reads only what its token\'s scopes open (coverage:read: coverageCheck; pec:write: coverageAgreement; any scope: partnerUsage). Missing and not-yours answer the same NOT_FOUND or null.',
  Mutation: 'Everything the API changes. Each mutation validates its whole input and answers `errors: [UserError!]!` (codes in the UserErrorCode enum, messages in French); nothing is saved when errors is not empty. Top-level errors are UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT and INTERNAL.',
}

/** The roots, described: type-graphql has no decorator for them, so they are rebuilt with their words. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig()
  const query = new GraphQLObjectType({ ...config.query!.toConfig(), description: ROOT_DESCRIPTIONS.Query })
  const mutation = new GraphQLObjectType({ ...config.mutation!.toConfig(), description: ROOT_DESCRIPTIONS.Mutation })
  const roots = new Map<string, GraphQLObjectType>([['Query', query], ['Mutation', mutation]])
  // the same types in the same order: schema.graphql changes only where the API does
  return new GraphQLSchema({ ...config, query, mutation, types: config.types.map(t => roots.get(t.name) ?? t) })
}

/**
 * type-graphql wraps every union's resolveType in an async function, and the compiled executor
 * (graphql-jit) needs the type at once: each union gets its own resolver back, synchronous, with
 * the class it answers turned into its type's name as type-graphql would.
 */
function synchronousTypeResolution(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage()
  for (const union of storage.unions) {
    const resolve = union.resolveType
    if (!resolve)
      continue
    assertUnionType(schema.getType(union.name)).resolveType = (...args) => {
      const resolved = resolve(...args)
      if (resolved instanceof Promise)
        throw new Error(`${union.name}: resolveType must answer at once (compiled queries cannot wait for it)`)
      return typeof resolved === 'function' ? storage.objectTypes.find(o => o.target === resolved)?.name : resolved ?? undefined
    }
  }
  return schema
}

/**
 * type-graphql checks `@Authorized` in an async middleware: several promises for every field of every
 * row, and a page of 20 reimbursements resolves 40 such fields. A resolver class's `@Authorized`
 * therefore moves, before the build, onto its queries and mutations (type-graphql still checks those),
 * and its field resolvers get the very same check after the build, synchronous. Who may read what is
 * unchanged: access-matrix.test.ts asks every root field as every caller. A method's own
 * `@Authorized` stays with type-graphql.
 */
function authorizeFieldResolversAtOnce(build: () => GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage()
  const classRoles = new Map(storage.authorizedResolver.map(a => [a.target, a.roles as string[]]))
  // on an object type, a class's @Authorized would guard its plain fields, which nothing below does
  const notResolver = [...classRoles.keys()].find(target => !storage.resolverClasses.some(r => r.target === target))
  if (notResolver)
    throw new Error(`${notResolver.name}: @Authorized on a class is supported on resolver classes only`)
  const ownRoles = (target: object, method: string) => storage.authorizedFields.some(a => a.target === target && a.fieldName === method)
  for (const root of [...storage.queries, ...storage.mutations, ...storage.subscriptions]) {
    const roles = classRoles.get(root.target)
    if (roles && !ownRoles(root.target, root.methodName))
      storage.authorizedFields.push({ target: root.target, fieldName: root.methodName, roles })
  }
  const checked = storage.fieldResolvers.filter(f => classRoles.has(f.target) && !ownRoles(f.target, f.methodName))
  storage.authorizedResolver = []
  const schema = build()
  for (const resolver of checked) {
    const typeName = storage.objectTypes.find(o => o.target === resolver.getObjectType!())?.name
    if (!typeName)
      throw new Error(`${resolver.target.name}.${resolver.methodName}: field resolvers are authorized on object types only`)
    const field = assertObjectType(schema.getType(typeName)).getFields()[resolver.schemaName]!
    const resolve = field.resolve!
    const roles = classRoles.get(resolver.target)!
    field.resolve = (root, args, context: Context, info) => {
      assertAuthorized(context.viewer, roles)
      return resolve(root, args, context, info)
    }
    // read by access-matrix.test.ts, which calls each such field as callers without the roles
    field.extensions = { ...field.extensions, authorizedRoles: roles }
  }
  return schema
}

/** Built once per process: type-graphql's metadata is global, and building rewrites its authorizations. */
export function getSchema(): GraphQLSchema {
  cached ??= synchronousTypeResolution(authorizeFieldResolversAtOnce(() => describeRoots(buildSchemaSync({ resolvers, authChecker, validate: false }))))
  return cached
}

/** The SDL committed as ../schema.graphql (a test fails when they differ). */
export function printSdl(): string {
  return `# Generated from the type-graphql classes by \`npm run schema\`. Do not edit.\n\n${printSchema(getSchema())}\n`
}
