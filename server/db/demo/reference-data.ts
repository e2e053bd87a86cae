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
    summary: 'Votre carte, votre espace adhérent et la télétransmission\u00a0: les trois réflexes à prendre dès votre adhésion.',
    body: [
      'Bienvenue\u00a0! Dès que votre adhésion est enregistrée, votre carte de tiers payant est disponible dans votre espace, rubrique «\u00a0Ma mutuelle\u00a0». Présentez-la avec votre carte Vitale chez le pharmacien, l\'opticien, au laboratoire ou à l\'hôpital\u00a0: vous n\'avancez ni la part de la Sécurité sociale ni celle de votre mutuelle.',
      'Vérifiez ensuite vos bénéficiaires. Votre conjoint et vos enfants apparaissent dans «\u00a0Mes bénéficiaires\u00a0» avec leur date de début de couverture. Il manque quelqu\'un\u00a0? Le service en ligne «\u00a0Ajout de bénéficiaires\u00a0» vous guide\u00a0: une naissance ou un mariage déclaré dans les six mois est pris en compte dès la date de l\'événement.',
      'Enregistrez enfin le RIB sur lequel vous souhaitez être remboursé, et activez la télétransmission\u00a0: c\'est elle qui permet à votre caisse d\'assurance maladie de nous envoyer vos décomptes automatiquement. Vous n\'avez alors plus rien à envoyer pour la plupart de vos soins.',
      'Une question\u00a0? La messagerie de votre espace vous met en relation avec un conseiller, qui vous répond en général sous 48 heures ouvrées.',
    ].join('\n\n'),
  },
  {
    slug: 'remboursements',
    title: 'Fonctionnement des remboursements',
    summary: 'Qui paie quoi entre la Sécurité sociale et votre mutuelle, et pourquoi il reste parfois une petite somme à votre charge.',
    body: [
      'Chaque soin a une base de remboursement fixée par l\'Assurance Maladie (la BRSS). La Sécurité sociale en rembourse un pourcentage\u00a0: 70 % pour une consultation de médecin, 60 % pour les actes des auxiliaires médicaux, 65 % pour la plupart des médicaments, 80 % pour une hospitalisation.',
      'Votre mutuelle intervient ensuite selon votre tableau de garanties. Une garantie «\u00a0150 % BRSS, Sécurité sociale incluse\u00a0» signifie que la Sécurité sociale et votre mutuelle versent ensemble jusqu\'à 150 % de la base. Certains postes, comme l\'optique ou les médecines douces, prévoient aussi un forfait annuel en euros par bénéficiaire.',
      'La participation forfaitaire de 2 € par consultation ou analyse et la franchise de 1 € par boîte de médicaments ou par acte paramédical sont retenues par la Sécurité sociale, dans la limite de 50 € par an chacune. La loi interdit aux contrats responsables de les rembourser\u00a0: elles restent donc à votre charge. Elles ne s\'appliquent pas aux enfants de moins de 18 ans.',
      'Avec le 100 % Santé, les lunettes de classe A, les prothèses dentaires du panier 100 % Santé et les aides auditives de classe I sont intégralement remboursées. Dans «\u00a0Mes remboursements\u00a0», ouvrez un remboursement puis «\u00a0Pourquoi ce montant\u00a0?\u00a0» pour voir le calcul ligne à ligne.',
    ].join('\n\n'),
  },
  {
    slug: 'cotisations',
    title: 'Comprendre mes cotisations',
    summary: 'Montant, participation de votre employeur, prélèvement SEPA et échéancier\u00a0: tout ce qui compose votre cotisation.',
    body: [
      'Votre cotisation dépend de votre option et du nombre de bénéficiaires couverts. Elle est prélevée chaque mois sur le compte que vous avez choisi pour les cotisations, grâce à un mandat de prélèvement SEPA identifié par une référence unique (RUM).',
      'Si votre contrat est collectif, votre employeur prend en charge une partie de la cotisation\u00a0: cette participation apparaît sur votre échéancier à côté de la part qui reste à votre charge.',
      'L\'échéancier de l\'année est disponible dans «\u00a0Mes cotisations\u00a0» et dans vos documents. Un prélèvement rejeté est représenté avec celui du mois suivant (avec les frais de rejet si votre contrat en prévoit)\u00a0; contactez-nous via la messagerie si vous souhaitez régulariser plus tôt.',
      'Vous changez de banque\u00a0? Saisissez votre nouveau RIB dans «\u00a0Mes informations bancaires\u00a0»\u00a0: un nouveau mandat est créé et les prochains prélèvements se feront sur ce compte.',
    ].join('\n\n'),
  },
  {
    slug: 'securite-sociale-teletransmission',
    title: 'Fonctionnement de la télétransmission',
    summary: 'Comment votre caisse d\'assurance maladie nous transmet vos décomptes, et que faire quand la liaison est bloquée.',
    body: [
      'La télétransmission, aussi appelée liaison NOEMIE, relie votre caisse d\'assurance maladie à votre mutuelle. Quand vous présentez votre carte Vitale, la caisse vous rembourse sous quelques jours puis nous envoie le décompte\u00a0: nous versons alors notre part automatiquement, sans démarche de votre part.',
      'Chaque bénéficiaire a sa propre liaison. Son état est affiché dans «\u00a0Mes bénéficiaires\u00a0»\u00a0: active, en cours d\'activation, inactive ou encore détenue par votre ancienne mutuelle.',
      'Le blocage le plus fréquent survient après un changement de mutuelle\u00a0: l\'ancienne complémentaire n\'a pas encore rendu la liaison. Envoyez à votre caisse votre attestation de droits, téléchargeable dans vos documents, ou demandez-nous de faire la démarche.',
      'En attendant, rien n\'est perdu\u00a0: faites une demande de remboursement en ligne en joignant le décompte de la Sécurité sociale, que vous trouvez sur le site de l\'Assurance Maladie.',
    ].join('\n\n'),
  },
]

