import type { DemoRows } from './rows.ts'
import { daysBefore, instant } from './calendar.ts'
import { demoId } from './random.ts'

/**
 * Content shared by every member: the messaging categories and subjects of the seed, the help
 * centre (categories, guides, FAQ) and the news. The brand is neutral: "votre mutuelle".
 */

interface SubjectSpec { label: string, onlineService?: { label: string, path: string } }
interface CategorySpec { label: string, subjects: SubjectSpec[] }

const DOCUMENTS_SERVICE = { label: 'Mes documents', path: '/ma-mutuelle/documents' }

/** The seed's categories, in the seed's order. */
export const MESSAGE_CATEGORIES: readonly CategorySpec[] = [
  {
    label: 'Attestation',
    subjects: [
      { label: 'Attestation de droits', onlineService: DOCUMENTS_SERVICE },
      { label: 'Récapitulatif des soins' },
      { label: 'Relevé de prestations', onlineService: DOCUMENTS_SERVICE },
      { label: 'Attestation de cotisations pour les impôts' },
    ],
  },
  {
    label: 'Information soins',
    subjects: [
      { label: 'Envoyer les décomptes de ma caisse d\'assurance maladie', onlineService: { label: 'Demande de remboursement', path: '/remboursements/demande' } },
      { label: 'Comprendre un remboursement', onlineService: { label: 'Mes remboursements', path: '/remboursements' } },
      { label: 'Télétransmission (NOEMIE)' },
    ],
  },
  {
    label: 'Accident',
    subjects: [
      { label: 'Déclaration d\'un accident' },
      { label: 'Accident causé par un tiers' },
    ],
  },
  {
    label: 'Prise en charge',
    subjects: [
      { label: 'Prise en charge hospitalière' },
      { label: 'Simulation achat/location de matériel médical' },
      { label: 'Analyse d\'un devis', onlineService: { label: 'Envoyer un devis', path: '/devis' } },
    ],
  },
  {
    label: 'Modification de contrat',
    subjects: [
      { label: 'Ajout de bénéficiaires', onlineService: { label: 'Ajout de bénéficiaires', path: '/ma-mutuelle/beneficiaires/ajout' } },
      { label: 'Ajout/retrait de bénéficiaire' },
      { label: 'Changement d\'option' },
      { label: 'Changement d\'adresse', onlineService: { label: 'Mes coordonnées', path: '/mon-compte' } },
    ],
  },
  {
    label: 'Cotisations',
    subjects: [
      { label: 'Participation de mon employeur' },
      { label: 'Échéancier de cotisations', onlineService: { label: 'Mes cotisations', path: '/ma-mutuelle/cotisations' } },
      { label: 'Changement de RIB', onlineService: { label: 'Mes informations bancaires', path: '/mon-compte/informations-bancaires' } },
      { label: 'Rejet de prélèvement' },
    ],
  },
  {
    label: 'Information contrat à l\'étranger',
    subjects: [
      { label: 'Soins lors d\'un séjour à l\'étranger' },
      { label: 'Expatriation ou détachement' },
    ],
  },
  {
    label: 'Données et site internet',
    subjects: [
      { label: 'Traitement des données personnelles', onlineService: { label: 'Mes données personnelles', path: '/mon-compte/donnees' } },
      { label: 'Accès à mon espace', onlineService: { label: 'Connexion et sécurité', path: '/mon-compte/securite' } },
      { label: 'Signaler un problème sur le site' },
    ],
  },
  {
    label: 'Message de votre conseiller',
    subjects: [
      { label: 'Information de votre conseiller' },
      { label: 'Suivi de votre demande' },
    ],
  },
]

