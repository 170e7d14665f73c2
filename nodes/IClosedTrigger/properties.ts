import type { INodeProperties } from 'n8n-workflow';

import { FILTERS_PROPERTY } from '../shared/events/filtersProperty';
import { eventOptions } from './eventNames';
import { ICLOSED_WEBHOOK_REQUIREMENTS } from './manualSetup';

/** The trigger's parameters. Names are public (VERSIONING.md): `events` must not be renamed. */
export const triggerProperties: INodeProperties[] = [
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
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: eventOptions(),
		description:
			'The iClosed events that start this workflow. "Unconfirmed" events are listed by iClosed without a documented payload. Contact status deliveries arrive minutes late by design (iClosed waits the delay set on its trigger).',
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