interface FaqLink { label: string, path: string }

const FAQ: { slug: HelpSlug, question: string, answer: string, link?: FaqLink }[] = [
  { slug: 'remboursements', question: 'Dans quel délai suis-je remboursé\u00a0?', answer: 'Avec la télétransmission, votre part mutuelle est versée en général dans les 4 jours qui suivent le remboursement de la Sécurité sociale. Une demande envoyée depuis votre espace est traitée sous 10 jours environ.', link: { label: 'Mes remboursements', path: '/remboursements' } },
  { slug: 'remboursements', question: 'Pourquoi reste-t-il 2 € à ma charge après une consultation\u00a0?', answer: 'C\'est la participation forfaitaire retenue par la Sécurité sociale. Les contrats responsables n\'ont pas le droit de la rembourser. Elle ne s\'applique pas aux moins de 18 ans et est plafonnée à 50 € par an.' },
  { slug: 'remboursements', question: 'Comment faire une demande de remboursement\u00a0?', answer: 'Dans «\u00a0Prestations\u00a0», choisissez «\u00a0Demander un remboursement\u00a0», sélectionnez le bénéficiaire et le type de soin, indiquez si le soin a eu lieu en France ou à l\'étranger, joignez la facture et, si vous l\'avez, le décompte de la Sécurité sociale.', link: { label: 'Demander un remboursement', path: '/remboursements/demande' } },
  { slug: 'remboursements', question: 'Puis-je être remboursé de soins reçus à l\'étranger\u00a0?', answer: 'Oui. Indiquez le pays et la devise dans votre demande\u00a0: le montant est converti en euros au cours du jour du soin. Les soins de plus de deux ans ne peuvent plus être remboursés.' },
  { slug: 'carte-mutuelle-et-attestations', question: 'Télécharger ma carte de tiers-payant', answer: 'Votre carte est sur la page d\'accueil de votre espace («\u00a0Voir ma carte\u00a0») et dans «\u00a0Ma mutuelle\u00a0». Vous pouvez la télécharger en PDF ou la présenter directement depuis votre téléphone.', link: { label: 'Voir ma carte', path: '/ma-mutuelle/carte' } },
  { slug: 'carte-mutuelle-et-attestations', question: 'Comment obtenir une attestation de droits\u00a0?', answer: 'L\'attestation de droits de l\'année en cours est disponible à tout moment dans «\u00a0Mes documents\u00a0». Elle est générée au moment du téléchargement et reste donc toujours à jour.', link: { label: 'Mes documents', path: '/ma-mutuelle/documents' } },
  { slug: 'carte-mutuelle-et-attestations', question: 'Ma carte est-elle valable pour toute la famille\u00a0?', answer: 'Oui\u00a0: tous les bénéficiaires couverts figurent au dos de la carte, avec les domaines de soins pour lesquels le tiers payant est accepté (pharmacie, optique, hospitalisation…).' },
  { slug: 'securite-sociale-teletransmission', question: 'Comment savoir si la télétransmission est active\u00a0?', answer: 'L\'état de la liaison NOEMIE de chaque bénéficiaire est affiché dans «\u00a0Mes bénéficiaires\u00a0». Si elle n\'est pas active, vos décomptes ne nous parviennent pas automatiquement.', link: { label: 'Mes bénéficiaires', path: '/ma-mutuelle/beneficiaires' } },
  { slug: 'securite-sociale-teletransmission', question: 'Mon ancienne mutuelle reçoit encore mes décomptes, que faire\u00a0?', answer: 'Envoyez votre attestation de droits à votre caisse d\'assurance maladie en demandant la mise à jour de votre organisme complémentaire, ou écrivez-nous\u00a0: nous pouvons faire la démarche pour vous.' },
  { slug: 'mon-compte-et-contrats', question: 'Où trouver mon tableau de garanties\u00a0?', answer: 'Dans «\u00a0Ma mutuelle\u00a0», ouvrez votre contrat\u00a0: le tableau de garanties et le guide des garanties sont téléchargeables, comme la notice d\'information.', link: { label: 'Mes garanties', path: '/ma-mutuelle/garanties' } },
  { slug: 'mon-compte-et-contrats', question: 'J\'ai plusieurs contrats, comment les consulter\u00a0?', answer: 'Votre contrat principal s\'affiche en premier. Le lien «\u00a0Voir mes autres contrats\u00a0» donne accès aux autres, chacun avec sa carte et ses garanties.', link: { label: 'Mes contrats', path: '/ma-mutuelle/contrats' } },
  { slug: 'mon-compte-et-contrats', question: 'Comment modifier mon adresse ou mon téléphone\u00a0?', answer: 'Dans «\u00a0Mon compte\u00a0», rubrique «\u00a0Mes coordonnées\u00a0». Votre adresse postale et votre téléphone sont mis à jour immédiatement\u00a0; une nouvelle adresse e-mail l\'est quand vous cliquez sur le lien que nous y envoyons.', link: { label: 'Mes coordonnées', path: '/mon-compte' } },
  { slug: 'analyse-de-devis', question: 'Comment connaître mon remboursement avant des soins coûteux\u00a0?', answer: 'Envoyez le devis de votre professionnel depuis «\u00a0Envoyer un devis\u00a0». Vous obtenez une estimation immédiate de la part de la Sécurité sociale, de votre mutuelle et de ce qui resterait à votre charge, puis un conseiller vérifie le devis.' },
  { slug: 'analyse-de-devis', question: 'L\'estimation de mon devis est-elle garantie\u00a0?', answer: 'Non\u00a0: elle est calculée avec les montants du devis et vos garanties du jour. Le remboursement final dépend des actes réellement facturés et de ce qui reste de vos forfaits à la date des soins.' },
  { slug: 'cotisations', question: 'À quelle date ma cotisation est-elle prélevée\u00a0?', answer: 'Le 5 de chaque mois, sur le compte choisi pour les cotisations. Votre échéancier indique le montant de chaque prélèvement et la participation de votre employeur.', link: { label: 'Mes cotisations', path: '/ma-mutuelle/cotisations' } },
  { slug: 'cotisations', question: 'Mon prélèvement a été rejeté, que se passe-t-il\u00a0?', answer: 'Le montant est représenté avec le prélèvement du mois suivant, avec les frais de rejet si votre contrat en prévoit\u00a0: la ligne de ce mois le dit dans «\u00a0Mes cotisations\u00a0». S\'il ne peut pas être représenté, il reste à régler\u00a0: vérifiez votre RIB dans «\u00a0Mes informations bancaires\u00a0» et écrivez-nous pour convenir du règlement.', link: { label: 'Nous écrire', path: '/messagerie/nouveau?objet=rejet-de-prelevement' } },
  { slug: 'beneficiaires', question: 'Ajouter un bénéficiaire', answer: 'Utilisez le service en ligne «\u00a0Ajout de bénéficiaires\u00a0» dans «\u00a0Ma mutuelle\u00a0». Pour une naissance ou un mariage déclaré dans les six mois, la couverture démarre à la date de l\'événement\u00a0; joignez l\'acte de naissance ou de mariage.', link: { label: 'Mes bénéficiaires', path: '/ma-mutuelle/beneficiaires' } },
  { slug: 'beneficiaires', question: 'Jusqu\'à quel âge mes enfants sont-ils couverts\u00a0?', answer: 'Vos enfants sont couverts jusqu\'à leurs 21 ans, et jusqu\'à 28 ans s\'ils poursuivent des études ou sont en apprentissage.' },
  { slug: 'beneficiaires', question: 'Mon enfant peut-il être remboursé sur son propre compte\u00a0?', answer: 'Oui\u00a0: dans «\u00a0Mes informations bancaires\u00a0», vous pouvez indiquer pour chaque bénéficiaire le compte sur lequel ses remboursements sont versés.' },
  { slug: 'donnees-personnelles', question: 'Comment obtenir une copie de mes données\u00a0?', answer: 'Écrivez à votre conseiller depuis la messagerie, catégorie «\u00a0Données et site internet\u00a0», objet «\u00a0Traitement des données personnelles\u00a0». La copie de vos données vous est adressée sous 30 jours au plus.', link: { label: 'Écrire à ma mutuelle', path: '/messagerie/nouveau?objet=traitement-des-donnees-personnelles' } },
  { slug: 'donnees-personnelles', question: 'Qui peut consulter mes données de santé\u00a0?', answer: 'Seuls les conseillers qui traitent vos demandes, et les professionnels de santé qui vérifient vos droits au tiers payant avec votre carte. Chaque consultation est enregistrée et visible dans «\u00a0Mon compte\u00a0», rubrique «\u00a0Mes données personnelles\u00a0».', link: { label: 'Mes données personnelles', path: '/mon-compte/donnees' } },
]