/** Ids of a category and one of its subjects; throws on a typo so the demo never points nowhere. */
export function messageSubject(categoryLabel: string, subjectLabel: string): { categoryId: string, subjectId: string } {
  const category = MESSAGE_CATEGORIES.find(c => c.label === categoryLabel)
  if (!category?.subjects.some(subject => subject.label === subjectLabel))
    throw new Error(`Unknown message subject: ${categoryLabel} / ${subjectLabel}`)
  return { categoryId: demoId('message-category', categoryLabel), subjectId: demoId('message-subject', categoryLabel, subjectLabel) }
}

export const HELP_CATEGORIES = [
  { slug: 'remboursements', label: 'Remboursements' },
  { slug: 'carte-mutuelle-et-attestations', label: 'Carte mutuelle et attestations' },
  { slug: 'securite-sociale-teletransmission', label: 'Sécurité sociale/Télétransmission' },
  { slug: 'mon-compte-et-contrats', label: 'Mon compte et contrat(s)' },
  { slug: 'analyse-de-devis', label: 'Analyse de devis' },
  { slug: 'cotisations', label: 'Cotisations' },
  { slug: 'beneficiaires', label: 'Bénéficiaires' },
  { slug: 'donnees-personnelles', label: 'Données personnelles et sécurité' },
] as const

type HelpSlug = typeof HELP_CATEGORIES[number]['slug']

const helpCategoryId = (slug: HelpSlug) => demoId('help-category', slug)

