import { z } from "zod";
import type { FakeCustomer } from "./shopify-webhook-bodies";

/** The demo store's customers the console sends events for. */
export const DEMO_CUSTOMERS: FakeCustomer[] = [
  { id: "7001001", email: "ann.lee@example.com", firstName: "Ann", lastName: "Lee", phone: "+31612345678" },
  { id: "7001002", email: "bram.devries@example.com", firstName: "Bram", lastName: "de Vries" },
  { id: "7001003", email: "chloe.martin@example.com", firstName: "Chloé", lastName: "Martin", phone: "+33612345678" },
];

export const replayFormSchema = z.object({
  customerId: z.enum(DEMO_CUSTOMERS.map((c) => c.id) as [string, ...string[]], { error: "Pick a demo customer" }),
  event: z.enum(["order", "paid-and-fulfilled", "customer-update"], { error: "Pick an event" }),
  count: z.coerce.number().int().min(1, "At least 1").max(50, "At most 50"),
});
