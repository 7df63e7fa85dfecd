import { HttpFailure, json } from "./http";

/** Rails' `humanize` of an attribute name: "phone_number" → "Phone number". */
export function humanize(attribute: string): string {
  const words = attribute.replace(/_id$/, "").replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * ActiveModel errors, rendered the way Chatwoot's `render_record_invalid` does:
 * 422 `{"message": full messages joined with ", ", "attributes": [names]}`.
 */
export class FieldErrors {
  private readonly entries: { attribute: string; message: string }[] = [];

  add(attribute: string, message: string): this {
    this.entries.push({ attribute, message });
    return this;
  }

  get any(): boolean {
    return this.entries.length > 0;
  }

  has(attribute: string): boolean {
    return this.entries.some((e) => e.attribute === attribute);
  }

  body(): { message: string; attributes: string[] } {
    return {
      message: this.entries.map((e) => `${humanize(e.attribute)} ${e.message}`).join(", "),
      attributes: [...new Set(this.entries.map((e) => e.attribute))],
    };
  }

  throwIfAny(): void {
    if (this.any) throw new HttpFailure(json(422, this.body()));
  }
}

/** Devise's default email format. */
export const EMAIL_FORMAT = /^[^@\s]+@[^@\s]+$/;

/** Chatwoot's contact phone check: anchored only at the end, like the Ruby `\z` original. */
export const E164_SUFFIX = /\+[1-9]\d{1,14}$/;

export function tooLong(errors: FieldErrors, attribute: string, value: string | null | undefined, max: number): void {
  if (value && value.length > max) errors.add(attribute, `is too long (maximum is ${max} characters)`);
}
