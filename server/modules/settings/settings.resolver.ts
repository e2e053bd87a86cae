import { Authorized, Field, ObjectType, Query, Resolver } from 'type-graphql'
import { healthDirectoryUrl } from './settings.service.ts'

@ObjectType({ description: 'Settings of this portal that the SPA needs, chosen by the mutuelle running it.' })
export class PortalSettings {
  @Field(() => String, { description: 'Directory where members look up a health professional ("Rechercher un professionnel de santé"); HEALTH_DIRECTORY_URL, by default https://annuaire.sante.fr.' })
  healthDirectoryUrl!: string
}

@Authorized()
@Resolver()
export class SettingsResolver {
  @Query(() => PortalSettings, { description: 'Settings of the portal for signed-in users.' })
  portalSettings(): PortalSettings {
    return { healthDirectoryUrl: healthDirectoryUrl() }
  }
}
