import { orderBody } from "~/sandbox/shopify-webhook-bodies";
import { webhookRequest } from "../fakes/shopify-webhooks/send";
import { startSyncHarness } from "../support/sync-harness";
it("timing", async () => {
  const h = await startSyncHarness();
  await h.queue.stop();
  const body = orderBody({ id: "1", number: 1, customer: { id: "2", email: "a@b.c", firstName: "A", lastName: "B" } });
  const N = 100;
  let t = performance.now();
  for (let i = 0; i < N; i++)
    await h.shopify.shopify.authenticate.webhook(
      webhookRequest("https://x.test", { topic: "orders/create", shop: "alpha-store.myshopify.com", body }),
    );
  console.log("authenticate.webhook", ((performance.now() - t) / N).toFixed(2));
  t = performance.now();
  for (let i = 0; i < N; i++)
    await h.database.db.webhookEvent.create({
      data: { shop: "x", webhookId: String(i) + "a", topic: "t", status: "queued" },
    });
  console.log("insert event", ((performance.now() - t) / N).toFixed(2));
  t = performance.now();
  for (let i = 0; i < N; i++) await h.queue.enqueue("webhook.apply", { body }, { key: "k" + i });
  console.log("enqueue", ((performance.now() - t) / N).toFixed(2));
  t = performance.now();
  for (let i = 0; i < N; i++) await h.send("orders/create", body);
  console.log("whole ingest", ((performance.now() - t) / N).toFixed(2));
  console.log(await h.database.db.$queryRawUnsafe("PRAGMA journal_mode=WAL"));
  t = performance.now();
  for (let i = 0; i < N; i++) await h.send("orders/create", body);
  console.log("whole ingest WAL", ((performance.now() - t) / N).toFixed(2));
  t = performance.now();
  await Promise.all(Array.from({ length: N }, () => h.send("orders/create", body)));
  console.log("whole ingest WAL concurrent", ((performance.now() - t) / N).toFixed(2));
  await h.close();
}, 120000);
