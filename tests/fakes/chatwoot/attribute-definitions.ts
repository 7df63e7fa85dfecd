import { ATTRIBUTE_MODELS, DISPLAY_TYPES, STANDARD_KEYS } from "./constants";
import { appNotFound, railsFailure } from "./errors";
import { json, noContent } from "./http";
import { idParam, type Params, requireParam, textParam } from "./params";
import { removeWhere } from "./state";
import { accountRoute, type AccountCtx, type Route } from "./router";
import type { AttributeDefinitionRecord } from "./types";
import { FieldErrors } from "./validation";
import { definitionJson } from "./views-contact";

const BASE = "/api/v1/accounts/:account_id/custom_attribute_definitions";
const WRAPPED = [
  "attribute_display_name",
  "attribute_description",
  "attribute_display_type",
  "attribute_key",
  "attribute_model",
  "regex_pattern",
  "regex_cue",
  "default_value",
  "attribute_values",
];
const KEY_CONFLICT = "The provided key is not allowed as it might conflict with default attributes.";

/**
 * Rails enum assignment: the name or the integer value; anything else (including "1" as a
 * string) raises ArgumentError, which no handler catches (500).
 */
function enumValue(value: unknown, names: readonly string[]): string {
  if (typeof value === "string" && names.includes(value)) return value;
  if (typeof value === "number" && Number.isInteger(value) && names[value] !== undefined) return names[value];
  throw railsFailure(500);
}

function assign(target: AttributeDefinitionRecord, input: Params): void {
  const text = (key: string) => textParam(input, key);
  if (text("attribute_display_name") !== undefined) target.attributeDisplayName = text("attribute_display_name") ?? "";
  if (text("attribute_key") !== undefined) target.attributeKey = text("attribute_key") ?? "";
  if (text("attribute_description") !== undefined) target.attributeDescription = text("attribute_description") ?? null;
  if (text("regex_pattern") !== undefined) target.regexPattern = text("regex_pattern") ?? null;
  if (text("regex_cue") !== undefined) target.regexCue = text("regex_cue") ?? null;
  if (input.default_value !== undefined) target.defaultValue = input.default_value;
  if (Array.isArray(input.attribute_values)) target.attributeValues = input.attribute_values;
  if (input.attribute_display_type !== undefined) {
    target.attributeDisplayType = enumValue(input.attribute_display_type, DISPLAY_TYPES);
  }
  if (input.attribute_model !== undefined) {
    target.attributeModel = enumValue(
      input.attribute_model,
      ATTRIBUTE_MODELS,
    ) as AttributeDefinitionRecord["attributeModel"];
  }
}

function validate(ctx: AccountCtx, draft: AttributeDefinitionRecord, creating: boolean): void {
  const errors = new FieldErrors();
  if (draft.attributeDisplayName.trim() === "") errors.add("attribute_display_name", "can't be blank");
  if (draft.attributeKey.trim() === "") errors.add("attribute_key", "can't be blank");
  const taken = ctx.core.state.attributeDefinitions.some(
    (d) =>
      d.accountId === draft.accountId &&
      d.attributeModel === draft.attributeModel &&
      d.attributeKey === draft.attributeKey &&
      d.id !== draft.id,
  );
  if (taken) errors.add("attribute_key", "has already been taken");
  if (creating && STANDARD_KEYS[draft.attributeModel].includes(draft.attributeKey))
    errors.add("attribute_key", KEY_CONFLICT);
  errors.throwIfAny();
}

function findDefinition(ctx: AccountCtx): AttributeDefinitionRecord {
  const id = idParam(ctx.pathParams.id);
  const found = ctx.core.state.attributeDefinitions.find((d) => d.id === id && d.accountId === ctx.account.id);
  if (!found) throw appNotFound();
  return found;
}

/** `attribute_model` filter: the name or its integer as a string ("1"); unknown values match nothing. */
function modelFilter(raw: string | null | undefined): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  const index = /^\d+$/.test(raw) ? Number(raw) : -1;
  return ATTRIBUTE_MODELS[index] ?? raw;
}

export const attributeDefinitionRoutes: Route[] = [
  accountRoute("GET", BASE, (ctx) => {
    const model = modelFilter(textParam(ctx.params, "attribute_model"));
    const rows = ctx.core.state.attributeDefinitions.filter(
      (d) => d.accountId === ctx.account.id && (model === undefined || d.attributeModel === model),
    );
    return json(200, rows.map(definitionJson));
  }),
  accountRoute("GET", `${BASE}/:id`, (ctx) => json(200, definitionJson(findDefinition(ctx)))),
  accountRoute("POST", BASE, (ctx) => {
    const input = requireParam(ctx.params, ctx.json, "custom_attribute_definition", WRAPPED);
    const now = ctx.core.now();
    const draft: AttributeDefinitionRecord = {
      id: 0,
      accountId: ctx.account.id,
      attributeDisplayName: "",
      attributeDisplayType: "text",
      attributeKey: "",
      // The column default: a definition sent without a model is a *conversation* attribute.
      attributeModel: "conversation_attribute",
      attributeDescription: null,
      attributeValues: [],
      regexPattern: null,
      regexCue: null,
      defaultValue: null,
      createdAt: now,
      updatedAt: now,
    };
    assign(draft, input);
    validate(ctx, draft, true);
    draft.id = ctx.core.state.nextId("attributeDefinitions");
    ctx.core.state.attributeDefinitions.push(draft);
    return json(200, definitionJson(draft));
  }),
  ...["PATCH", "PUT"].map((method) =>
    accountRoute(method, `${BASE}/:id`, (ctx) => {
      const definition = findDefinition(ctx);
      const input = requireParam(ctx.params, ctx.json, "custom_attribute_definition", WRAPPED);
      const draft = { ...definition };
      assign(draft, input);
      validate(ctx, draft, false);
      Object.assign(definition, draft, { updatedAt: ctx.core.now() });
      return json(200, definitionJson(definition));
    }),
  ),
  accountRoute("DELETE", `${BASE}/:id`, (ctx) => {
    const definition = findDefinition(ctx);
    removeWhere(ctx.core.state.attributeDefinitions, (d) => d.id === definition.id);
    return noContent();
  }),
];
