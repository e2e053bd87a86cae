import type { ContractRow } from '../../core/loaders.ts'
import type { DocumentRow } from './documents.service.ts'
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import type { DocumentKind } from '../../db/schema/index.ts'
import { Contract } from '../contracts/contract.type.ts'
import { Document, DocumentConnection, DocumentKindEnum } from './document.type.ts'
import { listDocuments } from './documents.service.ts'

@ArgsType()
class DocumentsArgs extends PageArgs {
  @Field(() => DocumentKindEnum, { nullable: true, description: 'Only this kind.' })
  kind?: DocumentKind | null

  @Field(() => ID, { nullable: true, description: 'Only documents of this contract.' })
  contractId?: string | null

  @Field(() => Int, { nullable: true, description: 'Only documents of this year.' })
  year?: number | null
}

@Authorized()
@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => DocumentConnection, { description: 'The household\'s documents, most recently issued first, filtered.' })
  documents(@Args(() => DocumentsArgs) args: DocumentsArgs, @Ctx() ctx: Context) {
    const { first, after, ...filter } = args
    return listDocuments(ctx, filter, first, after)
  }

  @FieldResolver(() => Contract, { nullable: true })
  async contract(@Root() doc: DocumentRow, @Ctx() ctx: Context): Promise<ContractRow | null> {
    return doc.contractId ? (await ctx.loaders.contract.load(doc.contractId)) ?? null : null
  }

  @FieldResolver(() => String)
  downloadPath(@Root() doc: DocumentRow): string {
    return `/api/documents/${encodeURIComponent(doc.id)}`
  }
}
