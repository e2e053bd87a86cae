import type { ConsentKind } from '../../db/schema/index.ts'
import type { ProcedureResult } from '../procedures/reimbursement-request.service.ts'
import type { ConsentView } from './consent.service.ts'
import type { DataRight } from './data-rights.service.ts'
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { ProcedurePayload } from '../procedures/procedure.payload.ts'
import { listConsents, setConsent } from './consent.service.ts'
import { requestDataExport } from './data-export.service.ts'
import { requestDataRights } from './data-rights.service.ts'
import { Consent, ConsentKindEnum, ConsentPayload, DataRightsRequestInput } from './personal-data.type.ts'

@Authorized()
@Resolver()
export class PersonalDataResolver {
  @Query(() => [Consent], { description: 'The member\'s consents (« Zéro papier », news by e-mail), each with the day it was given and withdrawn.' })
  consents(@Ctx() ctx: Context): ConsentView[] {
    return listConsents(ctx)
  }

  @Mutation(() => ConsentPayload, { description: 'Gives or withdraws a consent; dated, and recorded in the audit trail.' })
  setConsent(
    @Arg('kind', () => ConsentKindEnum, { description: 'Which consent.' }) kind: ConsentKind,
    @Arg('granted', () => Boolean, { description: 'true to give it, false to withdraw it.' }) granted: boolean,
    @Ctx() ctx: Context,
  ): ConsentPayload {
    return { consent: setConsent(ctx, kind, granted), errors: [] }
  }

  @Mutation(() => ProcedurePayload, { description: '« Télécharger mes données »: builds at once a ZIP of everything the portal holds on the household (mes-donnees.json and a PDF summary; NIR and IBANs masked) and records it as an accepted DATA_EXPORT démarche, whose `dataExport.downloadUrl` only its owner can fetch. 3 a day at most.' })
  requestDataExport(@Ctx() ctx: Context): Promise<ProcedureResult> {
    return requestDataExport(ctx)
  }

  @Mutation(() => ProcedurePayload, { description: 'Files a request of rectification, erasure, limitation or objection (DATA_RIGHTS démarche), answered within one month (`estimatedDecisionDate`).' })
  requestDataRights(@Arg('input', () => DataRightsRequestInput, { description: 'The right and the request.' }) input: DataRightsRequestInput, @Ctx() ctx: Context): ProcedureResult {
    return requestDataRights(ctx, { right: input.right as DataRight, message: input.message })
  }
}