const GUIDES: { slug: HelpSlug, title: string, summary: string, body: string }[] = [
  {
    slug: 'mon-compte-et-contrats',
    title: 'Premières utilisations de votre mutuelle',
    summary: 'Votre carte, votre espace adhérent et la télétransmission : les trois réflexes à prendre dès votre adhésion.',
    body: [
      'Bienvenue ! Dès que votre adhésion est enregistrée, votre carte de tiers payant est disponible dans votre espace, rubrique « Ma mutuelle ». Présentez-la avec votre carte Vitale chez le pharmacien, l\'opticien, au laboratoire ou à l\'hôpital : vous n\'avancez ni la part de la Sécurité sociale ni celle de votre mutuelle.',
      'Vérifiez ensuite vos bénéficiaires. Votre conjoint et vos enfants apparaissent dans « Mes bénéficiaires » avec leur date de début de couverture. Il manque quelqu\'un ? Le service en ligne « Ajout de bénéficiaires » vous guide : une naissance ou un mariage déclaré dans les six mois est pris en compte dès la date de l\'événement.',
      'Enregistrez enfin le RIB sur lequel vous souhaitez être remboursé, et activez la télétransmission : c\'est elle qui permet à votre caisse d\'assurance maladie de nous envoyer vos décomptes automatiquement. Vous n\'avez alors plus rien à envoyer pour la plupart de vos soins.',
      'Une question ? La messagerie de votre espace vous met en relation avec un conseiller, qui vous répond en général sous 48 heures ouvrées.',
    ].join('\n\n'),
  },
  {
    slug: 'remboursements',
    title: 'Fonctionnement des remboursements',
    summary: 'Qui paie quoi entre la Sécurité sociale et votre mutuelle, et pourquoi il reste parfois une petite somme à votre charge.',
    body: [
      'Chaque soin a une base de remboursement fixée par l\'Assurance Maladie (la BRSS). La Sécurité sociale en rembourse un pourcentage : 70 % pour une consultation de médecin, 60 % pour les actes des auxiliaires médicaux, 65 % pour la plupart des médicaments, 80 % pour une hospitalisation.',
      'Votre mutuelle intervient ensuite selon votre tableau de garanties. Une garantie « 150 % BRSS, Sécurité sociale incluse » signifie que la Sécurité sociale et votre mutuelle versent ensemble jusqu\'à 150 % de la base. Certains postes, comme l\'optique ou les médecines douces, prévoient aussi un forfait annuel en euros par bénéficiaire.',
      'La participation forfaitaire de 2 € par consultation ou analyse et la franchise de 1 € par boîte de médicaments ou par acte paramédical sont retenues par la Sécurité sociale, dans la limite de 50 € par an chacune. La loi interdit aux contrats responsables de les rembourser : elles restent donc à votre charge. Elles ne s\'appliquent pas aux enfants de moins de 18 ans.',
      'Avec le 100 % Santé, les lunettes de classe A, les prothèses dentaires du panier 100 % Santé et les aides auditives de classe I sont intégralement remboursées. Dans « Mes remboursements », ouvrez un remboursement puis « Pourquoi ce montant ? » pour voir le calcul ligne à ligne.',
    ].join('\n\n'),
  },
  {
    slug: 'cotisations',
    title: 'Comprendre mes cotisations',
    summary: 'Montant, participation de votre employeur, prélèvement SEPA et échéancier : tout ce qui compose votre cotisation.',
    body: [
      'Votre cotisation dépend de votre option et du nombre de bénéficiaires couverts. Elle est prélevée chaque mois sur le compte que vous avez choisi pour les cotisations, grâce à un mandat de prélèvement SEPA identifié par une référence unique (RUM).',
      'Si votre contrat est collectif, votre employeur prend en charge une partie de la cotisation : cette participation apparaît sur votre échéancier à côté de la part qui reste à votre charge.',
      'L\'échéancier de l\'année est disponible dans « Mes cotisations » et dans vos documents. Un prélèvement rejeté est représenté avec celui du mois suivant (avec les frais de rejet si votre contrat en prévoit) ; contactez-nous via la messagerie si vous souhaitez régulariser plus tôt.',
      'Vous changez de banque ? Saisissez votre nouveau RIB dans « Mes informations bancaires » : un nouveau mandat est créé et les prochains prélèvements se feront sur ce compte.',
    ].join('\n\n'),
  },
  {
    slug: 'securite-sociale-teletransmission',
    title: 'Fonctionnement de la télétransmission',
    summary: 'Comment votre caisse d\'assurance maladie nous transmet vos décomptes, et que faire quand la liaison est bloquée.',
    body: [
      'La télétransmission, aussi appelée liaison NOEMIE, relie votre caisse d\'assurance maladie à votre mutuelle. Quand vous présentez votre carte Vitale, la caisse vous rembourse sous quelques jours puis nous envoie le décompte : nous versons alors notre part automatiquement, sans démarche de votre part.',
      'Chaque bénéficiaire a sa propre liaison. Son état est affiché dans « Mes bénéficiaires » : active, en cours d\'activation, inactive ou encore détenue par votre ancienne mutuelle.',
      'Le blocage le plus fréquent survient après un changement de mutuelle : l\'ancienne complémentaire n\'a pas encore rendu la liaison. Envoyez à votre caisse votre attestation de droits, téléchargeable dans vos documents, ou demandez-nous de faire la démarche.',
      'En attendant, rien n\'est perdu : faites une demande de remboursement en ligne en joignant le décompte de la Sécurité sociale, que vous trouvez sur le site de l\'Assurance Maladie.',
    ].join('\n\n'),
  },
]

interface FaqLink { label: string, path: string }

