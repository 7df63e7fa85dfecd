import { useState } from "react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Card,
  Checkbox,
  FormLayout,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate, logger, widget } from "~/shopify.server";
import { parseWidgetSettings, type WidgetSettings, type WidgetSettingsErrors } from "~/widget/index.server";

const REPLY_OPTIONS = [
  { label: "In a few minutes", value: "in_a_few_minutes" },
  { label: "In a few hours", value: "in_a_few_hours" },
  { label: "In a day", value: "in_a_day" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  return { settings: (await widget.getSettings(session.shop)) ?? null };
}

/** Validates, then pushes to the store's Chatwoot inbox; answers `{ errors: { field: message } }` with 400. */
export async function action({ request }: ActionFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  const parsed = parseWidgetSettings(Object.fromEntries(await request.formData()));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  try {
    const result = await widget.updateSettings(session.shop, admin, parsed.value);
    return result.ok ? json({ saved: true }) : json({ error: result.error }, { status: 409 });
  } catch (error) {
    logger.warn("widget settings not saved", { shop: session.shop, error });
    return json({ error: "Chatwoot did not take the new settings. Try again in a moment." }, { status: 502 });
  }
}

type ActionData = { saved: true } | { errors: WidgetSettingsErrors } | { error: string };

export default function WidgetPage() {
  const { settings } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<ActionData>();
  const [values, setValues] = useState<WidgetSettings | null>(settings);
  const [submitted, setSubmitted] = useState<WidgetSettings | null>(null);
  const errors = fetcher.data && "errors" in fetcher.data ? fetcher.data.errors : {};
  // "Saved" holds only while the form still shows what was saved.
  const saved = fetcher.data && "saved" in fetcher.data && JSON.stringify(values) === JSON.stringify(submitted);

  if (!values) {
    return (
      <Page title="Chat widget" backAction={{ url: "/app" }}>
        <TitleBar title="Chat widget" />
        <Banner tone="info" title="Your Chatwoot account is still being set up">
          <p>The widget settings appear here once setup has finished.</p>
        </Banner>
      </Page>
    );
  }
  const set =
    <K extends keyof WidgetSettings>(key: K) =>
    (value: WidgetSettings[K]) =>
      setValues({ ...values, [key]: value });
  const save = () => {
    setSubmitted(values);
    fetcher.submit({ ...values, greeting_enabled: String(values.greeting_enabled) }, { method: "post" });
  };

  return (
    <Page
      title="Chat widget"
      backAction={{ url: "/app" }}
      primaryAction={{ content: "Save", onAction: save, loading: fetcher.state !== "idle" }}
    >
      <TitleBar title="Chat widget" />
      <Layout>
        {saved && fetcher.state === "idle" && (
          <Layout.Section>
            <Banner tone="success" title="Saved to your Chatwoot inbox">
              <p>Shoppers see the new settings the next time the chat opens.</p>
            </Banner>
          </Layout.Section>
        )}
        {fetcher.data && "error" in fetcher.data && (
          <Layout.Section>
            <Banner tone="critical">{fetcher.data.error}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <FormLayout>
              <TextField
                label="Welcome title"
                name="welcome_title"
                value={values.welcome_title}
                onChange={set("welcome_title")}
                error={errors.welcome_title}
                autoComplete="off"
              />
              <TextField
                label="Tagline"
                name="welcome_tagline"
                value={values.welcome_tagline}
                onChange={set("welcome_tagline")}
                error={errors.welcome_tagline}
                multiline={2}
                autoComplete="off"
              />
              <Checkbox
                label="Greet new visitors"
                checked={values.greeting_enabled}
                onChange={set("greeting_enabled")}
              />
              <TextField
                label="Greeting"
                name="greeting_message"
                value={values.greeting_message}
                onChange={set("greeting_message")}
                error={errors.greeting_message}
                disabled={!values.greeting_enabled}
                multiline={3}
                autoComplete="off"
              />
              <Select
                label="Reply time shown to shoppers"
                name="reply_time"
                options={REPLY_OPTIONS}
                value={values.reply_time}
                onChange={set("reply_time")}
                error={errors.reply_time}
              />
              <TextField
                label="Colour"
                name="widget_color"
                value={values.widget_color}
                onChange={set("widget_color")}
                error={errors.widget_color}
                helpText="Used by the chat window and the storefront launcher."
                prefix={
                  <span
                    style={{
                      display: "block",
                      width: 16,
                      height: 16,
                      borderRadius: 4,
                      background: values.widget_color,
                    }}
                  />
                }
                autoComplete="off"
              />
            </FormLayout>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card padding="0">
            <div style={{ background: values.widget_color, color: "#fff", padding: 16, borderRadius: "12px 12px 0 0" }}>
              <BlockStack gap="100">
                <Text as="h3" variant="headingMd">
                  {values.welcome_title || "Welcome"}
                </Text>
                <Text as="p">{values.welcome_tagline}</Text>
              </BlockStack>
            </div>
            <Box padding="400">
              <Text as="p" tone="subdued">
                {values.greeting_enabled && values.greeting_message
                  ? values.greeting_message
                  : "Preview of the chat window's header."}
              </Text>
            </Box>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
