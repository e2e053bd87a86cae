import type { CareType } from '../../db/schema/index.ts'
import type { CoverageCheck, CoverageReason } from '../coverage/coverage.type.ts'
import { CARE_TYPES } from '../../db/schema/index.ts'
import { CARE_TYPE_DOMAINS } from '../coverage/care-domains.ts'

/**
 * The FHIR R4 face of the tiers-payant check, as plain JSON: the resources this portal reads and
 * writes, built and read here, checked against the R4 definitions in the tests (`fhir` package).
 * Only what the check needs crosses: the card number and birth date in, the answer out, no name.
 */

export const FHIR_JSON = 'application/fhir+json'

/** Identifier systems and code systems of this portal (URNs: they name, they do not resolve). */
export const SYSTEMS = {
  card: 'urn:espace-adherent:fhir:numero-carte-tiers-payant',
  careType: 'urn:espace-adherent:fhir:type-de-soin',
  cardDomain: 'urn:espace-adherent:fhir:domaine-inter-amc',
  amc: 'urn:espace-adherent:fhir:numero-amc',
} as const

type Json = Record<string, unknown>

export type IssueCode = 'invalid' | 'required' | 'value' | 'not-supported' | 'login' | 'forbidden' | 'throttled' | 'not-found' | 'exception'

/** An error as FHIR says one: `OperationOutcome` with one issue, its French text for the integrator. */
export function operationOutcome(code: IssueCode, diagnostics: string, expression?: string): Json {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) }],
  }
}

export function capabilityStatement(date: string, publisher: string): Json {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher,
    kind: 'instance',
    implementation: { description: `Espace adhérent de ${publisher}\u00a0: contrôle des droits au tiers payant pour les professionnels de santé` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      documentation: 'Authentification par jeton partenaire\u00a0: en-tête «\u00a0Authorization: Bearer ptk_…\u00a0» (portée coverage:read). Mêmes limites et même journal que l\'API GraphQL.',
      security: {
        cors: false,
        service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'OAuth', display: 'OAuth' }], text: 'Jeton porteur (Bearer) délivré par la mutuelle' }],
        description: 'Jeton partenaire obligatoire, portée coverage:read.',
      },
      resource: [{
        type: 'CoverageEligibilityRequest',
        documentation: 'Pas de stockage\u00a0: la demande est vérifiée et la réponse rendue aussitôt, par l\'opération $check.',
        operation: [{ name: 'check', definition: 'urn:espace-adherent:fhir:OperationDefinition:CoverageEligibilityRequest-check', documentation: 'POST /fhir/r4/CoverageEligibilityRequest/$check avec une CoverageEligibilityRequest (patient et couverture contenus)\u00a0: répond une CoverageEligibilityResponse.' }],
      }],
    }],
  }
}

export interface EligibilityQuestion { cardNumber: string, birthDate: string, careType: CareType, date: string, requestIdentifier: Json | null }

type Read = { question: EligibilityQuestion } | { error: Json }

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)

/** The contained resource a local reference (`#id`) points at. */
function contained(request: Json, reference: unknown, type: string): Json | null {
  if (!isObject(reference) || typeof reference.reference !== 'string' || !reference.reference.startsWith('#'))
    return null
  const id = reference.reference.slice(1)
  const list = Array.isArray(request.contained) ? request.contained : []
  return (list.find(r => isObject(r) && r.resourceType === type && r.id === id) as Json | undefined) ?? null
}

/**
 * The question a CoverageEligibilityRequest asks: the beneficiary's birth date (contained Patient),
 * the card number (contained Coverage's identifier), the care (first item's category) and its day.
 */
