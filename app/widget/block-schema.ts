import { z } from "zod";

/**
 * The `{% schema %}` of an app embed block, checked where theme-check does not look: theme-check
 * accepts an unknown `target` or setting `type` without a word, and Shopify only refuses them on
 * deploy.
 */
const translatable = z.string().min(1);
const base = { id: z.string().regex(/^[a-z][a-z0-9_]*$/), label: translatable, info: translatable.optional() };
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);

const setting = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("checkbox"), ...base, default: z.boolean().optional() }),
  z.strictObject({
    type: z.enum(["select", "radio"]),
    ...base,
    options: z.array(z.strictObject({ value: z.string().min(1), label: translatable })).min(1),
    default: z.string().optional(),
  }),
  z.strictObject({
    type: z.enum(["text", "textarea", "url"]),
    ...base,
    default: z.string().optional(),
    placeholder: translatable.optional(),
  }),
  z.strictObject({ type: z.literal("color"), ...base, default: hexColor.optional() }),
  z.strictObject({
    type: z.enum(["number", "range"]),
    ...base,
    default: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().optional(),
    unit: z.string().optional(),
  }),
  z.strictObject({ type: z.enum(["header", "paragraph"]), content: translatable, info: translatable.optional() }),
]);

export type BlockSetting = z.infer<typeof setting>;

const templates = z.strictObject({ templates: z.array(z.string().min(1)).min(1) });

export const appEmbedSchema = z
  .strictObject({
    name: translatable,
    /** App embeds render at the end of `<head>` or `<body>`; `section` is for app blocks. */
    target: z.enum(["head", "body", "compliance_head"]),
    javascript: z
      .string()
      .regex(/^[\w.-]+\.js$/)
      .optional(),
    stylesheet: z
      .string()
      .regex(/^[\w.-]+\.css$/)
      .optional(),
    class: z.string().optional(),
    tag: z.string().optional(),
    available_if: z
      .string()
      .regex(/^\{\{\s*app\.metafields\.[\w.]+\s*\}\}$/)
      .optional(),
    enabled_on: templates.optional(),
    disabled_on: templates.optional(),
    settings: z.array(setting).max(25),
  })
  .superRefine((schema, ctx) => {
    if (schema.enabled_on && schema.disabled_on)
      ctx.addIssue({ code: "custom", message: "enabled_on or disabled_on, not both" });
    const ids = schema.settings.flatMap((s) => ("id" in s ? [s.id] : []));
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "setting ids must be unique" });
    for (const s of schema.settings) {
      if ((s.type === "select" || s.type === "radio") && s.default !== undefined) {
        if (!s.options.some((o) => o.value === s.default)) {
          ctx.addIssue({
            code: "custom",
            path: ["settings", s.id],
            message: `default "${s.default}" is not an option`,
          });
        }
      }
    }
  });

export type AppEmbedSchema = z.infer<typeof appEmbedSchema>;

/** The JSON between `{% schema %}` and `{% endschema %}`, parsed but not yet validated. */
export function readSchemaJson(liquid: string): unknown {
  const found = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(liquid);
  if (!found?.[1]) throw new Error("the block has no {% schema %}");
  return JSON.parse(found[1]);
}

/** `block.settings` as Shopify hands them to Liquid before a merchant changed anything. */
export function defaultSettings(schema: AppEmbedSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of schema.settings) {
    if (!("id" in s)) continue;
    // Shopify gives an unset text or colour setting as nil, which Liquid's `blank` and `default` treat as empty.
    out[s.id] = "default" in s ? (s.default ?? null) : null;
  }
  return out;
}
