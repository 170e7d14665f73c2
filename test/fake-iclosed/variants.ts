// Default answers to the reference's open questions (test code, never shipped).
import type { FakeVariants } from './types';

export const DEFAULT_VARIANTS: FakeVariants = {
	validationShape: 'zod',
	unknownFields: 'reject',
	eventCallsListStatus: 201,
	createStatus: 201,
	eventDatesTimes: 'hhmm',
	eventDatesEnvelope: 'data',
	eventDatesWindowDays: 7,
	eventDatesEmptyDays: 'omit',
	allowPastSlots: false,
	rescheduleEnvelope: 'dataEventCall',
	contactDetailParam: 'contactId',
	bookingRequiresSecondaryAnswers: false,
	journeyEndpoint: true,
	outcomeRules: 'strict',
	rateLimitHeaders: 'none',
	webhooksApi: 'enabled',
	webhookCreateEnvelope: 'flat',
	webhookListEnvelope: 'data',
	webhookIdType: 'number',
	webhookSecretField: 'secret',
	rejectEvents: [],
	outcomeMovesUpdatedAt: true,
	cancelMovesUpdatedAt: true,
	listsCarryUpdatedAt: true,
};
