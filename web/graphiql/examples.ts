/** One tab GraphiQL opens with (its `defaultTabs` prop). */
export interface TabDefinition { query: string, variables: string | null, headers: string | null }

/** What GET /graphiql/examples.json gives: the demo partner token and card in development, nothing in production. */
export interface ExampleValues {
  partnerToken: string | null
  cardNumber?: string
  birthDate?: string
  careDate?: string
  plannedDate?: string
}

const json = (value: unknown) => JSON.stringify(value, null, 2)

const MEMBER_HOME = `# Members — the home page of the member space, in one round trip.
# Sign in on the portal first (e.g. benoit@example.org in the demo), in this browser:
# the session cookie rides along. Without it, \`me\` is null and the rest UNAUTHENTICATED.
query MemberHome {
  me {
    firstName
    lastName
  }
  insuranceCard {
    cardNumber
    validTo
    beneficiaries {
      firstName
    }
  }
  reimbursements(first: 3) {
    nodes {
      careType
      paymentDate
      mutuelleCents
      beneficiary {
        firstName
      }
    }
  }
  procedures(first: 3) {
    nodes {
      kind
      status
      reference
    }
  }
  unreadMessageCount
}
`

const COVERAGE_CHECK = `# Partners (scope coverage:read) — tiers-payant check at the counter.
# The token goes in the Headers tab below: Authorization: Bearer ptk_…
# A wrong card and a wrong birth date answer the same NOT_FOUND.
query PartnerCoverageCheck($cardNumber: String!, $birthDate: Date!, $careType: CareType!, $date: Date!) {
  coverageCheck(cardNumber: $cardNumber, birthDate: $birthDate, careType: $careType, date: $date) {
    covered
    reason
    domain
    validTo
    amcNumber
    conventionType
    routingCriterion
  }
}
`

const COVERAGE_AGREEMENT = `# Partners (scope pec:write) — prise en charge on a quote, before the care.
# Accepted at once (amounts committed line by line, with a validity date) or UNDER_REVIEW:
# then ask again with coverageAgreement(id). Codes of the lines: see CoverageAgreementLineInput.code.
mutation PartnerCoverageAgreement($input: CoverageAgreementInput!) {
  requestCoverageAgreement(input: $input) {
    errors {
      field
      code
      message
    }
    agreement {
      id
      status
      message
      validUntil
      mutuelleCents
      outOfPocketCents
      lines {
        code
        label
        amountCents
        mutuelleCents
      }
    }
  }
}
`

const PARTNER_USAGE = `# Partners (any scope) — the token's own calls per day, the last 30 days by default.
query PartnerUsage {
  partnerUsage {
    name
    scopes
    expiresAt
    totalCalls
    days {
      day
      calls
    }
  }
}
`

/** The tabs GraphiQL opens with: one per audience, runnable as they are against the demo data. */
export function exampleTabs(values: ExampleValues): TabDefinition[] {
  // a placeholder outside development: the answer (TOKEN_INVALID) says what to put there
  const headers = json({ Authorization: `Bearer ${values.partnerToken ?? 'ptk_VOTRE_JETON'}` })
  const cardNumber = values.cardNumber ?? '000000000'
  const birthDate = values.birthDate ?? '2019-04-27'
  return [
    { query: MEMBER_HOME, variables: null, headers: null },
    {
      query: COVERAGE_CHECK,
      variables: json({ cardNumber, birthDate, careType: 'PHARMACY', date: values.careDate ?? new Date().toISOString().slice(0, 10) }),
      headers,
    },
    {
      query: COVERAGE_AGREEMENT,
      variables: json({
        input: {
          cardNumber,
          birthDate,
          provider: { rpps: '10003456786' },
          careDomain: 'OPTICS',
          plannedDate: values.plannedDate ?? new Date().toISOString().slice(0, 10),
          lines: [
            { code: 'OPT-MONTURE-B', amountCents: 15000, socialSecurityBaseCents: 5 },
            { code: 'OPT-VERRE-B', amountCents: 22000, socialSecurityBaseCents: 4 },
          ],
        },
      }),
      headers,
    },
    { query: PARTNER_USAGE, variables: null, headers },
  ]
}
