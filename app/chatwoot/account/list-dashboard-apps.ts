import { dashboardAppListSchema } from "../schemas";
import type { AccountDeps, CallOptions, DashboardApp } from "../types";

/**
 * The account's dashboard apps. Any agent may edit or delete ours (there is no admin-only
 * policy), so provisioning lists them periodically and repairs our entry.
 */
export function listDashboardAppsFactory({ transport, accountId }: AccountDeps) {
  return async function listDashboardApps(options: CallOptions = {}): Promise<DashboardApp[]> {
    return transport.request({
      method: "GET",
      path: `/api/v1/accounts/${accountId}/dashboard_apps`,
      schema: dashboardAppListSchema,
      signal: options.signal,
    });
  };
}
