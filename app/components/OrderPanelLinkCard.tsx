import { Banner, BlockStack, Button, Card, Layout, Text } from "@shopify/polaris";

export interface OrderPanelLinkCardProps {
  onReplace(): void;
  busy?: boolean;
  /** What the last replacement did, when the page has one to tell. */
  result?: { ok: boolean; message: string };
}

/** The home page's way to revoke the Order history panel's address (an agent left, a link leaked). */
export function OrderPanelLinkCard({ onReplace, busy, result }: OrderPanelLinkCardProps) {
  return (
    <Layout>
      <Layout.Section>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Order history panel
            </Text>
            <Text as="p">
              Agents see each customer&apos;s orders beside the conversation in Chatwoot. If someone who should no
              longer see them may still have the panel&apos;s address, give the panel a new one: the old address stops
              working at once, and Chatwoot&apos;s panel moves to the new one by itself.
            </Text>
            {result && <Banner tone={result.ok ? "success" : "warning"}>{result.message}</Banner>}
            <div>
              <Button onClick={onReplace} loading={busy}>
                Replace the panel&apos;s address
              </Button>
            </div>
          </BlockStack>
        </Card>
      </Layout.Section>
    </Layout>
  );
}
