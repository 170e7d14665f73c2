// Shapes of the records the fake keeps in memory (test code, never shipped).
// Field names follow iclosed-api.md §2; a few internal fields (status, hostIds…) drive behaviour.

export type Weekday =
	| 'Monday'
	| 'Tuesday'
	| 'Wednesday'
	| 'Thursday'
	| 'Friday'
	| 'Saturday'
	| 'Sunday';

export interface User {
	id: number;
	accountId: number;
	firstName: string;
	lastName: string;
	email: string;
	phoneNumber: string | null;
	role: 'ADMIN' | 'CLOSER' | 'SETTER';
	previewId: string;
	timeZone: string;
	calendarConnected: boolean;
	zoomConnected: boolean;
	profilePictureKey: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface AvailabilityDay {
	id: number;
	name: Weekday;
	timings: Array<{ startTime: string; endTime: string }>;
	active: boolean;
}

/** A weekly schedule (§2.9), in the host's time zone. */
export interface Availability {
	id: number;
	userId: number;
	name: string;
	timeZone: string;
	isActive: boolean;
	availabilityDays: AvailabilityDay[];
}

export interface InviteeQuestion {
	id: number;
	statement: string;
	type: string;
	required: boolean;
	options: Record<string, unknown>;
	displayIndex: number;
	deletedAt: string | null;
}

/** A booking page / event type (§2.4). */
export interface IcEvent {
	id: number;
	accountId: number;
	userId: number;
	name: string;
	description: string;
	linkPrefix: string;
	eventType: 'STRATEGY_EVENT' | 'DISCOVERY_EVENT';
	status: 'ACTIVATED' | 'DEACTIVATED';
	kind: 'Round Robin' | 'Direct Assignment';
	duration: number;
	durationUnit: 'MINUTES' | 'HOURS';
	/** Minutes between two slot starts. */
	slotInterval: number;
	/** Hosts whose schedules make the slots; one host = a single-host event. */
	hostIds: number[];
	location: string;
	color: string;
	inviteeQuestions: InviteeQuestion[];
	isDefaultNotification: boolean;
	createdAt: string;
	updatedAt: string;
}

export interface Contact {
	id: number;
	accountId: number;
	userId: number | null;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	status: string;
	phoneNumber: string | null;
	secondary_email: string | null;
	secondary_phoneNumber: string | null;
	previewId: string;
	tagId: number | null;
	tag: string | null;
	blockedByRecaptcha: boolean;
	joinedTime: string;
	country: string | null;
	timeZone: string | null;
	ipAddress: string | null;
	blockedId: number | null;
	referrerUrl: string | null;
	eventId: number | null;
	tracking: Record<string, string>;
	createdAt: string;
	updatedAt: string;
	deletedAt: string | null;
}

export interface Note {
	id: number;
	contactId: number;
	userId: number | null;
	note: string;
	createdAt: string;
	updatedAt: string;
}

export interface Task {
	id: number;
	completed: boolean;
	outcome: string | null;
	noSaleReason: string | null;
	objection: string | null;
	notes: string | null;
	updatedAt: string;
}

/** A booked call (§2.2). `status` is internal: it drives the `types` filter and slot freedom. */
export interface Call {
	id: number;
	contactId: number;
	userId: number;
	eventId: number;
	setterId: number | null;
	/** ISO UTC start. */
	startUtc: string;
	inviteTimeZone: string;
	status: 'SCHEDULED' | 'RESCHEDULED' | 'CANCELLED';
	location: string;
	locationLink: string | null;
	isSlotFree: boolean;
	allowReschedule: boolean;
	rescheduledBy: string | null;
	rescheduleReason: string | null;
	oldStartUtc: string | null;
	cancelledBy: string | null;
	cancelReason: string | null;
	cancelledAt: string | null;
	notes: string | null;
	task: Task;
	questions: Array<{ statement: string; answer: string }>;
	secondaryAnswers: Array<{ customFieldId?: number; identifier?: string; answer: string[] }>;
	utm: Array<{ utmKey: string; utmValue: string }>;
	additionalGuests: Array<{ email: string; name?: string }>;
	token: string;
	createdAt: string;
	updatedAt: string;
}

export interface Deal {
	id: number;
	accountId: number;
	userId: number | null;
	productId: number | null;
	contactId: number | null;
	eventCallId: number | null;
	value: number;
	currency: string;
	transactionType: 'WON' | 'RECURRING' | 'DEPOSIT';
	recurring: boolean;
	type: 'DEAL' | 'TRANSACTION';
	transactionIds: number[];
	time: string;
	createdAt: string;
	updatedAt: string;
}

export interface Product {
	id: number;
	accountId: number;
	name: string;
	description: string | null;
	price: number | null;
	contractValue: number | null;
	createdAt: string;
	updatedAt: string;
}

export interface Transaction {
	id: number;
	accountId: number;
	value: number;
	name: string | null;
	email: string | null;
	phoneNumber: string | null;
	description: string | null;
	source: string;
	updatedBy: string | null;
	dealId: number | null;
	createdAt: string;
	updatedAt: string;
}

export interface FieldOption {
	id: number;
	name: string;
	color: string;
	badge: string | null;
	tooltip: string | null;
	displayIndex: number;
	isArchived: boolean;
	icon: string | null;
	isDefault: boolean;
	actionId: number | null;
	category: string | null;
}

export interface CustomField {
	id: number;
	accountId: number;
	userId: number | null;
	name: string;
	identifier: string;
	description: string | null;
	inputType: string;
	/** Object type: CONTACT, CALL, EVENT, DEAL, USER, ISCORE… */
	type: string;
	configuration: Record<string, unknown>;
	isSystemField: boolean;
	hidden: boolean;
	isSecondaryQuestion: boolean;
	isInviteeQuestion: boolean;
	slug: string;
	CustomFieldOptions: FieldOption[];
	createdAt: string;
	updatedAt: string;
}

export interface FieldAnswer {
	id: number;
	customFieldId: number;
	contactId: number | null;
	eventCallId: number | null;
	answer: string[];
	createdAt: string;
	updatedAt: string;
}

export interface Webhook {
	id: number;
	url: string;
	events: string[];
	secret: string;
	isActive: boolean;
	createdAt: string;
}
