import { parseWidgetSettings } from "../settings-form";

const VALID = {
  welcome_title: "Hi! Welcome to Demo Store",
  welcome_tagline: "Ask us anything.",
  greeting_enabled: "on",
  greeting_message: "Hello there",
  reply_time: "in_a_few_hours",
  widget_color: "#0B6E4F",
};

describe("the Widget page's form", () => {
  it("accepts valid settings, trimmed, with the colour lower-cased", () => {
    // WHEN
    const result = parseWidgetSettings({ ...VALID, welcome_title: "  Hi  " });
    // THEN
    expect(result).toEqual({
      ok: true,
      value: { ...VALID, welcome_title: "Hi", greeting_enabled: true, widget_color: "#0b6e4f" },
    });
  });

  it("answers one message per invalid field", () => {
    // WHEN
    const result = parseWidgetSettings({
      ...VALID,
      welcome_title: " ",
      greeting_message: "",
      reply_time: "next_week",
      widget_color: "green",
    });
    // THEN
    expect(result).toEqual({
      ok: false,
      errors: {
        welcome_title: "Enter a welcome title.",
        greeting_message: "Write the greeting, or switch it off.",
        reply_time: "Choose a reply time.",
        widget_color: "Use a hex colour such as #1f93ff.",
      },
    });
  });

  it("lets the greeting be empty when it is switched off", () => {
    // WHEN
    const result = parseWidgetSettings({ ...VALID, greeting_enabled: null, greeting_message: "" });
    // THEN
    expect(result.ok && result.value.greeting_enabled).toBe(false);
  });
});
