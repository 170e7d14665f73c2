import { NOW, runAction, seedAccount, sent, useFakeIClosed } from './support';

/**
 * The node's On Error setting, run through n8n-core's engine, which routes the node's output itself:
 * "Continue" keeps a failed item on the success output with the error in it; "Continue (using error
 * output)" moves it to the second, error output. n8n moves an item only when its JSON holds nothing
 * but the error (n8n 1.x and 2.8: `error` alone; 2.40 also `message` / `details`).
 */
describe('On Error', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: ReturnType<typeof seedAccount>;
	beforeEach(() => {
		seed = seedAccount(fake());
	});

	const createContact = { resource: 'contact', operation: 'create', email: '={{ $json.email }}' };
	const cancelCall = { resource: 'call', operation: 'cancel', callId: '={{ $json.callId }}' };

	describe('Continue (using error output)', () => {
		it('sends an item that failed its checks to the error output, the good ones to the success output', async () => {
			const { outputs, error } = await runAction(
				fake(),
				createContact,
				{ items: [{ email: 'first@example.com' }, { email: 'not-an-email' }, { email: 'third@example.com' }], onError: 'continueErrorOutput' },
			);
			expect(error).toBeUndefined();
			expect(outputs).toHaveLength(2);
			const [success, failed] = outputs;
			expect(success.map((i) => [i.json.email, i.pairedItem])).toEqual([
				['first@example.com', { item: 0 }],
				['third@example.com', { item: 2 }],
			]);
			expect(failed.map((i) => [i.json, i.pairedItem])).toEqual([
				[
					{ error: { message: 'Email is not a valid email address: "not-an-email"', description: 'Use an address such as name@example.com.' } },
					{ item: 1 },
				],
			]);
			expect(sent(fake()).map((r) => r.body)).toEqual([{ email: 'first@example.com' }, { email: 'third@example.com' }]);
		});

		it('sends an item iClosed refused to the error output, with its status code and advice', async () => {
			const { outputs } = await runAction(fake(), cancelCall, {
				items: [{ callId: 987654 }, { callId: seed.call.id }],
				onError: 'continueErrorOutput',
			});
			const [success, failed] = outputs;
			expect(success.map((i) => i.pairedItem)).toEqual([{ item: 1 }]);
			expect(failed).toHaveLength(1);
			expect(failed[0].pairedItem).toEqual({ item: 0 });
			expect(failed[0].json).toEqual({
				error: { message: expect.stringMatching(/404/), statusCode: 404, description: expect.any(String) },
			});
		});

		it('gives a failed item no key but `error`, which n8n 1.x and 2.8 require to route it', async () => {
			const { items } = await runAction(fake(), cancelCall, { items: [{ callId: 987654 }, { callId: 'x' }], continueOnFail: true });
			expect(items.map((i) => Object.keys(i.json))).toEqual([['error'], ['error']]);
		});
	});

	describe('Continue', () => {
		it('keeps a failed item on the one output, in input order, with the error in it', async () => {
			const { outputs, error } = await runAction(
				fake(),
				createContact,
				{ items: [{ email: 'fourth@example.com' }, { email: 'not-an-email' }], onError: 'continueRegularOutput' },
			);
			expect(error).toBeUndefined();
			expect(outputs).toHaveLength(1);
			expect(outputs[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(outputs[0][0].json).toMatchObject({ email: 'fourth@example.com' });
			expect(outputs[0][1].json).toEqual({
				error: { message: 'Email is not a valid email address: "not-an-email"', description: 'Use an address such as name@example.com.' },
			});
		});
	});

	describe('Stop Workflow (the default)', () => {
		it('fails the run on the first failed item', async () => {
			const { error, outputs } = await runAction(fake(), createContact, { items: [{ email: 'not-an-email' }] });
			expect(error?.message).toBe('Email is not a valid email address: "not-an-email"');
			expect(outputs).toEqual([]);
		});
	});
});
