// Test code runs in Node, not in n8n Cloud's sandbox; the cloud-only import rule does not apply.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode } from '../harness/runNode';

// A throwaway local server, just to prove the engine harness sends real HTTP with our credential.
describe('engine harness', () => {
	let server: http.Server;
	let baseUrl: string;
	const seen: Array<{ url?: string; auth?: string }> = [];

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			seen.push({ url: req.url, auth: req.headers.authorization });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ data: { users: [{ id: 1, firstName: 'Ada' }], count: 1 } }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	it('runs the action node in WorkflowExecute with the credential applied', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'user', operation: 'getMany', returnAll: true },
			credentials: { apiKey: '  Bearer iclosed_abc  ', baseUrl: `${baseUrl}/v1/` },
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ id: 1, firstName: 'Ada' }]);
		expect(seen).toEqual([{ url: '/v1/users?page=0&limit=100', auth: 'Bearer iclosed_abc' }]);
	});
});
