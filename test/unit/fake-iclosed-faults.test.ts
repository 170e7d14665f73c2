import { startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';

describe('fake iClosed: injected faults', () => {
	let fake: FakeIClosed;
	const now = new Date('2026-01-15T12:00:00Z');
	const booking = {
		dateTime: '2026-01-19T14:00:00.000Z', // Monday 09:00 New York
		timeZone: 'America/New_York',
		email: 'fault@example.com',
		linkPrefix: 'acme/call',
	};
	beforeEach(async () => {
		fake = await startFakeIClosed({ now: () => now });
		const host = fake.state.addUser({
			firstName: 'Nora',
			lastName: 'York',
			email: 'nora@example.com',
		});
		fake.state.addAvailability(host.id, 'America/New_York');
		fake.state.addEvent({ name: 'Call', linkPrefix: 'acme/call', hostIds: [host.id] });
	});
	afterEach(() => fake.close());
	afterEach(() => {
		fake.clearFaults();
		fake.clearRequests();
	});

	it('answers an injected 500 the given number of times, then behaves', async () => {
		fake.injectFault('GET /v1/users', { kind: 'status', status: 500, times: 2 });
		const a = await callFake(fake, 'GET', '/v1/users');
		const b = await callFake(fake, 'GET', '/v1/users');
		const c = await callFake(fake, 'GET', '/v1/users');
		expect([a.status, b.status, c.status]).toEqual([500, 500, 200]);
		expect(a.body).toEqual({ message: 'Internal server error' });
		expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 200]);
	});

	it('answers a custom status body, and only on the faulted route', async () => {
		fake.injectFault('POST /v1/eventCalls', {
			kind: 'status',
			status: 503,
			body: { message: 'Service Unavailable' },
		});
		expect((await callFake(fake, 'GET', '/v1/users')).status).toBe(200);
		const r = await callFake(fake, 'POST', '/v1/eventCalls', { body: booking });
		expect(r).toMatchObject({ status: 503, body: { message: 'Service Unavailable' } });
		expect(fake.state.calls).toHaveLength(0);
	});

	it('drops the connection on reset without executing the request, and records it', async () => {
		fake.injectFault('POST /v1/eventCalls', { kind: 'reset', times: 1 });
		await expect(callFake(fake, 'POST', '/v1/eventCalls', { body: booking })).rejects.toThrow();
		expect(fake.state.calls).toHaveLength(0);
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/eventCalls',
			status: 0,
			body: booking,
		});
	});

	it('delays answers', async () => {
		fake.injectFault('*', { kind: 'delay', ms: 300, times: 1 });
		const t0 = Date.now();
		expect((await callFake(fake, 'GET', '/v1/users')).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
		const t1 = Date.now();
		await callFake(fake, 'GET', '/v1/users');
		expect(Date.now() - t1).toBeLessThan(290);
	});

	it('resetAfterCommit books the call and then drops the answer', async () => {
		fake.injectFault('POST /v1/eventCalls', { kind: 'resetAfterCommit', times: 1 });
		await expect(callFake(fake, 'POST', '/v1/eventCalls', { body: booking })).rejects.toThrow();
		expect(fake.state.calls).toHaveLength(1);
		expect(fake.state.calls[0].startUtc).toBe(booking.dateTime);
		// A blind retry now meets the taken slot.
		const retry = await callFake(fake, 'POST', '/v1/eventCalls', { body: booking });
		expect(retry.status).toBe(400);
	});

	it('matches faults on path templates', async () => {
		fake.injectFault('DELETE /v1/webhooks/:id', { kind: 'status', status: 502 });
		expect((await callFake(fake, 'DELETE', '/v1/webhooks/7')).status).toBe(502);
	});
});
