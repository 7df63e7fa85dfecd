import type { FakeCustomer } from "~/sandbox/shopify-webhook-bodies";

/** The sync suites' customer: an e-mail in mixed case and a phone already in E.164. */
export const ann: FakeCustomer = {
  id: "7001",
  email: "Ann.Lee@Example.com",
  firstName: "Ann",
  lastName: "Lee",
  phone: "+31612345678",
};

/** A moment on the suites' fixed day, `minutes` after noon UTC. */
export const t = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes));
