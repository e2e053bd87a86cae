import type { RouteRecordRaw } from 'vue-router'

// every page is lazy: the sign-in page loads without the member pages
export const routes: RouteRecordRaw[] = [
  { path: '/connexion', name: 'sign-in', component: () => import('../pages/SignInPage.vue'), meta: { title: 'Connexion', access: 'guest' } },
  { path: '/mot-de-passe-oublie', name: 'forgot-password', component: () => import('../pages/ForgotPasswordPage.vue'), meta: { title: 'Mot de passe oublié', access: 'guest' } },
  // links from e-mails: they work whether or not this browser is signed in
  { path: '/nouveau-mot-de-passe', name: 'reset-password', component: () => import('../pages/ResetPasswordPage.vue'), meta: { title: 'Nouveau mot de passe', access: 'public' } },
  { path: '/confirmer-adresse-email', name: 'confirm-email', component: () => import('../pages/ConfirmEmailPage.vue'), meta: { title: 'Confirmation de l\'adresse e-mail', access: 'public' } },
  { path: '/', name: 'home', component: () => import('../pages/HomePage.vue'), meta: { title: 'Accueil' } },

  { path: '/ma-mutuelle/contrats/:id?', name: 'contracts', component: () => import('../pages/ContractPage.vue'), meta: { title: 'Mes contrats' } },
  { path: '/ma-mutuelle/garanties', name: 'guarantees', component: () => import('../pages/GuaranteesPage.vue'), meta: { title: 'Mes garanties' } },
  { path: '/ma-mutuelle/beneficiaires', name: 'beneficiaries', component: () => import('../pages/BeneficiariesPage.vue'), meta: { title: 'Mes bénéficiaires' } },
  { path: '/ma-mutuelle/beneficiaires/ajout', name: 'beneficiary-addition', component: () => import('../pages/BeneficiaryAdditionPage.vue'), meta: { title: 'Ajouter un bénéficiaire' } },
  { path: '/ma-mutuelle/beneficiaires/:id/retrait', name: 'beneficiary-removal', component: () => import('../pages/BeneficiaryRemovalPage.vue'), meta: { title: 'Retirer un bénéficiaire' } },
  { path: '/ma-mutuelle/carte', name: 'insurance-card', component: () => import('../pages/InsuranceCardPage.vue'), meta: { title: 'Ma carte de tiers payant' } },
  { path: '/ma-mutuelle/documents', name: 'documents', component: () => import('../pages/DocumentsPage.vue'), meta: { title: 'Mes documents' } },
  // the seed reaches bank details from Ma mutuelle too: one page, under Mon compte
  { path: '/ma-mutuelle/informations-bancaires', redirect: '/mon-compte/informations-bancaires' },
  { path: '/ma-mutuelle/cotisations', name: 'contributions', component: () => import('../pages/ContributionsPage.vue'), meta: { title: 'Mes cotisations' } },

  { path: '/remboursements', name: 'reimbursements', component: () => import('../pages/ReimbursementsPage.vue'), meta: { title: 'Mes remboursements' } },
  { path: '/remboursements/demande', name: 'reimbursement-request', component: () => import('../pages/ReimbursementRequestPage.vue'), meta: { title: 'Demander un remboursement' } },
  { path: '/remboursements/:id', name: 'reimbursement', component: () => import('../pages/ReimbursementDetailPage.vue'), meta: { title: 'Détail du remboursement' } },
  { path: '/demarches', name: 'procedures', component: () => import('../pages/ProceduresPage.vue'), meta: { title: 'Mes démarches' } },
  { path: '/devis', name: 'quote', component: () => import('../pages/QuotePage.vue'), meta: { title: 'Analyse de devis' } },
  { path: '/offre-et-devis', name: 'offers', component: () => import('../pages/OffersPage.vue'), meta: { title: 'Offre & devis' } },
  { path: '/messagerie', name: 'messages', component: () => import('../pages/MessagesPage.vue'), meta: { title: 'Messagerie' } },
  { path: '/messagerie/nouveau', name: 'message-new', component: () => import('../pages/MessageNewPage.vue'), meta: { title: 'Envoyer un message' } },
  { path: '/messagerie/:id', name: 'message-thread', component: () => import('../pages/MessageThreadPage.vue'), meta: { title: 'Message' } },
  { path: '/aide', name: 'help', component: () => import('../pages/HelpPage.vue'), meta: { title: 'Aide / contact' } },
  { path: '/aide/guides/:slug', name: 'help-guide', component: () => import('../pages/HelpGuidePage.vue'), meta: { title: 'Guide' } },
  { path: '/actualites', name: 'news', component: () => import('../pages/NewsListPage.vue'), meta: { title: 'Actualités' } },
  { path: '/actualites/:id', name: 'news-item', component: () => import('../pages/NewsItemPage.vue'), meta: { title: 'Actualité' } },

  { path: '/mon-compte', name: 'account', component: () => import('../pages/AccountContactPage.vue'), meta: { title: 'Mes coordonnées' } },
  { path: '/mon-compte/securite', name: 'account-security', component: () => import('../pages/AccountSecurityPage.vue'), meta: { title: 'Connexion et sécurité' } },
  { path: '/mon-compte/informations-bancaires', name: 'bank-details', component: () => import('../pages/BankDetailsPage.vue'), meta: { title: 'Mes informations bancaires' } },
  { path: '/mon-compte/informations-bancaires/modifier', name: 'bank-details-change', component: () => import('../pages/BankDetailsChangePage.vue'), meta: { title: 'Modifier mes coordonnées bancaires' } },
  { path: '/mon-compte/donnees', name: 'account-data', component: () => import('../pages/PersonalDataPage.vue'), meta: { title: 'Mes données personnelles' } },

  { path: '/conseiller', name: 'advisor', component: () => import('../pages/AdvisorQueuePage.vue'), meta: { title: 'File de traitement', access: 'advisor' } },
  { path: '/conseiller/demarches/:id', name: 'advisor-procedure', component: () => import('../pages/AdvisorProcedurePage.vue'), meta: { title: 'Démarche à traiter', access: 'advisor' } },
  { path: '/conseiller/messages/:id', name: 'advisor-thread', component: () => import('../pages/AdvisorThreadPage.vue'), meta: { title: 'Message à traiter', access: 'advisor' } },

  // footer pages, readable signed out
  { path: '/plan-du-site', name: 'sitemap', component: () => import('../pages/SitemapPage.vue'), meta: { title: 'Plan du site', access: 'public' } },
  { path: '/accessibilite', name: 'accessibility', component: () => import('../pages/AccessibilityPage.vue'), meta: { title: 'Accessibilité', access: 'public' } },
  { path: '/mentions-legales', name: 'legal', component: () => import('../pages/LegalNoticePage.vue'), meta: { title: 'Mentions légales', access: 'public' } },
  { path: '/confidentialite', name: 'privacy', component: () => import('../pages/PrivacyPage.vue'), meta: { title: 'Politique de confidentialité', access: 'public' } },
  { path: '/cookies', name: 'cookies', component: () => import('../pages/CookiesPage.vue'), meta: { title: 'Gestion des cookies', access: 'public' } },
  { path: '/conditions-generales', name: 'terms', component: () => import('../pages/TermsPage.vue'), meta: { title: "Conditions générales d'utilisation", access: 'public' } },

  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../pages/NotFoundPage.vue'), meta: { title: 'Page introuvable', access: 'public' } },
]
