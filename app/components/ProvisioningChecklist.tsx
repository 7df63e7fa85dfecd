import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, ProgressBar, Text } from "@shopify/polaris";
import type { ProvisioningView } from "~/provisioning/types";

const STEP_BADGE = {
  done: { tone: "success", label: "Done" },
  running: { tone: "info", label: "Running" },
  failed: { tone: "critical", label: "Failed" },
  pending: { tone: undefined, label: "Waiting" },
} as const;

const STATUS_LABEL: Record<ProvisioningView["status"], string> = {
  pending: "Waiting",
  running: "In progress",
  provisioned: "Ready",
  failed: "Needs attention",
};

const HEADLINE: Record<ProvisioningView["status"], string> = {
  pending: "Setting up your Chatwoot account…",
  running: "Setting up your Chatwoot account…",
  provisioned: "Your Chatwoot account is ready",
  failed: "Setup stopped",
};

export interface ProvisioningChecklistProps {
  view: ProvisioningView;
  themeEditorUrl: string;
  /** Whether the chat embed is on in the live theme; null or absent when it could not be read. */
  embedEnabled?: boolean | null;
  onRetry(): void;
  onOpenChatwoot?(): void;
  actionError?: string;
  busy?: boolean;
}

/** The provisioning checklist, shown in the Shopify admin and on the sandbox page. */
export function ProvisioningChecklist({
  view,
  themeEditorUrl,
  embedEnabled,
  onRetry,
  onOpenChatwoot,
  actionError,
  busy,
}: ProvisioningChecklistProps) {
  const failed = view.steps.find((s) => s.status === "failed");
  const running = view.status === "running" || view.status === "pending";
  return (
    <Layout>
      <Layout.Section>
        <Card>
          <BlockStack gap="400">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h2" variant="headingMd">
                {HEADLINE[view.status]}
              </Text>
              <Badge tone={view.status === "provisioned" ? "success" : view.status === "failed" ? "critical" : "info"}>
                {STATUS_LABEL[view.status]}
              </Badge>
            </InlineStack>
            {running && <ProgressBar progress={Math.round(view.progress * 100)} size="small" />}
            {failed && (
              <Banner tone="critical" title={`“${failed.label}” did not finish`}>
                <p>{failed.reason}</p>
              </Banner>
            )}
            {actionError && <Banner tone="warning">{actionError}</Banner>}
            <BlockStack gap="200" as="ul">
              {view.steps.map((step) => (
                <InlineStack key={step.name} align="space-between" blockAlign="center" as="li">
                  <Text as="span">{step.label}</Text>
                  <Badge tone={STEP_BADGE[step.status].tone}>{STEP_BADGE[step.status].label}</Badge>
                </InlineStack>
              ))}
            </BlockStack>
            <InlineStack gap="300">
              {view.status === "failed" && (
                <Button variant="primary" onClick={onRetry} loading={busy}>
                  Retry
                </Button>
              )}
              {view.status === "provisioned" && onOpenChatwoot && (
                <Button variant="primary" onClick={onOpenChatwoot} loading={busy}>
                  Open Chatwoot
                </Button>
              )}
            </InlineStack>
          </BlockStack>
        </Card>
      </Layout.Section>
      <Layout.Section variant="oneThird">
        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h2" variant="headingMd">
                Storefront chat
              </Text>
              {embedEnabled === true && <Badge tone="success">On in your theme</Badge>}
              {embedEnabled === false && <Badge tone="attention">Off in your theme</Badge>}
            </InlineStack>
            {embedEnabled ? (
              <>
                <Text as="p">Shoppers see the chat launcher on your live theme.</Text>
                <Button url="/app/widget">Chat widget settings</Button>
              </>
            ) : (
              <>
                <Text as="p">Switch on the Chatwoot chat embed in your theme so shoppers can reach you.</Text>
                <Button url={themeEditorUrl} target="_blank" variant={embedEnabled === false ? "primary" : undefined}>
                  Turn on in theme editor
                </Button>
              </>
            )}
          </BlockStack>
        </Card>
      </Layout.Section>
    </Layout>
  );
}