export function readEligibilityRequest(body: unknown): Read {
  const fail = (code: IssueCode, text: string, expression: string): Read => ({ error: operationOutcome(code, text, expression) })
  if (!isObject(body) || body.resourceType !== 'CoverageEligibilityRequest')
    return fail('invalid', 'Envoyez une ressource CoverageEligibilityRequest (FHIR R4) en JSON.', 'CoverageEligibilityRequest')
  const purposes = Array.isArray(body.purpose) ? body.purpose : []
  if (!purposes.includes('validation'))
    return fail('not-supported', 'Seul le contrôle des droits est proposé\u00a0: indiquez purpose = ["validation"].', 'CoverageEligibilityRequest.purpose')
  const patient = contained(body, body.patient, 'Patient')
  if (!patient || !isDate(patient.birthDate))
    return fail('required', 'Indiquez la date de naissance du bénéficiaire dans un Patient contenu (patient = «\u00a0#id\u00a0», birthDate AAAA-MM-JJ).', 'CoverageEligibilityRequest.patient')
  const insurance = Array.isArray(body.insurance) && isObject(body.insurance[0]) ? body.insurance[0] : null
  const coverage = insurance ? contained(body, insurance.coverage, 'Coverage') : null
  const identifiers = coverage && Array.isArray(coverage.identifier) ? coverage.identifier : []
  const card = identifiers.find(i => isObject(i) && i.system === SYSTEMS.card && typeof i.value === 'string') as { value: string } | undefined
  if (!card)
    return fail('required', `Indiquez le numéro de la carte de tiers payant dans une Coverage contenue (identifier de système ${SYSTEMS.card}).`, 'CoverageEligibilityRequest.insurance[0].coverage')
  if (!isDate(body.servicedDate))
    return fail('required', 'Indiquez le jour des soins (servicedDate, AAAA-MM-JJ).', 'CoverageEligibilityRequest.servicedDate')
  const item = Array.isArray(body.item) && isObject(body.item[0]) ? body.item[0] : null
  const category = item && isObject(item.category) && Array.isArray(item.category.coding) ? item.category.coding : []
  const care = category.find(c => isObject(c) && c.system === SYSTEMS.careType && typeof c.code === 'string' && (CARE_TYPES as readonly string[]).includes(c.code)) as { code: CareType } | undefined
  if (!care)
    return fail('value', `Indiquez le soin dans item[0].category (système ${SYSTEMS.careType}, un de\u00a0: ${CARE_TYPES.join(', ')}).`, 'CoverageEligibilityRequest.item[0].category')
  const requestIdentifier = Array.isArray(body.identifier) && isObject(body.identifier[0]) ? body.identifier[0] : null
  return { question: { cardNumber: card.value, birthDate: patient.birthDate as string, careType: care.code, date: body.servicedDate, requestIdentifier } }
}

const REASON_TEXT: Record<CoverageReason, string> = {
  COVERED: 'Tiers payant accordé pour ce soin ce jour-là.',
  NOT_FOUND: 'Aucun bénéficiaire né ce jour-là sur une carte de ce numéro.',
  OUTSIDE_VALIDITY: 'La carte n\'est pas valable ce jour-là.',
  NOT_COVERED_ON_DATE: 'Le bénéficiaire ou le contrat n\'était pas couvert ce jour-là.',
  DOMAIN_NOT_COVERED: 'Pas de tiers payant pour ce domaine de soins.',
}

/** The answer, with the least data: the card number the partner sent, the AMC routing when covered. */
export function eligibilityResponse(question: EligibilityQuestion, check: CoverageCheck, created: string, insurer: string): Json {
  const domain = CARE_TYPE_DOMAINS[question.careType]
  return {
    resourceType: 'CoverageEligibilityResponse',
    status: 'active',
    purpose: ['validation'],
    patient: { identifier: { system: SYSTEMS.card, value: question.cardNumber }, display: 'Bénéficiaire de la carte' },
    servicedDate: question.date,
    created,
    request: question.requestIdentifier ? { identifier: question.requestIdentifier } : { display: 'Demande de contrôle des droits' },
    outcome: 'complete',
    disposition: REASON_TEXT[check.reason],
    insurer: check.amcNumber ? { identifier: { system: SYSTEMS.amc, value: check.amcNumber }, display: insurer } : { display: insurer },
    insurance: [{
      coverage: { identifier: { system: SYSTEMS.card, value: question.cardNumber } },
      inforce: check.covered,
      ...(check.validTo ? { benefitPeriod: { end: check.validTo } } : {}),
      item: [{
        category: { coding: [{ system: SYSTEMS.careType, code: question.careType }, ...(domain ? [{ system: SYSTEMS.cardDomain, code: domain }] : [])] },
        excluded: !check.covered,
        description: `${REASON_TEXT[check.reason]} (motif ${check.reason}${check.conventionType ? `, convention ${check.conventionType}, routage ${check.routingCriterion}` : ''})`,
      }],
    }],
  }
}
