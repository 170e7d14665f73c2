// Plain JS so that n8n-node lint (which lints *.ts) does not apply the cloud-sandbox rules to test set-up.
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');

// n8n-core writes an encryption key into $N8N_USER_FOLDER/.n8n/config: keep tests out of ~/.n8n.
const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-iclosed-jest-'));
process.env.N8N_USER_FOLDER = userFolder;
// n8n's logger would print every node error the tests provoke on purpose; tests that assert on logs
// swap in their own logger (test/harness/hooks.ts captureLogs).
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';

/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 20000,
};
