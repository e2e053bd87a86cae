import type { CodegenConfig } from '@graphql-codegen/cli'
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset'

// Operations live in each feature's <domain>.graphql; the client preset turns every one into a
// typed document (`XxxDocument` in web/src/gql/graphql.ts) that useQuery/useMutation infer from.
const config: CodegenConfig = {
  schema: './schema.graphql',
  documents: ['web/src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // __typename in documents and types, as Apollo's cache sees them: test fixtures type-check
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        scalars: { Date: 'string', DateTime: 'string' },
        // `enumsAsTypes: true` of older presets is `enumType: 'string-literal'` in client-preset 6
        enumType: 'string-literal',
        useTypeImports: true,
        nonOptionalTypename: true,
      },
    },
  },
}

export default config
