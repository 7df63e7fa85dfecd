import { addAccountUserFactory } from "./platform/add-account-user";
import { createAccountFactory } from "./platform/create-account";
import { createUserFactory } from "./platform/create-user";
import { deleteAccountFactory } from "./platform/delete-account";
import { deleteUserFactory } from "./platform/delete-user";
import { getAccountFactory } from "./platform/get-account";
import { getUserFactory } from "./platform/get-user";
import { getUserLoginLinkFactory } from "./platform/get-user-login-link";
import { listAccountsFactory } from "./platform/list-accounts";
import { listAccountUsersFactory } from "./platform/list-account-users";
import { removeAccountUserFactory } from "./platform/remove-account-user";
import { updateAccountFactory } from "./platform/update-account";
import { createAttributeDefinitionFactory } from "./account/create-attribute-definition";
import { createContactFactory } from "./account/create-contact";
import { createDashboardAppFactory } from "./account/create-dashboard-app";
import { createWebWidgetInboxFactory } from "./account/create-web-widget-inbox";
import { deleteContactFactory } from "./account/delete-contact";
import { deleteDashboardAppFactory } from "./account/delete-dashboard-app";
import { destroyContactCustomAttributesFactory } from "./account/destroy-contact-custom-attributes";
import { filterContactsFactory } from "./account/filter-contacts";
import { getContactFactory } from "./account/get-contact";
import { getInboxFactory } from "./account/get-inbox";
import { getProfileFactory } from "./account/get-profile";
import { listAttributeDefinitionsFactory } from "./account/list-attribute-definitions";
import { listContactConversationsFactory } from "./account/list-contact-conversations";
import { listConversationMessagesFactory } from "./account/list-conversation-messages";
import { listDashboardAppsFactory } from "./account/list-dashboard-apps";
import { listInboxesFactory } from "./account/list-inboxes";
import { searchContactsFactory } from "./account/search-contacts";
import { updateContactFactory } from "./account/update-contact";
import { updateDashboardAppFactory } from "./account/update-dashboard-app";
import { updateInboxFactory } from "./account/update-inbox";
import { createChatwootTransport } from "./transport";
import type { ChatwootAccountClientOptions, ChatwootPlatformClientOptions } from "./types";

/**
 * Installation-level client (platform app token): accounts, users and their roles. Its
 * token must never be used for the Application API, and the Application API's user tokens
 * never here; hence two clients rather than one with two tokens.
 */
export function createChatwootPlatformClient({ platformToken, ...options }: ChatwootPlatformClientOptions) {
  const deps = { transport: createChatwootTransport({ ...options, token: platformToken }) };
  return {
    createAccount: createAccountFactory(deps),
    getAccount: getAccountFactory(deps),
    listAccounts: listAccountsFactory(deps),
    updateAccount: updateAccountFactory(deps),
    deleteAccount: deleteAccountFactory(deps),
    createUser: createUserFactory(deps),
    getUser: getUserFactory(deps),
    deleteUser: deleteUserFactory(deps),
    getUserLoginLink: getUserLoginLinkFactory(deps),
    addAccountUser: addAccountUserFactory(deps),
    listAccountUsers: listAccountUsersFactory(deps),
    removeAccountUser: removeAccountUserFactory(deps),
  };
}

/** Application API client for one account, acting as one user (its `access_token`). */
export function createChatwootAccountClient({ accountId, userToken, ...options }: ChatwootAccountClientOptions) {
  const deps = { accountId, transport: createChatwootTransport({ ...options, token: userToken }) };
  return {
    getProfile: getProfileFactory(deps),
    listInboxes: listInboxesFactory(deps),
    getInbox: getInboxFactory(deps),
    createWebWidgetInbox: createWebWidgetInboxFactory(deps),
    updateInbox: updateInboxFactory(deps),
    listAttributeDefinitions: listAttributeDefinitionsFactory(deps),
    createAttributeDefinition: createAttributeDefinitionFactory(deps),
    listDashboardApps: listDashboardAppsFactory(deps),
    createDashboardApp: createDashboardAppFactory(deps),
    updateDashboardApp: updateDashboardAppFactory(deps),
    deleteDashboardApp: deleteDashboardAppFactory(deps),
    createContact: createContactFactory(deps),
    getContact: getContactFactory(deps),
    updateContact: updateContactFactory(deps),
    deleteContact: deleteContactFactory(deps),
    searchContacts: searchContactsFactory(deps),
    filterContacts: filterContactsFactory(deps),
    destroyContactCustomAttributes: destroyContactCustomAttributesFactory(deps),
    listContactConversations: listContactConversationsFactory(deps),
    listConversationMessages: listConversationMessagesFactory(deps),
  };
}

export type ChatwootPlatformClient = ReturnType<typeof createChatwootPlatformClient>;
export type ChatwootAccountClient = ReturnType<typeof createChatwootAccountClient>;

export { createChatwootTransport } from "./transport";
export {
  ChatwootError,
  ChatwootHttpError,
  ChatwootNetworkError,
  ChatwootRateLimitError,
  ChatwootRetriableError,
  ChatwootSchemaError,
  ChatwootTimeoutError,
  isDuplicateError,
  isNotFound,
  isUnauthorized,
  transient,
} from "./errors";
export type * from "./types";
