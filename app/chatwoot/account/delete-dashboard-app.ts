import { emptyResponseSchema } from "../schemas";
import type { AccountDeps, CallOptions } from "../types";

/** Removes a dashboard app; Chatwoot answers 204 No Content. */
export function deleteDashboardAppFactory({ transport, accountId }: AccountDeps) {
  return async function deleteDashboardApp(dashboardAppId: number, options: CallOptions = {}): Promise<void> {
    await transport.request({
      method: "DELETE",
      path: `/api/v1/accounts/${accountId}/dashboard_apps/${dashboardAppId}`,
      schema: emptyResponseSchema,
      signal: options.signal,
    });
  };
}
