/**
 * What Chatwoot (v4.10.1) posts to a dashboard app: the selected conversation as the conversation list
 * serializes it, the contact, and the signed-in agent. The sandbox host page builds it for a demo
 * contact; `locale` stands in for a Chatwoot that tells the app the agent's language.
 */
export interface DemoContact {
  contactId: number;
  name: string;
  email: string | null;
  phone: string | null;
  /** The Shopify customer id the sync set as the contact's identifier. */
  identifier: string | null;
}

export function demoAppContext(input: {
  accountId: number;
  conversationId: number;
  contact: DemoContact;
  verified: boolean;
  locale?: string;
}) {
  const { contact } = input;
  const sender = {
    id: contact.contactId,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phone,
    identifier: contact.identifier,
    custom_attributes: {},
    additional_attributes: {},
  };
  return {
    event: "appContext",
    data: {
      conversation: {
        id: input.conversationId,
        account_id: input.accountId,
        inbox_id: 1,
        status: "open",
        labels: [],
        custom_attributes: {},
        additional_attributes: {},
        meta: { sender, assignee: null, team: null, channel: "Channel::WebWidget", hmac_verified: input.verified },
      },
      contact: { ...sender, contact_inboxes: [] },
      currentAgent: {
        id: 1,
        name: "Demo Agent",
        email: "agent@demo-store.example",
        ...(input.locale ? { ui_settings: { locale: input.locale } } : {}),
      },
    },
  };
}
