/**
 * The most tRPC calls one request may carry: more than any page makes at once. The server
 * refuses a larger batch whole; the client's batch link splits at this size.
 */
export const maxBatchSize = 20;
