/**
 * graphql-js and graphql-armor word their validation and coercion errors in English; the SPA shows
 * error messages to members, so the common ones are said again in French (the code stays).
 */
type Rule = [RegExp, (...groups: string[]) => string]

const name = (quoted: string) => quoted.replace(/^"|"$/g, '')

const RULES: Rule[] = [
  [/^Variable "\$(\w+)" got invalid value (.*?); (.*)$/s, (v, value, inner) => `Valeur invalide pour $${v} (${value})\u00a0: ${frenchGraphqlMessage(inner) ?? inner}`],
  [/^Variable "\$(\w+)" of required type "(.+)" was not provided\.$/, (v, type) => `La variable $${v} (type ${type}) est obligatoire.`],
  [/^Variable "\$(\w+)" of non-null type "(.+)" must not be null\.$/, (v, type) => `La variable $${v} (type ${type}) ne peut pas être nulle.`],
  [/^Variable "\$(\w+)" is not defined(?: by operation "\w+")?\.$/, v => `La variable $${v} n'est pas déclarée.`],
  [/^Variable "\$(\w+)" is never used(?: in operation "\w+")?\.$/, v => `La variable $${v} n'est jamais utilisée.`],
  [/^Variable "\$(\w+)" of type "(.+)" used in position expecting type "(.+)"\.$/, (v, a, b) => `La variable $${v} est de type ${a} là où ${b} est attendu.`],
  [/^Value "(.*)" does not exist in "(\w+)" enum\.?.*$/s, (value, type) => `La valeur «\u00a0${value}\u00a0» n'existe pas dans l'énumération ${type}.`],
  [/^Enum "(\w+)" cannot represent non-enum value: (.*?)\.?(?: Did you mean.*)?$/s, (type, value) => `La valeur ${value} n'existe pas dans l'énumération ${type}.`],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/, value => `Nombre entier hors limites\u00a0: ${value} (de -2147483648 à 2147483647).`],
  [/^Int cannot represent non-integer value: (.*)$/, value => `Un nombre entier est attendu, reçu\u00a0: ${value}.`],
  [/^Float cannot represent non numeric value: (.*)$/, value => `Un nombre est attendu, reçu\u00a0: ${value}.`],
  [/^String cannot represent a non string value: (.*)$/, value => `Un texte est attendu, reçu\u00a0: ${value}.`],
  [/^Boolean cannot represent a non boolean value: (.*)$/, value => `Un booléen (true ou false) est attendu, reçu\u00a0: ${value}.`],
  [/^ID cannot represent value: (.*)$/, value => `Un identifiant est attendu, reçu\u00a0: ${value}.`],
  [/^Expected value of type "(.+?)", found (.*?)(?:; (.*))?$/s, (type, value, reason) => `Valeur invalide pour le type ${type}\u00a0: ${value}.${reason ? ` ${frenchGraphqlMessage(reason) ?? reason}` : ''}`],
  [/^Expected type "(.+?)"\.(?: (.*))?$/s, (type, reason) => `Type ${type} attendu.${reason ? ` ${frenchGraphqlMessage(reason) ?? reason}` : ''}`],
  [/^Field "(.+?)" of required type "(.+)" was not provided\.$/, (field, type) => `Le champ ${field} (type ${type}) est obligatoire.`],
  [/^Field "(.+?)" is not defined by type "(.+)"\..*$/s, (field, type) => `Le champ ${field} n'existe pas dans le type ${type}.`],
  [/^Field "(.+?)" argument "(.+?)" of type "(.+)" is required, but it was not provided\.$/, (field, arg, type) => `L'argument ${arg} (type ${type}) du champ ${field} est obligatoire.`],
  [/^Field "(.+?)" must have a selection of subfields\..*$/s, field => `Le champ ${field} demande une sélection de sous-champs.`],
  [/^Field "(.+?)" must not have a selection since type "(.+)" has no subfields\.$/, (field, type) => `Le champ ${field} (type ${type}) n'a pas de sous-champs.`],
  [/^Cannot query field "(.+?)" on type "(.+?)"\..*$/s, (field, type) => `Le champ ${field} n'existe pas dans le type ${type}.`],
  [/^Unknown argument "(.+?)" on field "(.+?)"\..*$/s, (arg, field) => `L'argument ${arg} n'existe pas pour le champ ${field}.`],
  [/^Unknown type "(.+?)"\..*$/s, type => `Le type ${type} n'existe pas.`],
  [/^Unknown fragment "(.+?)"\.$/, fragment => `Le fragment ${fragment} n'est pas défini.`],
  [/^Fragment "(.+?)" is never used\.$/, fragment => `Le fragment ${fragment} n'est jamais utilisé.`],
  [/^There can be only one (?:operation|variable|argument|fragment) named "(.+?)"\.$/, what => `Le nom ${name(what)} est utilisé plusieurs fois.`],
  [/^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)\.$/, (n, found) => `Requête trop imbriquée\u00a0: ${found} niveaux, ${n} au plus.`],
  [/^Syntax Error: Query Cost limit of (\d+) exceeded, found ([\d.]+)\.$/, (n, found) => `Requête trop coûteuse\u00a0: coût ${Math.round(Number(found))}, ${n} au plus.`],
  [/^Syntax Error: Aliases limit of (\d+) exceeded, found (\d+)\.$/, (n, found) => `Trop d'alias dans la requête\u00a0: ${found}, ${n} au plus.`],
  [/^Syntax Error: Directives limit of (\d+) exceeded, found (\d+)\.$/, (n, found) => `Trop de directives dans la requête\u00a0: ${found}, ${n} au plus.`],
  // graphql-js 16 writes « more that »
  [/^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/, n => `Requête trop longue\u00a0: plus de ${n} éléments.`],
  [/^Syntax Error: (.*)$/s, detail => `Requête GraphQL illisible (${detail}).`],
  [/^Validation aborted\.$/, () => 'Requête refusée\u00a0: elle contient trop d\'erreurs.'],
  [/^GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension\.$/, () => 'La requête GraphQL est vide.'],
  [/^Must provide operation name if query contains multiple operations\.$/, () => 'La requête contient plusieurs opérations\u00a0: précisez operationName.'],
  [/^Unknown operation named "(.+?)"\.$/, op => `L'opération ${op} n'existe pas dans la requête.`],
]

/** The French of a graphql-js or graphql-armor message, or undefined when it is not one of the known ones. */
export function frenchGraphqlMessage(message: string): string | undefined {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(message)
    if (match)
      return say(...match.slice(1))
  }
  return undefined
}
