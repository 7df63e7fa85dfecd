import { Form } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  DataTable,
  FormLayout,
  InlineGrid,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";

interface Counts {
  received: number;
  applied: number;
  failed: number;
}

export function SyncStatsCard({ overview }: { overview: { lastHour: Counts; lastDay: Counts; lagSeconds: number } }) {
  const lag = overview.lagSeconds < 60 ? `${overview.lagSeconds} s` : `${Math.round(overview.lagSeconds / 60)} min`;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            Shopify events
          </Text>
          <Badge tone={overview.lagSeconds > 300 ? "warning" : "success"}>{`Lag ${lag}`}</Badge>
        </InlineStack>
        <DataTable
          columnContentTypes={["text", "numeric", "numeric", "numeric"]}
          headings={["", "Received", "Applied", "Failed"]}
          rows={[
            ["Last hour", overview.lastHour.received, overview.lastHour.applied, overview.lastHour.failed],
            ["Last 24 hours", overview.lastDay.received, overview.lastDay.applied, overview.lastDay.failed],
          ]}
        />
      </BlockStack>
    </Card>
  );
}

interface DeadJobView {
  id: string;
  subject: string;
  attempts: number;
  lastError: string;
  failedAt: string | null;
}

export function DeadLetterCard({ jobs, busy, error }: { jobs: DeadJobView[]; busy: boolean; error?: string }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Failed updates
        </Text>
        {error && (
          <Text as="p" tone="critical">
            {error}
          </Text>
        )}
        {jobs.length === 0 ? (
          <Text as="p" tone="subdued">
            Nothing failed. Updates that fail after every retry appear here, with a Replay button.
          </Text>
        ) : (
          jobs.map((job) => (
            <InlineStack key={job.id} align="space-between" blockAlign="center" wrap={false} gap="300">
              <BlockStack gap="100">
                <Text as="span" fontWeight="semibold">{`${job.subject} · ${job.attempts} attempts`}</Text>
                <Text as="span" tone="subdued">
                  {job.lastError}
                </Text>
              </BlockStack>
              <Form method="post">
                <input type="hidden" name="intent" value="replay" />
                <input type="hidden" name="jobId" value={job.id} />
                <Button submit loading={busy}>
                  Replay
                </Button>
              </Form>
            </InlineStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

export function ConflictsCard({
  conflicts,
}: {
  conflicts: { id: string; customerId: string; field: string; detail: string }[];
}) {
  if (conflicts.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Contacts not merged
        </Text>
        <Text as="p" tone="subdued">
          These customers share an e-mail address or phone number with a Chatwoot contact that belongs to someone else.
          The app never merges them; the rest of the customer's data is synced.
        </Text>
        <DataTable
          columnContentTypes={["text", "text", "text"]}
          headings={["Customer", "Field", "Detail"]}
          rows={conflicts.map((c) => [c.customerId, c.field === "email" ? "E-mail" : "Phone", c.detail])}
        />
      </BlockStack>
    </Card>
  );
}

export function ResyncCard({ busy, error }: { busy: boolean; error?: string }) {
  const [customer, setCustomer] = useState("");
  return (
    <Card>
      <Form method="post">
        <FormLayout>
          <Text as="h2" variant="headingMd">
            Resync a customer
          </Text>
          <input type="hidden" name="intent" value="resync" />
          <TextField
            label="Customer id or e-mail"
            name="customer"
            value={customer}
            onChange={setCustomer}
            autoComplete="off"
            error={error}
          />
          <Button submit loading={busy}>
            Resync now
          </Button>
        </FormLayout>
      </Form>
    </Card>
  );
}

const TIERS = ["Bronze", "Silver", "Gold", "VIP"] as const;

export function TierForm({
  thresholds,
  errors,
  busy,
}: {
  thresholds: Record<(typeof TIERS)[number], number>;
  errors: Record<string, string | undefined>;
  busy: boolean;
}) {
  const [values, setValues] = useState(() => Object.fromEntries(TIERS.map((t) => [t, String(thresholds[t])])));
  return (
    <Card>
      <Form method="post">
        <FormLayout>
          <Text as="h2" variant="headingMd">
            Customer tiers
          </Text>
          <Text as="p" tone="subdued">
            Minimum total spent, in your store currency. Customers without orders are “New”.
          </Text>
          <input type="hidden" name="intent" value="tiers" />
          <InlineGrid columns={2} gap="300">
            {TIERS.map((tier) => (
              <TextField
                key={tier}
                label={tier}
                name={tier}
                type="number"
                value={values[tier]}
                onChange={(value) => setValues((v) => ({ ...v, [tier]: value }))}
                error={errors[tier]}
                autoComplete="off"
              />
            ))}
          </InlineGrid>
          <Button submit variant="primary" loading={busy}>
            Save tiers
          </Button>
        </FormLayout>
      </Form>
    </Card>
  );
}
