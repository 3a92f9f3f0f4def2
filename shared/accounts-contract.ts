// The accounts API as one table: each operation declared once — method, path, parameters, body,
// success answer, error codes per status, Idempotency-Key, ETag, auth. Everything else is derived
// from it: the sandbox's routes (sandbox/http/contract-routes.ts), the OpenAPI document
// (scripts/openapi.ts → shared/openapi.json) and core's typed client (`call` in
// electron/core/accounts-client.ts). The schemas themselves live in accounts-api.ts.
import { z } from 'zod';
import {
  accountsPaths,
  Balance,
  Catalog,
  CommissionPage,
  CommissionQuery,
  Credit,
  CreditPage,
  CreditRequest,
  EarningsSeries,
  EarningsSeriesQuery,
  HistoryPage,
  HistoryQuery,
  Licenses,
  PageQuery,
  Payout,
  PayoutMethods,
  PayoutPage,
  PayoutRequest,
  Profile,
  ProgramEvent,
  ProgramStatus,
  ReferralInfo,
  ReferralPage,
  ReferralStatsPage,
  TermsInfo,
} from './accounts-api.ts';

export type HttpMethod = 'get' | 'post';

export interface AccountsOperation {
  readonly method: HttpMethod;
  /** A template of accountsPaths, with `:name` path parameters. */
  readonly path: string;
  readonly summary: string;
  /** Path parameters, by name (each a string on the wire). */
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The success status and its JSON body (for a stream: the schema of each event's data). */
  readonly status: 200 | 201;
  readonly response: z.ZodType;
  /** An endless text/event-stream instead of one JSON answer. */
  readonly stream?: true;
  /** The error codes this operation answers, by status, besides the ones every operation has. */
  readonly errors: Readonly<Partial<Record<400 | 403 | 404 | 409 | 422, readonly string[]>>>;
  /** Takes an Idempotency-Key: same key + same body → the first answer again, never a second filing. */
  readonly idempotencyKey: boolean;
  /** A POST that lands on the same state when repeated (a cancel): safe to retry without a key. */
  readonly repeatable?: true;
  /** Answers with an ETag and honours If-None-Match with 304. */
  readonly conditional: boolean;
  readonly auth: 'bearer';
}

/** Errors every operation may answer (auth, routing, the server itself). */
export const COMMON_ERRORS = {
  401: ['unauthenticated', 'invalid-token'],
  405: ['method-not-allowed'],
  500: ['internal'],
} as const;

const Id = z.object({ id: z.string().min(1).max(100) });
const PAGE_ERRORS = { 400: ['invalid-query', 'bad-cursor'] } as const;
const KEYED_ERRORS = ['invalid-json', 'invalid-body', 'invalid-idempotency-key'] as const;

function read<
  const T extends Omit<AccountsOperation, 'method' | 'status' | 'idempotencyKey' | 'conditional' | 'auth'>,
>(spec: T) {
  return {
    method: 'get',
    status: 200,
    idempotencyKey: false,
    conditional: true,
    auth: 'bearer',
    ...spec,
  } as const;
}

export const accountsOperations = {
  getProfile: read({
    path: accountsPaths.profile,
    summary: 'The signed-in partner',
    response: Profile,
    errors: {},
  }),
  getReferralInfo: read({
    path: accountsPaths.referral,
    summary: 'Referral code and link',
    response: ReferralInfo,
    errors: {},
  }),
  listReferrals: read({
    path: accountsPaths.referrals,
    summary: 'Referrals, newest first',
    query: PageQuery,
    response: ReferralPage,
    errors: PAGE_ERRORS,
  }),
  listCommissions: read({
    path: accountsPaths.commissions,
    summary: 'Commissions earned and reversed, newest first',
    query: CommissionQuery,
    response: CommissionPage,
    errors: PAGE_ERRORS,
  }),
  listHistory: read({
    path: accountsPaths.history,
    summary: 'Every earned, reversed, cancelled, paid-out and credited entry: filtered, searched, sorted',
    query: HistoryQuery,
    response: HistoryPage,
    errors: PAGE_ERRORS,
  }),
  getEarningsSeries: read({
    path: accountsPaths.earningsSeries,
    summary: 'Earned and reversed commission per local day, week or month of a time zone (tz, default UTC)',
    query: EarningsSeriesQuery,
    response: EarningsSeries,
    errors: { 400: ['invalid-query'] },
  }),
  listReferralStats: read({
    path: accountsPaths.referralStats,
    summary: 'Referrals with their purchases and the commission they brought, newest first',
    query: PageQuery,
    response: ReferralStatsPage,
    errors: PAGE_ERRORS,
  }),
  getBalance: read({
    path: accountsPaths.balance,
    summary: 'Balance figures, all derived from the ledger; asOf is when they last changed',
    response: Balance,
    errors: {},
  }),
  getProgramStatus: read({
    path: accountsPaths.program,
    summary: 'Standing in the program and withdrawal progress',
    response: ProgramStatus,
    errors: {},
  }),
  getTerms: read({
    path: accountsPaths.terms,
    summary: 'Terms in force and every published version',
    response: TermsInfo,
    errors: {},
  }),
  listPayoutMethods: read({
    path: accountsPaths.payoutMethods,
    summary: 'Payout methods and their destinations',
    response: PayoutMethods,
    errors: {},
  }),
  listPayouts: read({
    path: accountsPaths.payouts,
    summary: 'Payout requests, newest first',
    query: PageQuery,
    response: PayoutPage,
    errors: PAGE_ERRORS,
  }),
  requestPayout: {
    method: 'post',
    path: accountsPaths.payouts,
    summary: 'Request a payout',
    body: PayoutRequest,
    status: 201,
    response: Payout,
    errors: {
      400: KEYED_ERRORS,
      403: ['disqualified'],
      409: ['idempotency-key-reused'],
      422: ['below-minimum', 'not-enough-referrals', 'insufficient-balance'],
    },
    idempotencyKey: true,
    conditional: false,
    auth: 'bearer',
  },
  getPayout: read({
    path: accountsPaths.payout,
    summary: 'One payout request',
    params: Id,
    response: Payout,
    errors: { 400: ['invalid-path'], 404: ['unknown-payout'] },
  }),
  cancelPayout: {
    method: 'post',
    path: accountsPaths.payoutCancel,
    summary: 'Cancel a payout that is still requested',
    params: Id,
    status: 200,
    response: Payout,
    errors: { 400: ['invalid-path'], 404: ['unknown-payout'], 409: ['bad-transition'] },
    idempotencyKey: false,
    repeatable: true,
    conditional: false,
    auth: 'bearer',
  },
  listLicenses: read({
    path: accountsPaths.licenses,
    summary: "The partner's own licenses",
    response: Licenses,
    errors: {},
  }),
  getCatalog: read({
    path: accountsPaths.catalog,
    summary: 'Licenses on sale',
    response: Catalog,
    errors: {},
  }),
  listCredits: read({
    path: accountsPaths.credits,
    summary: 'License credits, newest first',
    query: PageQuery,
    response: CreditPage,
    errors: PAGE_ERRORS,
  }),
  applyCredit: {
    method: 'post',
    path: accountsPaths.credits,
    summary: 'Apply the balance to a license renewal',
    body: CreditRequest,
    status: 201,
    response: Credit,
    errors: {
      400: [...KEYED_ERRORS, 'credit-above-price'],
      403: ['disqualified'],
      404: ['unknown-sku'],
      409: ['idempotency-key-reused', 'already-lifetime'],
      422: ['insufficient-balance'],
    },
    idempotencyKey: true,
    conditional: false,
    auth: 'bearer',
  },
  getCredit: read({
    path: accountsPaths.credit,
    summary: 'One license credit',
    params: Id,
    response: Credit,
    errors: { 400: ['invalid-path'], 404: ['unknown-credit'] },
  }),
  streamEvents: {
    method: 'get',
    path: accountsPaths.events,
    summary: 'Server-Sent Events; each event id resumes the stream with Last-Event-ID',
    status: 200,
    response: ProgramEvent,
    stream: true,
    errors: { 400: ['invalid-last-event-id'] },
    idempotencyKey: false,
    conditional: false,
    auth: 'bearer',
  },
} as const satisfies Record<string, AccountsOperation>;

export type AccountsOperations = typeof accountsOperations;
export type OperationName = keyof AccountsOperations;
/** The operations that answer one JSON body (every one but the event stream). */
export type JsonOperationName = {
  [K in OperationName]: AccountsOperations[K] extends { stream: true } ? never : K;
}[OperationName];

type Field<Op, Key extends string> = Op extends { [P in Key]: infer S extends z.ZodType } ? S : never;
/** What a caller gives for an operation: its path parameters, query and body, each only if it has one. */
export type OperationInput<K extends OperationName> = ([Field<AccountsOperations[K], 'params'>] extends [
  never,
]
  ? unknown
  : { params: z.input<Field<AccountsOperations[K], 'params'>> }) &
  ([Field<AccountsOperations[K], 'query'>] extends [never]
    ? unknown
    : { query?: z.input<Field<AccountsOperations[K], 'query'>> }) &
  ([Field<AccountsOperations[K], 'body'>] extends [never]
    ? unknown
    : { body: z.input<Field<AccountsOperations[K], 'body'>> });
/** What a server handler receives: the same, parsed by the table's schemas. */
export type OperationRequest<K extends OperationName> = {
  params: [Field<AccountsOperations[K], 'params'>] extends [never]
    ? Record<string, never>
    : z.output<Field<AccountsOperations[K], 'params'>>;
  query: [Field<AccountsOperations[K], 'query'>] extends [never]
    ? Record<string, never>
    : z.output<Field<AccountsOperations[K], 'query'>>;
  body: [Field<AccountsOperations[K], 'body'>] extends [never]
    ? undefined
    : z.output<Field<AccountsOperations[K], 'body'>>;
  /** The Idempotency-Key, for the operations that take one. */
  idempotencyKey: string | undefined;
};
export type OperationResult<K extends OperationName> = z.output<AccountsOperations[K]['response']>;

/** Every operation as a list, for the generators and the route/table checks. */
export const OPERATIONS = Object.entries(accountsOperations) as Array<[OperationName, AccountsOperation]>;
