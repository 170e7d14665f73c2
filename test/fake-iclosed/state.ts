// In-memory state of the fake iClosed account, with small helpers tests use to seed it (test code, never shipped).
import { randomBytes } from 'node:crypto';

import { StateStore } from './store';
import type {
	Availability,
	AvailabilityDay,
	Call,
	Contact,
	CustomField,
	Deal,
	FieldOption,
	IcEvent,
	Note,
	Product,
	Transaction,
	User,
	Weekday,
} from './entities';

export const WEEKDAYS: Weekday[] = [
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday',
];

export function previewId(prefix: 'contact' | 'call' | 'user'): string {
	return `${prefix}_${randomBytes(9).toString('base64url').slice(0, 12)}`;
}

export class FakeState extends StateStore {
	addUser(p: Partial<User> & Pick<User, 'firstName' | 'lastName' | 'email'>): User {
		const at = this.nowIso();
		const user: User = {
			id: this.nextId('user'),
			accountId: this.accountId,
			phoneNumber: null,
			role: 'CLOSER',
			previewId: previewId('user'),
			timeZone: 'America/New_York',
			calendarConnected: true,
			zoomConnected: false,
			profilePictureKey: null,
			createdAt: at,
			updatedAt: at,
			...p,
		};
		this.users.push(user);
		return user;
	}

	/**
	 * Gives a user an active weekly schedule. `week` maps weekday → list of 'HH:mm-HH:mm' ranges in `timeZone`
	 * (default Mon–Fri 09:00-17:00).
	 */
	addAvailability(
		userId: number,
		timeZone: string,
		week: Partial<Record<Weekday, string[]>> = {
			Monday: ['09:00-17:00'],
			Tuesday: ['09:00-17:00'],
			Wednesday: ['09:00-17:00'],
			Thursday: ['09:00-17:00'],
			Friday: ['09:00-17:00'],
		},
		name = 'Working hours',
	): Availability {
		for (const a of this.availabilities) if (a.userId === userId) a.isActive = false;
		const availabilityDays: AvailabilityDay[] = WEEKDAYS.map((day) => {
			const ranges = week[day] ?? [];
			return {
				id: this.nextId('day'),
				name: day,
				active: ranges.length > 0,
				timings: ranges.map((r) => {
					const [startTime, endTime] = r.split('-');
					return { startTime, endTime };
				}),
			};
		});
		const availability: Availability = {
			id: this.nextId('availability'),
			userId,
			name,
			timeZone,
			isActive: true,
			availabilityDays,
		};
		this.availabilities.push(availability);
		return availability;
	}

	addEvent(p: Partial<IcEvent> & Pick<IcEvent, 'name' | 'linkPrefix' | 'hostIds'>): IcEvent {
		const at = this.nowIso();
		const event: IcEvent = {
			id: this.nextId('event'),
			accountId: this.accountId,
			userId: p.hostIds[0],
			description: '',
			eventType: 'STRATEGY_EVENT',
			status: 'ACTIVATED',
			kind: p.hostIds.length > 1 ? 'Round Robin' : 'Direct Assignment',
			duration: 30,
			durationUnit: 'MINUTES',
			slotInterval: 30,
			location: 'GOOGLE_MEET',
			color: 'blue',
			inviteeQuestions: [],
			isDefaultNotification: true,
			createdAt: at,
			updatedAt: at,
			...p,
		};
		this.events.push(event);
		return event;
	}

	addContact(p: Partial<Contact> = {}): Contact {
		const at = this.nowIso();
		const contact: Contact = {
			id: this.nextId('contact'),
			accountId: this.accountId,
			userId: null,
			email: null,
			firstName: null,
			lastName: null,
			status: 'POTENTIAL',
			phoneNumber: null,
			secondary_email: null,
			secondary_phoneNumber: null,
			previewId: previewId('contact'),
			tagId: null,
			tag: null,
			blockedByRecaptcha: false,
			joinedTime: at,
			country: null,
			timeZone: null,
			ipAddress: null,
			blockedId: null,
			referrerUrl: null,
			eventId: null,
			tracking: {},
			createdAt: at,
			updatedAt: at,
			deletedAt: null,
			...p,
		};
		this.contacts.push(contact);
		return contact;
	}

	addNote(contactId: number, note: string, userId: number | null = null): Note {
		const at = this.nowIso();
		const n: Note = {
			id: this.nextId('note'),
			contactId,
			userId,
			note,
			createdAt: at,
			updatedAt: at,
		};
		this.notes.push(n);
		return n;
	}

