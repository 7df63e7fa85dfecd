import { json, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  AppProvider,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { usePolling } from "~/components/usePolling";
import { requireSandboxShop } from "~/sandbox/guard.server";
import { DEMO_CUSTOMERS, replayFormSchema } from "~/sandbox/demo-customers";
import { demoContacts, sendDemoEvents } from "~/sandbox/replay-console.server";
import { storeClient } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export async function loader() {
  const shop = requireSandboxShop();
  return { contacts: await demoContacts({ db: db(), client: await storeClient(shop), shop }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const shop = requireSandboxShop();
  const parsed = replayFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ errors: parsed.error.flatten().fieldErrors, sent: [] }, { status: 400 });
  const sent = await sendDemoEvents(
    { appUrl: env().SHOPIFY_APP_URL, apiSecret: env().SHOPIFY_API_SECRET, shop },
    parsed.data,
  );
  return json({ errors: {}, sent });
}

/** Sandbox: send signed Shopify events for the demo store and watch the Chatwoot contacts change. */
export default function ReplayConsole() {
  const { contacts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [form, setForm] = useState({ customerId: DEMO_CUSTOMERS[0]!.id, event: "order", count: "1" });
  usePolling(true, 1500);
  const errors = (result?.errors ?? {}) as Record<string, string[] | undefined>;
  return (
    <AppProvider i18n={en}>
      <Page
        title="Webhook replay console"
        subtitle="Signed Shopify events for the demo store, sent to the app's own webhook routes"
        backAction={{ url: "/sandbox" }}
      >
        <InlineGrid columns={{ xs: 1, md: ["oneThird", "twoThirds"] }} gap="400">
          <Card>
            <Form method="post">
              <BlockStack gap="300">
                <Select
                  label="Customer"
                  name="customerId"
                  value={form.customerId}
                  onChange={(v) => setForm({ ...form, customerId: v })}
                  options={DEMO_CUSTOMERS.map((c) => ({ label: `${c.firstName} ${c.lastName}`, value: c.id }))}
                  error={errors.customerId?.[0]}
                />
                <Select
                  label="Event"
                  name="event"
                  value={form.event}
                  onChange={(v) => setForm({ ...form, event: v })}
                  options={[
                    { label: "New order (orders/create)", value: "order" },
                    { label: "Order paid and shipped (orders/fulfilled)", value: "paid-and-fulfilled" },
                    { label: "Customer updated (customers/update)", value: "customer-update" },
                  ]}
                  error={errors.event?.[0]}
                />
                <TextField
                  label="How many (a burst is coalesced into one contact write)"
                  name="count"
                  type="number"
                  value={form.count}
                  onChange={(v) => setForm({ ...form, count: v })}
                  autoComplete="off"
                  error={errors.count?.[0]}
                />
                <Button submit variant="primary" loading={busy}>
                  Send
                </Button>
                {result && result.sent.length > 0 && (
                  <Banner tone="success">{`Sent ${result.sent.length} × ${result.sent[0]!.topic}: ${[...new Set(result.sent.map((s) => s.status))].join(", ")}`}</Banner>
                )}
              </BlockStack>
            </Form>
          </Card>
          <BlockStack gap="300">
            {contacts.map(({ customer, contact, syncedAt }) => (
              <Card key={customer.id}>
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm">{`${customer.name} · Shopify customer ${customer.id}`}</Text>
                  {contact ? (
                    <>
                      <Text
                        as="p"
                        tone="subdued"
                      >{`Chatwoot contact ${contact.id} · ${contact.email} · synced ${syncedAt ?? "never"}`}</Text>
                      <pre
                        data-testid={`contact-${customer.id}`}
                        style={{ margin: 0, fontSize: 12, whiteSpace: "pre-wrap" }}
                      >
                        {JSON.stringify(contact.attributes, null, 2)}
                      </pre>
                    </>
                  ) : (
                    <Text as="p" tone="subdued">
                      No Chatwoot contact yet. Send an event.
                    </Text>
                  )}
                </BlockStack>
              </Card>
            ))}
          </BlockStack>
        </InlineGrid>
      </Page>
    </AppProvider>
  );
}
