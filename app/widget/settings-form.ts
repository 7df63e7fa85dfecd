import { z } from "zod";

/** What the Widget page edits: inbox settings Chatwoot shows in the widget (the app owns them). */
export const REPLY_TIMES = ["in_a_few_minutes", "in_a_few_hours", "in_a_day"] as const;
export type ReplyTime = (typeof REPLY_TIMES)[number];

const GREETING_REQUIRED = "Write the greeting, or switch it off.";

export const widgetSettingsSchema = z
  .object({
    welcome_title: z.string().trim().min(1, "Enter a welcome title.").max(255, "Keep it under 255 characters."),
    welcome_tagline: z.string().trim().max(255, "Keep it under 255 characters."),
    greeting_enabled: z.boolean(),
    greeting_message: z.string().trim().max(10_000, "Keep the greeting under 10,000 characters."),
    reply_time: z.enum(REPLY_TIMES, { error: "Choose a reply time." }),
    widget_color: z
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour such as #1f93ff.")
      .transform((c) => c.toLowerCase()),
  })
  .superRefine((value, ctx) => {
    if (value.greeting_enabled && !value.greeting_message) {
      ctx.addIssue({ code: "custom", path: ["greeting_message"], message: GREETING_REQUIRED });
    }
  });

export type WidgetSettings = z.output<typeof widgetSettingsSchema>;
export type WidgetSettingsField = keyof WidgetSettings;
export type WidgetSettingsErrors = Partial<Record<WidgetSettingsField, string>>;

/** Form fields in, settings or one message per field out (the route answers 400 with the errors). */
export function parseWidgetSettings(
  form: Record<string, FormDataEntryValue | null>,
): { ok: true; value: WidgetSettings } | { ok: false; errors: WidgetSettingsErrors } {
  const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  const input = {
    welcome_title: text("welcome_title"),
    welcome_tagline: text("welcome_tagline"),
    greeting_enabled: ["on", "true"].includes(text("greeting_enabled")),
    greeting_message: text("greeting_message"),
    reply_time: text("reply_time"),
    widget_color: text("widget_color"),
  };
  const parsed = widgetSettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: WidgetSettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as WidgetSettingsField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  // zod skips the object-level refinement while a field is invalid; the merchant should see every problem at once.
  if (input.greeting_enabled && !input.greeting_message.trim()) errors.greeting_message ??= GREETING_REQUIRED;
  return { ok: false, errors };
}
