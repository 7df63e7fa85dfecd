import { QUEUE_DEFAULTS } from "../defaults";
import type { DeadJob, QueueStats } from "../types";
import { isUuid } from "./job-id";
import type { PgBossContext, PgBossJobData } from "./types";

// Counting, listing and cancelling by shop read pg-boss's job table directly: its API filters by
// data but pages oldest first and has no "delete only if still queued" call. The columns used
// (name, state, data, created_on, source_*) are the documented job table.

interface DeadRow {
  id: string;
  data: PgBossJobData;
  source_retry_count: number | null;
  source_output: unknown;
  created_on: Date;
}

export function pgBossAdminFactory(ctx: PgBossContext) {
  const job = `${ctx.schema}.job`;
  const sql = async <T>(text: string, values: unknown[]) =>
    (await (await ctx.boss()).getDb().executeSql(text, values)).rows as T[];

  return {
    async stats(shop?: string): Promise<QueueStats> {
      const rows = await sql<{ name: string; state: string; count: number }>(
        `SELECT name, state::text AS state, count(*)::int AS count FROM ${job}
         WHERE name = ANY($1::text[]) AND ($2::text IS NULL OR data->>'shop' = $2)
         GROUP BY name, state`,
        [[ctx.queueName, ctx.deadLetterName], shop ?? null],
      );
      const count = (name: string, states: string[]) =>
        rows.filter((r) => r.name === name && states.includes(r.state)).reduce((sum, r) => sum + r.count, 0);
      return {
        pending: count(ctx.queueName, ["created", "retry"]),
        running: count(ctx.queueName, ["active"]),
        dead: count(ctx.deadLetterName, ["created", "retry", "failed"]),
      };
    },

    async listDead(options: { shop?: string; limit?: number } = {}): Promise<DeadJob[]> {
      const rows = await sql<DeadRow>(
        `SELECT id, data, source_retry_count, source_output, created_on FROM ${job}
         WHERE name = $1 AND state IN ('created', 'retry', 'failed') AND ($2::text IS NULL OR data->>'shop' = $2)
         ORDER BY created_on DESC, id LIMIT $3`,
        [ctx.deadLetterName, options.shop ?? null, options.limit ?? QUEUE_DEFAULTS.listDeadLimit],
      );
      return rows.map((row) => ({
        id: row.id,
        task: row.data.task,
        shop: row.data.shop,
        attempts: (row.source_retry_count ?? 0) + 1,
        lastError: errorMessage(row.source_output),
        payload: row.data.payload,
        failedAt: row.created_on,
      }));
    },

    /** Moves a dead-lettered job back to the work queue (as a new job, with the queue's retry limit). */
    async replay(jobId: string, options: { shop?: string } = {}): Promise<boolean> {
      if (!isUuid(jobId)) return false;
      const boss = await ctx.boss();
      const moved = await boss.redrive(ctx.deadLetterName, {
        ids: [jobId],
        ...(options.shop ? { data: { shop: options.shop } } : {}),
        limit: 1,
      });
      return moved > 0;
    },

    async cancelForShop(shop: string, options: { task?: string } = {}): Promise<number> {
      const rows = await sql<{ id: string }>(
        `DELETE FROM ${job}
         WHERE name = $1 AND state IN ('created', 'retry') AND data->>'shop' = $2 AND ($3::text IS NULL OR data->>'task' = $3)
         RETURNING id`,
        [ctx.queueName, shop, options.task ?? null],
      );
      return rows.length;
    },
  };
}

/** pg-boss stores a failure as our { message }, a serialised Error, or { value: … } for its own. */
function errorMessage(output: unknown): string | null {
  if (output === null || output === undefined) return null;
  if (typeof output === "string") return output;
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === "string") return o.message;
  if (o.value !== undefined) return errorMessage(o.value);
  return JSON.stringify(output);
}
