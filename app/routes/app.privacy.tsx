import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, Layout, Link, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { db } from "~/db.server";
import { listComplianceRequests } from "~/models/compliance.server";
import { DATA_INVENTORY } from "~/privacy/data-inventory";
import { authenticate } from "~/shopify.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const requests = await listComplianceRequests(db(), { shop: session.shop });
  return {
    requests: requests.map((r) => ({
      id: r.webhookId,
      topic: r.topic,
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
    })),
  };
}

const TOPIC = {
  "customers/redact": "Erase a customer",
  "customers/data_request": "Customer data request",
  "shop/redact": "Erase the store",
} as const;

/** The store's privacy requests, their exports, and what the app keeps. */
export default function PrivacyPage() {
  const { requests } = useLoaderData<typeof loader>();
  return (
    <Page title="Privacy">
      <TitleBar title="Privacy" />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Privacy requests
              </Text>
              {requests.length === 0 ? (
                <Text as="p" tone="subdued">
                  No requests yet. When a customer asks for their data or to be erased, Shopify tells the app and the
                  request appears here.
                </Text>
              ) : (
                <DataTable
                  columnContentTypes={["text", "text", "text", "text"]}
                  headings={["Request", "Received", "State", "Export"]}
                  rows={requests.map((r) => [
                    TOPIC[r.topic as keyof typeof TOPIC] ?? r.topic,
                    new Date(r.receivedAt).toLocaleString(),
                    <Badge key="s" tone={r.status === "done" ? "success" : r.status === "pending" ? "info" : undefined}>
                      {r.status}
                    </Badge>,
                    r.topic === "customers/data_request" && r.status === "done" ? (
                      <Link key="d" url={`/app/privacy/export/${encodeURIComponent(r.id)}`} target="_blank">
                        Download JSON
                      </Link>
                    ) : (
                      ""
                    ),
                  ])}
                />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                What the app stores
              </Text>
              <DataTable
                columnContentTypes={["text", "text", "text"]}
                headings={["Data", "Where", "How long"]}
                rows={DATA_INVENTORY.map((d) => [d.what, d.where, d.kept])}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
