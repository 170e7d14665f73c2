import type { QuestionAnswer } from './questions';
import type { Tracking } from './tracking';

/**
 * The items both triggers emit with Simplify on, one shape per payload family (eventList.ts): what an
 * iClosed event is, whichever source told us. The webhook trigger maps a delivery to it
 * (IClosedTrigger/simplify/), the polling trigger a REST record (IClosedPollingTrigger/records/); neither
 * goes through the other's source. A field a source cannot know is `null` (an empty list or map for
 * lists and maps), and is listed below; test/unit/events/sameItems.test.ts pins that the same iClosed
 * facts give equal items from either source. Field names are public: final once released (VERSIONING.md).
 * Values follow the rules in values.ts and time.ts (ids as numbers, UTC times as `…Z`, local times with
 * their offset).
 */
export type Id = number | string | null;

/** Every item starts with these. */
export interface ItemHead {
	event: string;
	receivedAt: string;
}

export interface CallPart {
	id: Id;
	callPreviewId: string | null;
	callType: string | null;
	startTime: string | null;
	endTime: string | null;
	hostStartTime: string | null;
	hostEndTime: string | null;
	inviteeStartTime: string | null;
	inviteeEndTime: string | null;
	inviteeTimeZone: string | null;
	location: string | null;
	locationType: string | null;
	createdAt: string | null;
	bookedFrom: string | null;
	cancelled: boolean;
	cancelledBy: string | null;
	cancelReason: string | null;
	cancelledAt: string | null;
	rescheduled: boolean;
	rescheduledBy: string | null;
	rescheduleReason: string | null;
	previousStartTime: string | null;
	rescheduleLink: string | null;
}

export interface EventTypePart {
	id: Id;
	name: string | null;
	slug: string | null;
	kind: string | null;
	durationMinutes: number | null;
	url: string | null;
}

/** The call's host: its closer. */
export interface Closer {
	id: Id;
	name: string | null;
	email: string | null;
	timeZone: string | null;
}

/** One assigned host. */
export interface Host {
	id: Id;
	name: string | null;
	email: string | null;
	primary: boolean;
}

export interface Setter {
	id: Id;
	name: string | null;
	email: string | null;
	/** The `setBy` person iClosed adds to the setter block, when it names one. */
	setBy: { name: string | null; email: string | null } | null;
}

/** call.booked, call.cancelled, call.rescheduled (and call.completed). */
export interface CallItemBody {
	call: CallPart;
	eventType: EventTypePart;
	host: Closer | null;
	hosts: Host[];
	setter: Setter | null;
	/** The invitee, by the contact fields a call knows. */
	contact: Pick<ContactPart, 'id' | 'previewId' | 'previewUrl' | 'firstName' | 'lastName' | 'name' | 'email' | 'phone' | 'timeZone'>;
	questions: QuestionAnswer[];
	customFields: Record<string, unknown>;
	tracking: Tracking | null;
}

export interface ContactPart {
	id: Id;
	previewId: string | null;
	previewUrl: string | null;
	firstName: string | null;
	lastName: string | null;
	name: string | null;
	email: string | null;
	phone: string | null;
	secondaryEmail: string | null;
	secondaryPhone: string | null;
	status: string | null;
	timeZone: string | null;
	country: string | null;
	ownerId: Id;
	joinedAt: string | null;
	createdAt: string | null;
	updatedAt: string | null;
	updatedFields: string[];
	disqualifiedBy: string | null;
}

export interface BookingPagePart {
	id: Id;
	name: string | null;
	linkPrefix: string | null;
	callType: string | null;
	url: string | null;
}

export interface LatestCallPart {
	id: Id;
	startTime: string | null;
	durationMinutes: number | null;
	host: { id: Id; name: string | null; email: string | null } | null;
}

/** contact.created, contact.updated, contact.status_changed. */
export interface ContactItemBody {
	contact: ContactPart;
	bookingPage: BookingPagePart | null;
	latestCall: LatestCallPart | null;
	questions: QuestionAnswer[];
	customFields: Record<string, unknown>;
	tracking: Tracking | null;
}

export interface OutcomePart {
	result: string | null;
	noSaleReason: string | null;
	objection: string | null;
	notes: string | null;
	dealValue: number | null;
	product: string | null;
	deal: { type: string | null; value: number | null; createdAt: string | null } | null;
	transactions: unknown[];
}

/** call.outcome_added (and outcome.recorded). */
export interface OutcomeItemBody {
	outcome: OutcomePart;
	call: {
		id: Id;
		startTime: string | null;
		durationMinutes: number | null;
		eventType: { id: Id; name: string | null };
		host: { id: Id; email: string | null };
	};
	contact: {
		id: Id;
		firstName: string | null;
		lastName: string | null;
		name: string | null;
		email: string | null;
		phone: string | null;
	};
	customFields: Record<string, unknown>;
}

/**
 * Fields of the item (dotted paths) that iClosed's REST records do not carry, so the polling trigger's
 * items have them `null` (empty for lists and maps) unless a record does carry them: what only a
 * delivery says. A call record names the closer, not every assigned host (`hosts` holds the closer).
 */
export const NOT_IN_RECORDS = {
	call: [
		'call.callPreviewId',
		'call.locationType',
		'call.bookedFrom',
		'call.cancelledAt',
		'call.previousStartTime',
		'call.rescheduleLink',
		'eventType.kind',
		'eventType.url',
		'setter.email',
		'setter.setBy',
		'contact.previewUrl',
		'contact.firstName',
		'contact.lastName',
		'customFields',
	],
	contact: [
		'contact.previewUrl',
		'contact.updatedFields',
		'contact.disqualifiedBy',
		'bookingPage.name',
		'bookingPage.linkPrefix',
		'bookingPage.callType',
		'bookingPage.url',
		'latestCall',
		'questions',
		'customFields',
	],
	outcome: ['contact.firstName', 'contact.lastName', 'outcome.transactions', 'customFields'],
};

/**
 * Fields deliveries do not carry: null in the webhook trigger's items. What only a REST record has
 * beyond these, the polling trigger adds under `rest` (its own key, absent from webhook items).
 */
export const NOT_IN_DELIVERIES = {
	call: ['setter.id'],
	contact: [] as string[],
	outcome: [] as string[],
};