const FAQ: { slug: HelpSlug, question: string, answer: string, link?: FaqLink }[] = [
  { slug: 'remboursements', question: 'Dans quel délai suis-je remboursé ?', answer: 'Avec la télétransmission, votre part mutuelle est versée en général dans les 4 jours qui suivent le remboursement de la Sécurité sociale. Une demande envoyée depuis votre espace est traitée sous 10 jours environ.', link: { label: 'Mes remboursements', path: '/remboursements' } },
  { slug: 'remboursements', question: 'Pourquoi reste-t-il 2 € à ma charge après une consultation ?', answer: 'C\'est la participation forfaitaire retenue par la Sécurité sociale. Les contrats responsables n\'ont pas le droit de la rembourser. Elle ne s\'applique pas aux moins de 18 ans et est plafonnée à 50 € par an.' },
  { slug: 'remboursements', question: 'Comment faire une demande de remboursement ?', answer: 'Dans « Prestations », choisissez « Demander un remboursement », sélectionnez le bénéficiaire et le type de soin, indiquez si le soin a eu lieu en France ou à l\'étranger, joignez la facture et, si vous l\'avez, le décompte de la Sécurité sociale.', link: { label: 'Demander un remboursement', path: '/remboursements/demande' } },
  { slug: 'remboursements', question: 'Puis-je être remboursé de soins reçus à l\'étranger ?', answer: 'Oui. Indiquez le pays et la devise dans votre demande : le montant est converti en euros au cours du jour du soin. Les soins de plus de deux ans ne peuvent plus être remboursés.' },
  { slug: 'carte-mutuelle-et-attestations', question: 'Télécharger ma carte de tiers-payant', answer: 'Votre carte est sur la page d\'accueil de votre espace (« Voir ma carte ») et dans « Ma mutuelle ». Vous pouvez la télécharger en PDF ou la présenter directement depuis votre téléphone.', link: { label: 'Voir ma carte', path: '/ma-mutuelle/carte' } },
  { slug: 'carte-mutuelle-et-attestations', question: 'Comment obtenir une attestation de droits ?', answer: 'L\'attestation de droits de l\'année en cours est disponible à tout moment dans « Mes documents ». Elle est générée au moment du téléchargement et reste donc toujours à jour.', link: { label: 'Mes documents', path: '/ma-mutuelle/documents' } },
  { slug: 'carte-mutuelle-et-attestations', question: 'Ma carte est-elle valable pour toute la famille ?', answer: 'Oui : tous les bénéficiaires couverts figurent au dos de la carte, avec les domaines de soins pour lesquels le tiers payant est accepté (pharmacie, optique, hospitalisation…).' },
  { slug: 'securite-sociale-teletransmission', question: 'Comment savoir si la télétransmission est active ?', answer: 'L\'état de la liaison NOEMIE de chaque bénéficiaire est affiché dans « Mes bénéficiaires ». Si elle n\'est pas active, vos décomptes ne nous parviennent pas automatiquement.', link: { label: 'Mes bénéficiaires', path: '/ma-mutuelle/beneficiaires' } },
  { slug: 'securite-sociale-teletransmission', question: 'Mon ancienne mutuelle reçoit encore mes décomptes, que faire ?', answer: 'Envoyez votre attestation de droits à votre caisse d\'assurance maladie en demandant la mise à jour de votre organisme complémentaire, ou écrivez-nous : nous pouvons faire la démarche pour vous.' },
  { slug: 'mon-compte-et-contrats', question: 'Où trouver mon tableau de garanties ?', answer: 'Dans « Ma mutuelle », ouvrez votre contrat : le tableau de garanties et le guide des garanties sont téléchargeables, comme la notice d\'information.', link: { label: 'Mes garanties', path: '/ma-mutuelle/garanties' } },
  { slug: 'mon-compte-et-contrats', question: 'J\'ai plusieurs contrats, comment les consulter ?', answer: 'Votre contrat principal s\'affiche en premier. Le lien « Voir mes autres contrats » donne accès aux autres, chacun avec sa carte et ses garanties.', link: { label: 'Mes contrats', path: '/ma-mutuelle/contrats' } },
  { slug: 'mon-compte-et-contrats', question: 'Comment modifier mon adresse ou mon téléphone ?', answer: 'Dans « Mon compte », rubrique « Mes coordonnées ». Votre adresse postale et votre téléphone sont mis à jour immédiatement ; une nouvelle adresse e-mail l\'est quand vous cliquez sur le lien que nous y envoyons.', link: { label: 'Mes coordonnées', path: '/mon-compte' } },
  { slug: 'analyse-de-devis', question: 'Comment connaître mon remboursement avant des soins coûteux ?', answer: 'Envoyez le devis de votre professionnel depuis « Envoyer un devis ». Vous obtenez une estimation immédiate de la part de la Sécurité sociale, de votre mutuelle et de ce qui resterait à votre charge, puis un conseiller vérifie le devis.' },
  { slug: 'analyse-de-devis', question: 'L\'estimation de mon devis est-elle garantie ?', answer: 'Non : elle est calculée avec les montants du devis et vos garanties du jour. Le remboursement final dépend des actes réellement facturés et de ce qui reste de vos forfaits à la date des soins.' },
  { slug: 'cotisations', question: 'À quelle date ma cotisation est-elle prélevée ?', answer: 'Le 5 de chaque mois, sur le compte choisi pour les cotisations. Votre échéancier indique le montant de chaque prélèvement et la participation de votre employeur.', link: { label: 'Mes cotisations', path: '/ma-mutuelle/cotisations' } },
  { slug: 'cotisations', question: 'Mon prélèvement a été rejeté, que se passe-t-il ?', answer: 'Le montant est représenté avec le prélèvement du mois suivant, avec les frais de rejet si votre contrat en prévoit : la ligne de ce mois le dit dans « Mes cotisations ». S\'il ne peut pas être représenté, il reste à régler : vérifiez votre RIB dans « Mes informations bancaires » et écrivez-nous pour convenir du règlement.', link: { label: 'Nous écrire', path: '/messagerie/nouveau?objet=rejet-de-prelevement' } },
  { slug: 'beneficiaires', question: 'Ajouter un bénéficiaire', answer: 'Utilisez le service en ligne « Ajout de bénéficiaires » dans « Ma mutuelle ». Pour une naissance ou un mariage déclaré dans les six mois, la couverture démarre à la date de l\'événement ; joignez l\'acte de naissance ou de mariage.', link: { label: 'Mes bénéficiaires', path: '/ma-mutuelle/beneficiaires' } },
  { slug: 'beneficiaires', question: 'Jusqu\'à quel âge mes enfants sont-ils couverts ?', answer: 'Vos enfants sont couverts jusqu\'à leurs 21 ans, et jusqu\'à 28 ans s\'ils poursuivent des études ou sont en apprentissage.' },
  { slug: 'beneficiaires', question: 'Mon enfant peut-il être remboursé sur son propre compte ?', answer: 'Oui : dans « Mes informations bancaires », vous pouvez indiquer pour chaque bénéficiaire le compte sur lequel ses remboursements sont versés.' },
  { slug: 'donnees-personnelles', question: 'Comment obtenir une copie de mes données ?', answer: 'Écrivez à votre conseiller depuis la messagerie, catégorie « Données et site internet », objet « Traitement des données personnelles ». La copie de vos données vous est adressée sous 30 jours au plus.', link: { label: 'Écrire à ma mutuelle', path: '/messagerie/nouveau?objet=traitement-des-donnees-personnelles' } },
  { slug: 'donnees-personnelles', question: 'Qui peut consulter mes données de santé ?', answer: 'Seuls les conseillers qui traitent vos demandes, et les professionnels de santé qui vérifient vos droits au tiers payant avec votre carte. Chaque consultation est enregistrée et visible dans « Mon compte », rubrique « Mes données personnelles ».', link: { label: 'Mes données personnelles', path: '/mon-compte/donnees' } },
]

