import { isResolved } from "./contact-writes";
import type { SimCore } from "./core";
import { railsFailure, unprocessable } from "./errors";
import { isObject } from "./params";
import type { AccountRecord, AttributeDefinitionRecord, ContactRecord } from "./types";

type Value = string | number | boolean | null | undefined;
type Reader = (c: ContactRecord) => Value;

const TEXT_OPS = ["equal_to", "not_equal_to", "contains", "does_not_contain"];
const DATE_OPS = ["is_greater_than", "is_less_than", "days_before"];

/** lib/filters/filter_keys.yml for contacts: how to read each standard key and which operators it takes. */
const STANDARD: Record<string, { read: Reader; ops: string[] }> = {
  name: { read: (c) => c.name, ops: TEXT_OPS },
  email: { read: (c) => c.email, ops: TEXT_OPS },
  phone_number: { read: (c) => c.phoneNumber, ops: [...TEXT_OPS, "starts_with"] },
  identifier: { read: (c) => c.identifier, ops: ["equal_to", "not_equal_to"] },
  country_code: { read: (c) => attr(c.additionalAttributes.country_code), ops: TEXT_OPS },
  city: { read: (c) => attr(c.additionalAttributes.city), ops: TEXT_OPS },
  company: { read: (c) => attr(c.additionalAttributes.company_name), ops: TEXT_OPS },
  labels: { read: () => null, ops: ["equal_to", "not_equal_to", "is_present", "is_not_present"] },
  created_at: { read: (c) => c.createdAt, ops: DATE_OPS },
  last_activity_at: { read: (c) => c.lastActivityAt, ops: DATE_OPS },
  blocked: { read: (c) => c.blocked, ops: ["equal_to", "not_equal_to"] },
};

const CUSTOM_OPS: Record<string, string[]> = {
  text: [...TEXT_OPS, "is_present", "is_not_present"],
  number: ["equal_to", "not_equal_to", "is_present", "is_not_present", "is_greater_than", "is_less_than"],
  date: ["equal_to", "not_equal_to", "is_present", "is_not_present", ...DATE_OPS],
  checkbox: ["equal_to", "not_equal_to"],
};

function attr(value: unknown): Value {
  return typeof value === "object" ? null : (value as Value);
}

interface Condition {
  key: string;
  operator: string;
  values: Value[];
  joiner: unknown;
  read: Reader;
  definition?: AttributeDefinitionRecord;
}

/**
 * POST /contacts/filter. Conditions are chained with their `query_operator` into one SQL string,
 * so AND binds tighter than OR, a missing joiner between two conditions or a joiner on the last
 * one is a SQL syntax error (500), and SQL NULLs never match (`!=` on a missing email is false).
 */
export function filterContacts(core: SimCore, account: AccountRecord, payload: unknown): ContactRecord[] {
  if (!Array.isArray(payload)) throw railsFailure(500);
  const definitions = core.state.attributeDefinitions.filter(
    (d) => d.accountId === account.id && d.attributeModel === "contact_attribute",
  );
  const conditions = payload.map((raw) => parseCondition(raw, definitions));
  conditions.forEach((c, i) => {
    const joiner = typeof c.joiner === "string" ? c.joiner.toUpperCase() : c.joiner;
    if (joiner !== null && joiner !== undefined && joiner !== "AND" && joiner !== "OR") {
      throw unprocessable('Query operator must be either "AND" or "OR".');
    }
    const last = i === conditions.length - 1;
    if (last !== (joiner === null || joiner === undefined)) throw railsFailure(500);
  });
  const contacts = core.state.contacts.filter((c) => c.accountId === account.id && isResolved(c));
  const now = core.now();
  return contacts.filter((contact) => evaluate(conditions, contact, now));
}

