import { dashboardAppSchema } from "../schemas";
import type { AccountDeps, CallOptions, DashboardApp, UpdateDashboardAppInput } from "../types";

/** Repairs or re-points our dashboard app, e.g. after the app URL or its signed token changed. */
export function updateDashboardAppFactory({ transport, accountId }: AccountDeps) {
  return async function updateDashboardApp(
    dashboardAppId: number,
    patch: UpdateDashboardAppInput,
    options: CallOptions = {},
  ): Promise<DashboardApp> {
    return transport.request({
      method: "PATCH",
      path: `/api/v1/accounts/${accountId}/dashboard_apps/${dashboardAppId}`,
      body: patch,
      schema: dashboardAppSchema,
      // `title` and `content` are replaced as sent, so a replay is harmless.
      idempotent: true,
      signal: options.signal,
    });
  };
}
