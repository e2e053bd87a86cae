// The SPA names amounts with the one glossary the server uses too (PDFs, explanations, API descriptions).
export { AMOUNT_WORDS, CONTRIBUTION_WORDS, mutuelleByContract, paymentState } from '../../../server/core/amount-words'