function parseCondition(raw: unknown, definitions: AttributeDefinitionRecord[]): Condition {
  if (!isObject(raw)) throw railsFailure(500);
  const key = String(raw.attribute_key ?? "");
  const operator = String(raw.filter_operator ?? "");
  const values = (Array.isArray(raw.values) ? raw.values : [raw.values]) as Value[];
  const standard = STANDARD[key];
  const definition = definitions.find((d) => d.attributeKey === key);
  if (!standard && !definition) {
    const allowed = Object.keys(STANDARD).join(",");
    throw unprocessable(
      `Invalid attribute key - [${key}]. The key should be one of [${allowed}] or a custom attribute defined in the account.`,
    );
  }
  const ops = standard?.ops ?? CUSTOM_OPS[castOf(definition)] ?? [];
  if (!ops.includes(operator)) {
    throw unprocessable(`Invalid operator. The allowed operators for ${key} are [${ops.join(",")}].`);
  }
  const needsValue = !["is_present", "is_not_present"].includes(operator);
  if (needsValue && (values.length === 0 || values[0] === undefined || values[0] === null || values[0] === "")) {
    throw unprocessable(`Invalid value. The values provided for ${key} are invalid`);
  }
  const read: Reader = standard?.read ?? ((c) => attr(c.customAttributes[key]));
  return { key, operator, values, joiner: raw.query_operator, read, definition };
}

/** FilterService::ATTRIBUTE_TYPES; currency and percent have no cast and behave as text. */
function castOf(definition: AttributeDefinitionRecord | undefined): string {
  const type = definition?.attributeDisplayType ?? "text";
  return type === "number" || type === "date" || type === "checkbox" ? type : "text";
}

function evaluate(conditions: Condition[], contact: ContactRecord, now: number): boolean {
  // OR of AND-chains, which is how SQL reads `a AND b OR c`.
  let any = false;
  let chain = true;
  conditions.forEach((condition, i) => {
    chain = chain && matches(condition, contact, now);
    const joiner = String(conditions[i]?.joiner ?? "").toUpperCase();
    if (joiner !== "AND") {
      any = any || chain;
      chain = true;
    }
  });
  return any;
}

function matches(condition: Condition, contact: ContactRecord, now: number): boolean {
  const actual = condition.read(contact);
  const first = condition.values[0];
  const lower = (v: Value) => (typeof v === "string" ? v.toLowerCase() : v);
  const missing = actual === null || actual === undefined || actual === "";
  switch (condition.operator) {
    case "equal_to":
      return !missing && String(lower(actual)) === String(lower(first));
    case "not_equal_to":
      // Custom attributes add "OR value IS NULL"; plain columns compare NULL as unknown.
      if (missing) return condition.definition !== undefined;
      return String(lower(actual)) !== String(lower(first));
    case "contains":
      return (
        !missing && condition.values.some((v) => String(actual).toLowerCase().includes(String(v).trim().toLowerCase()))
      );
    case "does_not_contain":
      return (
        !missing &&
        condition.values.every((v) => !String(actual).toLowerCase().includes(String(v).trim().toLowerCase()))
      );
    case "starts_with":
      return !missing && String(actual).startsWith(String(first));
    case "is_present":
      return !missing;
    case "is_not_present":
      return missing;
    default:
      return compare(condition, actual, first, now);
  }
}

function compare(condition: Condition, actual: Value, first: Value, now: number): boolean {
  if (actual === null || actual === undefined) return false;
  const isDate =
    condition.key === "created_at" || condition.key === "last_activity_at" || castOf(condition.definition) === "date";
  const toNumber = (v: Value) => (isDate ? Date.parse(String(v)) : Number(v));
  const left = typeof actual === "number" && isDate ? actual : toNumber(actual);
  let right = toNumber(first);
  let operator = condition.operator;
  if (operator === "days_before") {
    right = now - Number(first) * 86_400_000;
    operator = "is_less_than";
  }
  if (Number.isNaN(left) || Number.isNaN(right)) return false;
  return operator === "is_greater_than" ? left > right : left < right;
}
