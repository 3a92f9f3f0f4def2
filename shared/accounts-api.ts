// The accounts API contract spoken by the companion and implemented by the sandbox.
// Quantower publishes no referral API, so this contract is ours; the sandbox implements it
// and the companion can point at any server that does (configurable base URL).
import { z } from 'zod';

export const API_PREFIX = '/api/v1';

export const accountsPaths = {
  profile: `${API_PREFIX}/me`,
  referral: `${API_PREFIX}/referral`,
} as const;

export const PartnerId = z.string().min(1).max(64);

export const Profile = z.object({
  partnerId: PartnerId,
  email: z.email(),
  displayName: z.string().min(1).max(200),
});
export type Profile = z.infer<typeof Profile>;

export const ReferralInfo = z.object({
  code: z.string().min(1).max(128),
  /** The full link, built with the shared builder from `code` and `linkBase`. */
  link: z.url(),
  linkBase: z.url(),
});
export type ReferralInfo = z.infer<typeof ReferralInfo>;

/** Every non-2xx answer of the accounts API has this body. */
export const ApiError = z.object({
  error: z.string().min(1),
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiError>;
