// The statuses of a request sent to support and the moves between them, zod-free so the UI can use
// them (the bridge's schema in bridge/support-journal.ts is built from the same list).
export const SUPPORT_REQUEST_STATUSES = ['sent', 'answered', 'done', 'cancelled'] as const;
export type SupportRequestStatus = (typeof SUPPORT_REQUEST_STATUSES)[number];

/** sent → answered → done, or cancelled from sent or answered; done and cancelled are final. */
export const NEXT_SUPPORT_STATUSES: Readonly<Record<SupportRequestStatus, readonly SupportRequestStatus[]>> =
  Object.freeze({
    sent: ['answered', 'cancelled'],
    answered: ['done', 'cancelled'],
    done: [],
    cancelled: [],
  });
