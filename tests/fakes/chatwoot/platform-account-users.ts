import { ROLES } from "./constants";
import type { SimCore } from "./core";
import { railsFailure } from "./errors";
import { headOk, json } from "./http";
import { idParam, textParam } from "./params";
import { findPermissibleAccount } from "./platform-accounts";
import { removeWhere } from "./state";
import { platformRoute, type Route } from "./router";
import type { AccountUserRecord, Role } from "./types";
import { FieldErrors } from "./validation";
import { accountUserRow } from "./views-platform";

const BASE = "/platform/api/v1/accounts/:account_id/account_users";

/**
 * `find_or_initialize_by(user_id)` then `update!(role:)`: calling again changes the role.
 * A role outside the enum raises (500). Only the account is permission-checked, not the user.
 */
export function upsertAccountUser(
  core: SimCore,
  accountId: number,
  userId: number | undefined,
  role: string | null | undefined,
) {
  if (role !== undefined && role !== null && !(ROLES as readonly string[]).includes(role)) throw railsFailure(500);
  const user = core.state.users.find((u) => u.id === userId);
  if (!user) new FieldErrors().add("user", "must exist").throwIfAny();
  const now = core.now();
  let row = core.state.accountUsers.find((au) => au.accountId === accountId && au.userId === userId);
  if (!row) {
    row = {
      id: core.state.nextId("accountUsers"),
      accountId,
      userId: userId as number,
      role: "agent",
      inviterId: null,
      activeAt: null,
      availability: "online",
      autoOffline: true,
      createdAt: now,
      updatedAt: now,
    } satisfies AccountUserRecord;
    core.state.accountUsers.push(row);
  }
  if (role) row.role = role as Role;
  row.updatedAt = now;
  return row;
}

export const platformAccountUserRoutes: Route[] = [
  platformRoute("GET", BASE, (ctx) => {
    const account = findPermissibleAccount(ctx, ctx.pathParams.account_id);
    const rows = ctx.core.state.accountUsers.filter((au) => au.accountId === account.id);
    return json(200, rows.map(accountUserRow));
  }),
  platformRoute("POST", BASE, (ctx) => {
    const account = findPermissibleAccount(ctx, ctx.pathParams.account_id);
    const row = upsertAccountUser(ctx.core, account.id, idParam(ctx.params.user_id), textParam(ctx.params, "role"));
    return json(200, accountUserRow(row));
  }),
  platformRoute("DELETE", BASE, (ctx) => {
    const account = findPermissibleAccount(ctx, ctx.pathParams.account_id);
    const userId = idParam(ctx.params.user_id);
    const removed = removeWhere(
      ctx.core.state.accountUsers,
      (au) => au.accountId === account.id && au.userId === userId,
    );
    if (removed.length === 0) throw railsFailure(404); // find_by! outside the not-found handler
    removeWhere(ctx.core.state.inboxMembers, (m) => m.userId === userId && isInboxOf(ctx.core, m.inboxId, account.id));
    return headOk();
  }),
];

function isInboxOf(core: SimCore, inboxId: number, accountId: number): boolean {
  return core.state.inboxes.some((i) => i.id === inboxId && i.accountId === accountId);
}