const NEWS: { key: string, kind: 'NEWS' | 'OFFER', daysAgo: number, title: string, summary: string, body: string, imageAlt: string }[] = [
  {
    key: 'voyage',
    imageAlt: 'Une valise et un avion au-dessus d\'un globe',
    kind: 'OFFER',
    daysAgo: 6,
    title: 'Voyage : partez couvert où que vous alliez',
    summary: 'Assistance rapatriement et frais médicaux à l\'étranger pour toute la famille, à ajouter à votre contrat en quelques clics.',
    body: [
      'Hors de l\'Union européenne, la Sécurité sociale rembourse vos soins sur la base des tarifs français : une hospitalisation au Canada ou aux États-Unis peut laisser plusieurs milliers d\'euros à votre charge.',
      'L\'offre Voyage couvre les frais médicaux d\'urgence jusqu\'à 150 000 € par personne, l\'assistance et le rapatriement, pour des séjours de 90 jours au plus. Elle s\'ajoute à votre contrat pour le séjour de votre choix, depuis « Offre & devis ».',
    ].join('\n\n'),
  },
  {
    key: 'cent-pour-cent-sante',
    imageAlt: 'Une paire de lunettes, une dent et une aide auditive',
    kind: 'NEWS',
    daysAgo: 21,
    title: '100 % Santé : des lunettes, des prothèses dentaires et des aides auditives sans reste à charge',
    summary: 'Demandez à votre professionnel le devis 100 % Santé : il doit obligatoirement vous le proposer.',
    body: [
      'Les équipements du panier 100 % Santé (lunettes de classe A, couronnes et bridges du panier, aides auditives de classe I) sont entièrement pris en charge par la Sécurité sociale et votre mutuelle.',
      'Votre opticien, votre chirurgien-dentiste et votre audioprothésiste doivent vous remettre un devis comprenant au moins une offre 100 % Santé. Envoyez-le depuis votre espace pour en connaître le remboursement.',
    ].join('\n\n'),
  },
  {
    key: 'franchises',
    imageAlt: 'Une boîte de médicaments et une pièce de monnaie',
    kind: 'NEWS',
    daysAgo: 48,
    title: 'Franchises et participations forfaitaires : ce qu\'il faut savoir',
    summary: '2 € par consultation, 1 € par boîte de médicaments ou acte paramédical : des montants qui restent à votre charge, dans la limite de 50 € par an.',
    body: [
      'Depuis 2024, la participation forfaitaire est de 2 € par consultation, acte de radiologie ou analyse de biologie, et la franchise médicale de 1 € par boîte de médicaments ou acte paramédical. Chacune est plafonnée à 50 € par an et par personne.',
      'Ces montants sont retenus par l\'Assurance Maladie et la réglementation des contrats responsables interdit à votre mutuelle de les rembourser. Les enfants de moins de 18 ans en sont exonérés.',
    ].join('\n\n'),
  },
]

