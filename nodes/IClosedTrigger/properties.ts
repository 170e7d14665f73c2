import type { INodeProperties } from 'n8n-workflow';

import { FILTERS_PROPERTY } from '../shared/events/filtersProperty';
import { eventOptions } from './eventNames';
import { ICLOSED_WEBHOOK_REQUIREMENTS } from './manualSetup';

/**
 * The sandbox's command for a test event (what `npm start` prints). n8n's own hint while a trigger listens
 * ("Go to iClosed and create an event") cannot be changed by a node, so the notice a listening user sees
 * at the top of the node says it, for iClosed and for the package's sandbox.
 */
export const SANDBOX_EVENT_COMMAND = 'npm run sandbox:event -- call.booked';

const EVENTS_DESCRIPTION =
	'The iClosed events that start this workflow. Contact status deliveries arrive minutes late by design (iClosed waits the delay set on its trigger).';

/** The trigger's parameters. Names are public (VERSIONING.md): `events` must not be renamed. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName: `To test: click Execute step, then make the event happen in iClosed (e.g. book a call). Trying the package's sandbox (npm start)? While this node listens, run ${SANDBOX_EVENT_COMMAND} (or another event) in the package's folder.`,
		name: 'testEventNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: ICLOSED_WEBHOOK_REQUIREMENTS,
		name: 'requirementsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		default: 'automatic',
		description: 'How the webhook gets into iClosed: registered by this node through the API, or pasted in by you',
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description: 'Register the webhook with iClosed through its API when the workflow is published (activated on n8n 1.x), remove it when unpublished',
			},
			{
				name: 'Manual',
				value: 'manual',
				description: 'You paste the webhook URL into iClosed yourself; n8n makes no iClosed API calls',
			},
		],
	},
	{
		displayName:
			'Copy the Production URL from "Webhook URLs" above into iClosed → Settings → Developer → Webhooks (Super Admin only; iClosed support switches webhooks on for an account), choose the same triggers there, then publish this workflow (activate it on n8n 1.x). The credential is optional here: choose one to keep a signing secret in it or to list booking pages in Filters.',
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	// Two variants of one `events` parameter; n8n shows the one whose displayOptions match. n8n's nodes panel
	// makes a trigger entry of each option of the first parameter *labelled* "Events" (the documented events
	// only) and sets that parameter's display condition on the node it adds (showUnconfirmedEvents: false), so
	// events iClosed has never been seen to send stay out of the panel. The full list is labelled otherwise
	// and comes first, so code that looks `events` up by name sees every value the parameter may hold. It names
	// the switch by its root path ('/…', the same parameter): n8n's editor clears a multiOptions value when a
	// parameter its displayOptions name directly changes, and turning the switch on must keep the chosen events.
	{
		displayName: 'Events (Including Unconfirmed)',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: eventOptions('all'),
		displayOptions: { show: { '/showUnconfirmedEvents': [true] } },
		description: EVENTS_DESCRIPTION,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: eventOptions('documented'),
		displayOptions: { show: { showUnconfirmedEvents: [false] } },
		description: EVENTS_DESCRIPTION,
	},
	{
		displayName: 'Show Unconfirmed Events',
		name: 'showUnconfirmedEvents',
		type: 'boolean',
		// true: a workflow saved before this option existed may have an unconfirmed event selected and keeps
		// showing it as an option. Nodes added from the nodes panel get false (see above).
		default: true,
		description:
			'Whether to also offer the events iClosed lists on its API page but has never been seen to send (no documented payload): they may never arrive',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return one clean item per event instead of the payload exactly as iClosed sent it',
	},
	FILTERS_PROPERTY,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Signature Check',
				name: 'signaturePolicy',
				type: 'options',
				default: 'whenSigned',
				options: [
					{
						name: 'Off',
						value: 'off',
						description: 'Accept every delivery to this URL',
					},
					{
						name: 'Require',
						value: 'require',
						description: 'Answer 401 to any delivery without a valid signature',
					},
					{
						name: 'Verify When Signed',
						value: 'whenSigned',
						description: 'Check a signature whenever one arrives and a signing secret is known',
					},
				],
				description:
					"How to treat an HMAC-SHA256 signature on deliveries. No one has seen iClosed sign a delivery so far: what protects this trigger is the unguessable ID in n8n's webhook URL, so keep that URL secret. Keep Verify When Signed unless iClosed gives you a signing secret.",
			},
			{
				displayName: 'Signing Secret (Deprecated)',
				name: 'signingSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				// Shown only where an older workflow has a value (still read): it cannot be added anew.
				displayOptions: { show: { signingSecret: [{ _cnd: { exists: true } }] } },
				description:
					"Deprecated: a secret typed here is saved in the workflow's JSON and travels with every export. Put it in the iClosed API credential's Webhook Signing Secret field instead and clear this one. Still used when set; it can no longer be added.",
			},
		],
	},
];
