/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Viewer {\n  viewer {\n    role\n    displayName\n    member {\n      id\n      firstName\n    }\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    role\n    member {\n      id\n      firstName\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}": typeof types.ViewerDocument,
    "query HomeDashboard {\n  me {\n    id\n    firstName\n  }\n  insuranceCard {\n    id\n    cardNumber\n    validFrom\n    validTo\n    contract {\n      id\n      label\n      option\n    }\n  }\n  procedures(first: 2) {\n    nodes {\n      id\n      kind\n      status\n      submittedAt\n      careType\n      careDate\n      beneficiary {\n        id\n        firstName\n      }\n    }\n  }\n  reimbursements(first: 3) {\n    nodes {\n      id\n      careType\n      paymentDate\n      reimbursedCents\n      beneficiary {\n        id\n        firstName\n      }\n    }\n  }\n  news(first: 10) {\n    nodes {\n      id\n      kind\n      title\n      summary\n    }\n  }\n}": typeof types.HomeDashboardDocument,
    "query UnreadMessageCount {\n  unreadMessageCount\n}": typeof types.UnreadMessageCountDocument,
    "query NewsArticles($first: Int) {\n  news(first: $first) {\n    nodes {\n      id\n      kind\n      title\n      summary\n      body\n      publishedAt\n    }\n  }\n}": typeof types.NewsArticlesDocument,
};
const documents: Documents = {
    "query Viewer {\n  viewer {\n    role\n    displayName\n    member {\n      id\n      firstName\n    }\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    role\n    member {\n      id\n      firstName\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}": types.ViewerDocument,
    "query HomeDashboard {\n  me {\n    id\n    firstName\n  }\n  insuranceCard {\n    id\n    cardNumber\n    validFrom\n    validTo\n    contract {\n      id\n      label\n      option\n    }\n  }\n  procedures(first: 2) {\n    nodes {\n      id\n      kind\n      status\n      submittedAt\n      careType\n      careDate\n      beneficiary {\n        id\n        firstName\n      }\n    }\n  }\n  reimbursements(first: 3) {\n    nodes {\n      id\n      careType\n      paymentDate\n      reimbursedCents\n      beneficiary {\n        id\n        firstName\n      }\n    }\n  }\n  news(first: 10) {\n    nodes {\n      id\n      kind\n      title\n      summary\n    }\n  }\n}": types.HomeDashboardDocument,
    "query UnreadMessageCount {\n  unreadMessageCount\n}": types.UnreadMessageCountDocument,
    "query NewsArticles($first: Int) {\n  news(first: $first) {\n    nodes {\n      id\n      kind\n      title\n      summary\n      body\n      publishedAt\n    }\n  }\n}": types.NewsArticlesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    role\n    displayName\n    member {\n      id\n      firstName\n    }\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    role\n    member {\n      id\n      firstName\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}"): (typeof documents)["query Viewer {\n  viewer {\n    role\n    displayName\n    member {\n      id\n      firstName\n    }\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    role\n    member {\n      id\n      firstName\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation SignOut {\n  signOut\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HomeDashboard {\n  me {\n    id\n    firstName\n  }\n  insuranceCard {\n    id\n    cardNumber\n    validFrom\n    validTo\n    contract {\n      id\n      label\n      option\n    }\n  }\n  procedures(first: 2) {\n    nodes {\n      id\n      kind\n      status\n      submittedAt\n      careType\n      careDate\n      beneficiary {\n        id\n        firstName\n      }\n    }\n  }\n  reimbursements(first: 3) {\n    nodes {\n      id\n      careType\n      paymentDate\n      reimbursedCents\n      beneficiary {\n        id\n        firstName\n      }\n    }\n  }\n  news(first: 10) {\n    nodes {\n      id\n      kind\n      title\n      summary\n    }\n  }\n}"): (typeof documents)["query HomeDashboard {\n  me {\n    id\n    firstName\n  }\n  insuranceCard {\n    id\n    cardNumber\n    validFrom\n    validTo\n    contract {\n      id\n      label\n      option\n    }\n  }\n  procedures(first: 2) {\n    nodes {\n      id\n      kind\n      status\n      submittedAt\n      careType\n      careDate\n      beneficiary {\n        id\n        firstName\n      }\n    }\n  }\n  reimbursements(first: 3) {\n    nodes {\n      id\n      careType\n      paymentDate\n      reimbursedCents\n      beneficiary {\n        id\n        firstName\n      }\n    }\n  }\n  news(first: 10) {\n    nodes {\n      id\n      kind\n      title\n      summary\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnreadMessageCount {\n  unreadMessageCount\n}"): (typeof documents)["query UnreadMessageCount {\n  unreadMessageCount\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NewsArticles($first: Int) {\n  news(first: $first) {\n    nodes {\n      id\n      kind\n      title\n      summary\n      body\n      publishedAt\n    }\n  }\n}"): (typeof documents)["query NewsArticles($first: Int) {\n  news(first: $first) {\n    nodes {\n      id\n      kind\n      title\n      summary\n      body\n      publishedAt\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;