export function buildReferenceData(rows: DemoRows, today: string): void {
  MESSAGE_CATEGORIES.forEach((category, categoryIndex) => {
    const categoryId = demoId('message-category', category.label)
    rows.messageCategories.push({ id: categoryId, label: category.label, sortOrder: categoryIndex + 1 })
    category.subjects.forEach((subject, subjectIndex) => {
      rows.messageSubjects.push({
        id: messageSubject(category.label, subject.label).subjectId,
        categoryId,
        label: subject.label,
        onlineServiceLabel: subject.onlineService?.label ?? null,
        onlineServicePath: subject.onlineService?.path ?? null,
        sortOrder: subjectIndex + 1,
      })
    })
  })

  HELP_CATEGORIES.forEach((category, index) => {
    rows.helpCategories.push({ id: helpCategoryId(category.slug), slug: category.slug, label: category.label, sortOrder: index + 1 })
  })
  GUIDES.forEach((guide, index) => {
    rows.guides.push({ id: demoId('guide', guide.title), categoryId: helpCategoryId(guide.slug), title: guide.title, summary: guide.summary, body: guide.body, sortOrder: index + 1 })
  })
  FAQ.forEach((entry, index) => {
    rows.faqEntries.push({ id: demoId('faq', entry.question), categoryId: helpCategoryId(entry.slug), question: entry.question, answer: entry.answer, linkLabel: entry.link?.label ?? null, linkPath: entry.link?.path ?? null, sortOrder: index + 1 })
  })

  for (const item of NEWS) {
    rows.newsItems.push({ id: demoId('news', item.key), kind: item.kind, title: item.title, summary: item.summary, body: item.body, imagePath: `/actualites/${item.key}.svg`, imageAlt: item.imageAlt, publishedAt: instant(daysBefore(today, item.daysAgo), '08:00') })
  }
}