	addCall(p: Partial<Call> & Pick<Call, 'contactId' | 'userId' | 'eventId' | 'startUtc'>): Call {
		const at = this.nowIso();
		const call: Call = {
			id: this.nextId('call'),
			setterId: null,
			inviteTimeZone: 'America/New_York',
			status: 'SCHEDULED',
			location: 'GOOGLE_MEET',
			locationLink: `https://meet.google.com/${randomBytes(3).toString('hex')}-demo`,
			isSlotFree: false,
			allowReschedule: true,
			rescheduledBy: null,
			rescheduleReason: null,
			oldStartUtc: null,
			cancelledBy: null,
			cancelReason: null,
			cancelledAt: null,
			notes: null,
			task: {
				id: this.nextId('task'),
				completed: false,
				outcome: null,
				noSaleReason: null,
				objection: null,
				notes: null,
				updatedAt: at,
			},
			questions: [],
			secondaryAnswers: [],
			utm: [],
			additionalGuests: [],
			token: randomBytes(12).toString('hex'),
			createdAt: at,
			updatedAt: at,
			...p,
		};
		this.calls.push(call);
		return call;
	}

	addProduct(p: Partial<Product> & Pick<Product, 'name'>): Product {
		const at = this.nowIso();
		const product: Product = {
			id: this.nextId('product'),
			accountId: this.accountId,
			description: null,
			price: null,
			contractValue: null,
			createdAt: at,
			updatedAt: at,
			...p,
		};
		this.products.push(product);
		return product;
	}

	addDeal(p: Partial<Deal> & Pick<Deal, 'value'>): Deal {
		const at = this.nowIso();
		const deal: Deal = {
			id: this.nextId('deal'),
			accountId: this.accountId,
			userId: null,
			productId: null,
			contactId: null,
			eventCallId: null,
			currency: 'USD',
			transactionType: 'WON',
			recurring: false,
			type: 'DEAL',
			transactionIds: [],
			time: at,
			createdAt: at,
			updatedAt: at,
			...p,
		};
		this.deals.push(deal);
		return deal;
	}

	addTransaction(p: Partial<Transaction> & Pick<Transaction, 'value'>): Transaction {
		const at = this.nowIso();
		const t: Transaction = {
			id: this.nextId('transaction'),
			accountId: this.accountId,
			name: null,
			email: null,
			phoneNumber: null,
			description: null,
			source: 'Other',
			updatedBy: null,
			dealId: null,
			createdAt: at,
			updatedAt: at,
			...p,
		};
		this.transactions.push(t);
		return t;
	}

	/** `options` are names (colors cycle) or full option objects. */
	addField(
		p: Partial<Omit<CustomField, 'CustomFieldOptions'>> &
			Pick<CustomField, 'name' | 'inputType' | 'type'> & {
				options?: Array<string | Partial<FieldOption>>;
			},
	): CustomField {
		const at = this.nowIso();
		const { options = [], ...rest } = p;
		const identifier = rest.identifier ?? slugify(rest.name, '_');
		const field: CustomField = {
			id: this.nextId('field'),
			accountId: this.accountId,
			userId: null,
			description: null,
			configuration: {},
			isSystemField: false,
			hidden: false,
			isSecondaryQuestion: false,
			isInviteeQuestion: false,
			slug: slugify(rest.name, '-'),
			createdAt: at,
			updatedAt: at,
			...rest,
			identifier,
			CustomFieldOptions: options.map((o, i) => this.makeOption(o, i)),
		};
		this.fields.push(field);
		return field;
	}

	makeOption(o: string | Partial<FieldOption>, index: number): FieldOption {
		const colors = ['blue', 'indigo', 'purple', 'green', 'yellow', 'red', 'pink', 'gray'];
		const base = typeof o === 'string' ? { name: o } : o;
		return {
			id: this.nextId('option'),
			name: base.name ?? `Option ${index + 1}`,
			color: colors[index % colors.length],
			badge: null,
			tooltip: null,
			displayIndex: index,
			isArchived: false,
			icon: null,
			isDefault: index === 0,
			actionId: null,
			category: null,
			...base,
		};
	}
}

export function slugify(s: string, sep: '-' | '_'): string {
	return s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, sep)
		.replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');
}

/** Event duration in minutes. */
export function durationMinutes(e: Pick<IcEvent, 'duration' | 'durationUnit'>): number {
	return e.durationUnit === 'HOURS' ? e.duration * 60 : e.duration;
}
