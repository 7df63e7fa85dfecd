import { dashboardAppSchema } from "../schemas";
import type { AccountDeps, CallOptions, CreateDashboardAppInput, DashboardApp } from "../types";

/**
 * Adds a tab next to "Messages" in every conversation, framing our order-history page.
 * The postMessage context it receives is unsigned, so the URL must carry our own signed
 * credential. An invalid `content` is a 422 `{"message":"Content : Invalid data"}`.
 */
export function createDashboardAppFactory({ transport, accountId }: AccountDeps) {
  return async function createDashboardApp(
    input: CreateDashboardAppInput,
    options: CallOptions = {},
  ): Promise<DashboardApp> {
    return transport.request({
      method: "POST",
      path: `/api/v1/accounts/${accountId}/dashboard_apps`,
      // Flat body: Rails wraps it into `dashboard_app` because the transport sends JSON.
      body: input,
      schema: dashboardAppSchema,
      // Not idempotent: a replay adds a second, identical tab.
      idempotent: false,
      signal: options.signal,
    });
  };
}
