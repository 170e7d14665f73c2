// Collections, id counters and look-ups of the fake iClosed account (test code, never shipped).
import type {
	Availability,
	Call,
	Contact,
	CustomField,
	Deal,
	FieldAnswer,
	IcEvent,
	Note,
	Product,
	Transaction,
	User,
	Webhook,
} from './entities';

/** Each collection counts from its own base so an id used on the wrong resource answers 404. */
const ID_BASES = {
	user: 26001,
	availability: 3101,
	day: 90001,
	event: 7001,
	question: 8801,
	contact: 2850001,
	note: 61001,
	call: 1725001,
	task: 1740001,
	deal: 50001,
	product: 901,
	transaction: 33001,
	field: 4401,
	option: 12001,
	answer: 700001,
	webhook: 1,
} as const;

export type IdKind = keyof typeof ID_BASES;

export class StateStore {
	readonly accountId = 1001;
	users: User[] = [];
	availabilities: Availability[] = [];
	events: IcEvent[] = [];
	contacts: Contact[] = [];
	notes: Note[] = [];
	calls: Call[] = [];
	deals: Deal[] = [];
	products: Product[] = [];
	transactions: Transaction[] = [];
	fields: CustomField[] = [];
	answers: FieldAnswer[] = [];
	webhooks: Webhook[] = [];
	private counters: Record<IdKind, number> = { ...ID_BASES };

	constructor(readonly now: () => Date = () => new Date()) {}

	/** An empty account again, ids counting from their bases (so a re-seeded test gets the same ids). */
	reset(): void {
		for (const key of ['users', 'availabilities', 'events', 'contacts', 'notes', 'calls', 'deals', 'products', 'transactions', 'fields', 'answers', 'webhooks'] as const) {
			this[key] = [];
		}
		this.counters = { ...ID_BASES };
	}

	nextId(kind: IdKind): number {
		return this.counters[kind]++;
	}

	nowIso(): string {
		return this.now().toISOString();
	}

	user(id: number | null | undefined): User | undefined {
		return this.users.find((u) => u.id === id);
	}
	event(id: number | null | undefined): IcEvent | undefined {
		return this.events.find((e) => e.id === id);
	}
	eventByLinkPrefix(linkPrefix: string): IcEvent | undefined {
		const wanted = linkPrefix.replace(/^\/+|\/+$/g, '').toLowerCase();
		return this.events.find((e) => e.linkPrefix.toLowerCase() === wanted);
	}
	contact(id: number | null | undefined): Contact | undefined {
		return this.contacts.find((c) => c.id === id && !c.deletedAt);
	}
	contactByEmail(email: string): Contact | undefined {
		const e = email.toLowerCase();
		return this.contacts.find((c) => c.email?.toLowerCase() === e && !c.deletedAt);
	}
	call(id: number | null | undefined): Call | undefined {
		return this.calls.find((c) => c.id === id);
	}
	product(id: number | null | undefined): Product | undefined {
		return this.products.find((p) => p.id === id);
	}
	field(id: number | null | undefined): CustomField | undefined {
		return this.fields.find((f) => f.id === id);
	}
	fieldByIdentifier(identifier: string): CustomField | undefined {
		return this.fields.find((f) => f.identifier === identifier);
	}
	activeAvailability(userId: number): Availability | undefined {
		return this.availabilities.find((a) => a.userId === userId && a.isActive);
	}
}
