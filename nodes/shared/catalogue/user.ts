import { userLocator } from './common';
import type { ResourceDeclaration } from './types';

/** Users and their weekly availability (§2.9). */
export const userResource: ResourceDeclaration = {
	value: 'user',
	name: 'User',
	operations: [
		{
			resource: 'user',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many users',
			description:
				'List the users (closers and setters) of the iClosed account. Each has a numeric ID used as host, closer or userId elsewhere.',
			method: 'GET',
			path: '/v1/users',
			list: { listKey: 'users', maxPageSize: 100 },
			fields: [
				{ name: 'search', displayName: 'Search', kind: 'string', description: 'Case-insensitive text matched against name and email' },
				{ name: 'ids', displayName: 'User IDs', kind: 'idList', placeholder: 'e.g. 3, 7', description: 'Only these numeric user IDs, comma-separated' },
			],
		},
		{
			resource: 'user',
			value: 'getAvailabilities',
			name: 'Get Availabilities',
			action: 'Get user availabilities',
			description:
				'List weekly availability schedules (days, time windows, time zone), for all users or one numeric user ID',
			method: 'GET',
			path: '/v1/userAvailabilities',
			list: { maxPageSize: 100, paged: false },
			fields: [userLocator('Only this user’s schedules', { required: false })],
		},
	],
};
