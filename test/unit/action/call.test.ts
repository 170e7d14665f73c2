import { NOW, byId, byMode, fromList, runAction, seedAccount, sent, useFakeIClosed } from './support';

describe('Call', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: ReturnType<typeof seedAccount>;
	beforeEach(() => {
		seed = seedAccount(fake());
	});

	describe('Get Many', () => {
		it('sends every filter, joining lists with commas, and accepts iClosed’s 201 answer', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'call',
				operation: 'getMany',
				limit: 20,
				filters: {
					ids: `${seed.call.id}`,
					contactId: byId(seed.contact.id),
					eventType: 'UPCOMING',
					search: 'ada',
					dateFrom: '2026-03-01T00:00:00Z',
					dateTo: '2026-03-31T00:00:00Z',
					createdAtStart: '2026-01-01T00:00:00Z',
					createdAtEnd: '2026-12-31T00:00:00Z',
					location: 'GOOGLE_MEET, PHONE_CALL',
					orderColumn: 'dateTime',
					orderBy: 'asc',
					userIds: String(seed.closer.id),
					eventIds: [seed.event.id],
					types: ['scheduled_events', 'rescheduled_events'],
					inviteeEmails: 'ada@example.com',
					outcomes: ['PENDING_OUTCOME', 'WON'],
					callTypes: ['STRATEGY_EVENT'],
				},
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'GET',
					path: '/v1/eventCalls',
					query: {
						ids: String(seed.call.id),
						contactId: String(seed.contact.id),
						eventType: 'UPCOMING',
						search: 'ada',
						dateFrom: '2026-03-01T00:00:00.000Z',
						dateTo: '2026-03-31T00:00:00.000Z',
						createdAtStart: '2026-01-01T00:00:00.000Z',
						createdAtEnd: '2026-12-31T00:00:00.000Z',
						location: 'GOOGLE_MEET,PHONE_CALL',
						orderColumn: 'dateTime',
						orderBy: 'asc',
						userIds: String(seed.closer.id),
						eventIds: String(seed.event.id),
						types: 'scheduled_events,rescheduled_events',
						inviteeEmails: 'ada@example.com',
						outcomes: 'PENDING_OUTCOME,WON',
						callTypes: 'STRATEGY_EVENT',
						page: '0',
						limit: '20',
					},
					body: undefined,
				},
			]);
			expect(fake().requests[0].status).toBe(201);
			expect(json).toEqual([expect.objectContaining({ id: seed.call.id, contactId: seed.contact.id })]);
		});

		it('passes the less common filters (no-sale reasons, UTMs, setters, preview ID)', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'call',
				operation: 'getMany',
				filters: {
					noSaleReason: ['NO_SHOW'],
					utmKeys: 'utm_source',
					utmValues: 'google',
					setterIds: '4',
					previewId: seed.contact.previewId,
				},
			});
			expect(error).toBeUndefined();
			expect(sent(fake())[0].query).toEqual({
				noSaleReason: 'NO_SHOW',
				utmKeys: 'utm_source',
				utmValues: 'google',
				setterIds: '4',
				previewId: seed.contact.previewId,
				page: '0',
				limit: '50',
			});
			expect(json).toEqual([]);
		});

		it('refuses Order By Field without Order Direction before sending', async () => {
			const { error } = await runAction(fake(), {
				resource: 'call',
				operation: 'getMany',
				filters: { orderColumn: 'id' },
			});
			expect(error?.message).toBe('Order By Field and Order Direction must be set together');
			expect(fake().requests).toHaveLength(0);
		});
	});

	describe('Book', () => {
		// Booking's own checks and messages are tested in booking*.test.ts; this pins the request.
		// (A 2027 start: Book checks "in the past" against the real clock.)
		it('posts one booking with the UTC start, the invitee, routing, guests and tracking', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'call',
				operation: 'book',
				eventId: byMode('linkPrefix', 'ava/strategy-call'),
				dateTime: '2027-03-02T10:00:00-05:00',
				timeZone: 'America/New_York',
				additionalFields: {
					email: 'grace@example.com',
					firstName: 'Grace',
					lastName: 'Hopper',
					conditionalUsers: String(seed.closer.id),
					additionalGuests: { values: [{ email: 'cto@example.com' }] },
					tracking: '{"utm_source": "newsletter"}',
				},
			});
			expect(error).toBeUndefined();
			const posts = sent(fake()).filter((r) => r.method === 'POST');
			expect(posts).toHaveLength(1);
			expect(posts[0]).toMatchObject({
				path: '/v1/eventCalls',
				body: {
					linkPrefix: 'ava/strategy-call',
					dateTime: '2027-03-02T15:00:00.000Z',
					timeZone: 'America/New_York',
					email: 'grace@example.com',
					firstName: 'Grace',
					lastName: 'Hopper',
					conditionalUsers: String(seed.closer.id),
					additionalGuests: [{ email: 'cto@example.com' }],
					tracking: { utm_source: 'newsletter' },
				},
			});
			expect(json).toEqual([expect.objectContaining({ id: expect.any(Number), startTime: '2027-03-02T15:00:00.000Z' })]);
		});
	});

	describe('Reschedule', () => {
		it('puts the new UTC start, zone, reason and host, and returns the call', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'call',
				operation: 'reschedule',
				callId: fromList(seed.call.id),
				dateTime: '2026-03-05T10:30:00-05:00',
				timeZone: 'America/New_York',
				additionalFields: {
					rescheduleReason: 'Conflict',
					notes: 'Moved by n8n',
					userId: byId(seed.closer.id),
					additionalGuests: { values: [{ email: 'cfo@example.com', name: 'CFO' }] },
				},
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'PUT',
					path: '/v1/eventCalls/reschedule',
					query: {},
					body: {
						id: seed.call.id,
						dateTime: '2026-03-05T15:30:00.000Z',
						timeZone: 'America/New_York',
						rescheduleReason: 'Conflict',
						notes: 'Moved by n8n',
						userId: seed.closer.id,
						additionalGuests: [{ email: 'cfo@example.com', name: 'CFO' }],
					},
				},
			]);
			expect(json).toEqual([expect.objectContaining({ id: seed.call.id, dateTimeUTC: '2026-03-05T15:30:00.000Z' })]);
		});

		it('unwraps the w6w envelope {message, status, data} as well (§6.12)', async () => {
			fake().setVariants({ rescheduleEnvelope: 'messageStatusData' });
			try {
				const { json, error } = await runAction(fake(), {
					resource: 'call',
					operation: 'reschedule',
					callId: byId(seed.call.id),
					dateTime: '2026-03-05T16:00:00Z',
					timeZone: 'Europe/London',
				});
				expect(error).toBeUndefined();
				expect(json).toEqual([expect.objectContaining({ id: seed.call.id, dateTimeUTC: '2026-03-05T16:00:00.000Z' })]);
			} finally {
				fake().setVariants({ rescheduleEnvelope: 'dataEventCall' });
			}
		});
	});

	describe('Mark Slot Free', () => {
		it('puts the call ID and the flag', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'call',
				operation: 'markSlotFree',
				callId: byId(seed.call.id),
				isSlotFree: true,
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'PUT', path: '/v1/eventCalls/markSlotFree', query: {}, body: { id: seed.call.id, isSlotFree: true } },
			]);
			expect(json).toEqual([{ id: seed.call.id, isSlotFree: true }]);
		});

		it('sends false when the switch is off', async () => {
			await runAction(fake(), { resource: 'call', operation: 'markSlotFree', callId: byId(seed.call.id), isSlotFree: false });
			expect(sent(fake())[0].body).toEqual({ id: seed.call.id, isSlotFree: false });
		});
	});

	describe('Cancel', () => {
		it('puts the call ID and reason and returns iClosed’s confirmation', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'call',
				operation: 'cancel',
				callId: byId(seed.call.id),
				additionalFields: { cancelReason: 'Prospect asked' },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'PUT', path: '/v1/eventCalls/cancel', query: {}, body: { id: seed.call.id, cancelReason: 'Prospect asked' } },
			]);
			expect(json).toEqual([{ message: 'Event call cancelled successfully', status: 200 }]);
		});

		it('reports iClosed’s refusal to cancel twice as an API error', async () => {
			await runAction(fake(), { resource: 'call', operation: 'cancel', callId: byId(seed.call.id) });
			const { error } = await runAction(fake(), { resource: 'call', operation: 'cancel', callId: byId(seed.call.id) });
			expect(error?.message).toMatch(/already cancelled/);
			expect(error?.httpCode).toBe('400');
		});
	});
});
