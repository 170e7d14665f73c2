/**
 * What the nodes panel shows on the iClosed page. n8n groups the action node and the trigger under one
 * "iClosed" entry and shows one of their descriptions there (the trigger's, in n8n 2.x), above both the
 * triggers and the actions, so every iClosed node carries the app's description rather than its own.
 */
export const ICLOSED_APP_DESCRIPTION =
	'Sales-call scheduling and CRM: book, reschedule and cancel calls, manage contacts, deals and outcomes, and start workflows on iClosed events';