const NEWS: { key: string, kind: 'NEWS' | 'OFFER', daysAgo: number, title: string, summary: string, body: string, imageAlt: string }[] = [
  {
    key: 'voyage',
    imageAlt: 'Une valise et un avion au-dessus d\'un globe',
    kind: 'OFFER',
    daysAgo: 6,
    title: 'Voyage\u00a0: partez couvert où que vous alliez',
    summary: 'Assistance rapatriement et frais médicaux à l\'étranger pour toute la famille, à ajouter à votre contrat en quelques clics.',
    body: [
      'Hors de l\'Union européenne, la Sécurité sociale rembourse vos soins sur la base des tarifs français\u00a0: une hospitalisation au Canada ou aux États-Unis peut laisser plusieurs milliers d\'euros à votre charge.',
      'L\'offre Voyage couvre les frais médicaux d\'urgence jusqu\'à 150 000 € par personne, l\'assistance et le rapatriement, pour des séjours de 90 jours au plus. Elle s\'ajoute à votre contrat pour le séjour de votre choix, depuis «\u00a0Offre & devis\u00a0».',
    ].join('\n\n'),
  },
  {
    key: 'cent-pour-cent-sante',
    imageAlt: 'Une paire de lunettes, une dent et une aide auditive',
    kind: 'NEWS',
    daysAgo: 21,
    title: '100 % Santé\u00a0: des lunettes, des prothèses dentaires et des aides auditives sans reste à charge',
    summary: 'Demandez à votre professionnel le devis 100 % Santé\u00a0: il doit obligatoirement vous le proposer.',
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
    title: 'Franchises et participations forfaitaires\u00a0: ce qu\'il faut savoir',
    summary: '2 € par consultation, 1 € par boîte de médicaments ou acte paramédical\u00a0: des montants qui restent à votre charge, dans la limite de 50 € par an.',
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
