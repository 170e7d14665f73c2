import { NOW, byId, runAction, seedAccount, sent, useFakeIClosed } from './support';

describe('Custom Field', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: ReturnType<typeof seedAccount>;
	beforeEach(() => {
		seed = seedAccount(fake());
		fake().state.addField({
			name: 'Contact Stage',
			identifier: 'contact_stage',
			inputType: 'SINGLE_SELECT',
			type: 'CONTACT',
			isSystemField: true,
			options: ['Potential', 'Qualified', 'Strategy Call Booked'],
		});
		fake().state.addField({ name: 'Call recording', identifier: 'call_recording', inputType: 'URL', type: 'CALL' });
	});

	describe('Get Many', () => {
		it('lists the fields of one object type with the filters', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'getMany',
				objectType: 'CONTACT',
				returnAll: true,
				filters: { search: 'comp', inputType: 'TEXT', showSystemFields: true, inviteeQuestions: false, identifiers: 'company, other' },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'GET',
					path: '/v1/fields/objects',
					query: {
						objectType: 'CONTACT',
						search: 'comp',
						inputType: 'TEXT',
						showSystemFields: 'true',
						inviteeQuestions: 'false',
						identifiers: 'company,other',
						page: '0',
						limit: '100',
					},
					body: undefined,
				},
			]);
			expect(json).toEqual([expect.objectContaining({ id: seed.field.id, identifier: 'company' })]);
		});
	});

	describe('Get Many for All Objects', () => {
		it('returns one item per field, tagged with its object type', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'getManyAllObjects',
				returnAll: true,
				filters: { showSystemFields: true },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'GET', path: '/v1/fields/objects/all', query: { showSystemFields: 'true', page: '0', limit: '100' }, body: undefined },
			]);
			expect(json.map((f) => [f.objectType, f.identifier])).toEqual([
				['CONTACT', 'company'],
				['CONTACT', 'contact_stage'],
				['CALL', 'call_recording'],
			]);
		});

		it('applies Limit across object types', async () => {
			const { json } = await runAction(fake(), { resource: 'customField', operation: 'getManyAllObjects', limit: 1 });
			expect(json).toHaveLength(1);
		});
	});

	describe('Get Contact Stages', () => {
		it('returns one item per stage from the bare contact-stage object', async () => {
			const { json, error } = await runAction(fake(), { resource: 'customField', operation: 'getContactStages' });
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([{ method: 'GET', path: '/v1/fields/contact-stage', query: {}, body: undefined }]);
			expect(json.map((s) => s.name)).toEqual(['Potential', 'Qualified', 'Strategy Call Booked']);
		});

		it('returns the field itself with Simplify off', async () => {
			const { json } = await runAction(fake(), { resource: 'customField', operation: 'getContactStages', simplify: false });
			expect(json).toEqual([expect.objectContaining({ identifier: 'contact_stage', CustomFieldOptions: expect.any(Array) })]);
		});
	});

	describe('Create and Update', () => {
		let fieldId: number;

		it('Create posts name, object type as `type`, input type, choices and JSON configuration', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'create',
				name: 'Budget',
				objectType: 'CONTACT',
				inputType: 'SINGLE_SELECT',
				additionalFields: {
					identifier: 'budget',
					description: 'Monthly budget',
					configuration: '{"includedTime": false}',
					options: { values: [{ name: 'Low', color: 'green', displayIndex: 0 }, { name: 'High', color: 'red', displayIndex: 2 }] },
					isSecondaryQuestion: true,
				},
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'POST',
					path: '/v1/fields',
					query: {},
					body: {
						name: 'Budget',
						type: 'CONTACT',
						inputType: 'SINGLE_SELECT',
						identifier: 'budget',
						description: 'Monthly budget',
						configuration: { includedTime: false },
						options: [
							{ name: 'Low', color: 'green' },
							{ name: 'High', color: 'red', displayIndex: 2 },
						],
						isSecondaryQuestion: true,
					},
				},
			]);
			expect(json).toEqual([expect.objectContaining({ identifier: 'budget', id: expect.any(Number) })]);
		});

		it('Create refuses configuration that is not JSON before sending', async () => {
			const { error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'create',
				name: 'Broken',
				objectType: 'CONTACT',
				inputType: 'TEXT',
				additionalFields: { configuration: '{oops' },
			});
			expect(error?.message).toMatch(/must be a JSON object/);
			expect(fake().requests).toHaveLength(0);
		});

		it('Update puts the field ID as `id` with the changes', async () => {
			fieldId = fake().state.addField({ name: 'Budget', identifier: 'budget', inputType: 'SINGLE_SELECT', type: 'CONTACT' }).id;
			const { json, error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'update',
				customFieldId: fieldId,
				additionalFields: { name: 'Monthly budget', hidden: true },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'PUT', path: '/v1/fields', query: {}, body: { id: fieldId, name: 'Monthly budget', hidden: true } },
			]);
			expect(json).toEqual([expect.objectContaining({ id: fieldId, name: 'Monthly budget', hidden: true })]);
		});
	});

	describe('Answers', () => {
		it('Set Answer posts the answers for a contact', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'setAnswer',
				customFieldId: seed.field.id,
				answer: ['Analytical Engines Ltd'],
				contactId: byId(seed.contact.id),
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'POST',
					path: '/v1/fields/answer',
					query: {},
					body: { customFieldId: seed.field.id, answer: ['Analytical Engines Ltd'], contactId: seed.contact.id },
				},
			]);
			expect(json).toEqual([expect.objectContaining({ contactId: seed.contact.id, CustomFieldAnswer: [expect.objectContaining({ answer: ['Analytical Engines Ltd'] })] })]);
		});

		it('Set Answer takes an identifier and a call instead', async () => {
			const { error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'setAnswer',
				answer: ['https://rec.example.com/1'],
				additionalFields: { identifier: 'call_recording', callId: byId(seed.call.id) },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())[0].body).toEqual({ answer: ['https://rec.example.com/1'], identifier: 'call_recording', eventCallId: seed.call.id });
		});

		it('Set Answer needs a field and a contact or call before sending', async () => {
			const { error } = await runAction(fake(), { resource: 'customField', operation: 'setAnswer', answer: ['x'], contactId: byId(seed.contact.id) });
			expect(error?.message).toBe('Custom Field or Identifier is required');
			expect(fake().requests).toHaveLength(0);
		});

		it('Set Answers in Bulk posts contact IDs as numbers', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'setAnswersBulk',
				contactIds: `${seed.contact.id}`,
				customFieldId: seed.field.id,
				answer: ['Acme'],
				additionalFields: { overrideExisting: false },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'POST',
					path: '/v1/fields/answer/bulk',
					query: {},
					body: { contactIds: [seed.contact.id], customFieldId: seed.field.id, answer: ['Acme'], overrideExisting: false },
				},
			]);
			expect(json).toEqual([{ message: 'Answers saved for 1 contacts' }]);
		});

		it('Set Invitee Answers posts both answer shapes into inviteeQuestionAnswers (§6.14)', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'customField',
				operation: 'setInviteeAnswers',
				eventId: byId(seed.event.id),
				additionalFields: {
					standardAnswers: { values: [{ type: 'EMAIL', answer: 'new@example.com' }, { type: 'NAME', answer: 'New Person' }] },
					questionAnswers: { values: [{ questionId: 7, answer: ['Yes'] }] },
					secondaryQuestionsAnswer: { values: [{ identifier: 'company', answer: ['Acme'] }] },
					eventNumericId: seed.event.id,
				},
			});
			expect(error).toBeUndefined();
			expect(sent(fake()).at(-1)).toEqual({
				method: 'POST',
				path: '/v1/fields/inviteeAnswers',
				query: {},
				body: {
					linkPrefix: 'ava/strategy-call',
					inviteeQuestionAnswers: [
						{ type: 'EMAIL', answer: 'new@example.com' },
						{ type: 'NAME', answer: 'New Person' },
						{ questionId: 7, answer: ['Yes'] },
					],
					secondaryQuestionsAnswer: [{ identifier: 'company', answer: ['Acme'] }],
					eventId: seed.event.id,
				},
			});
			expect(json).toEqual([expect.objectContaining({ isDisqualified: false, conditionalUsers: String(seed.closer.id) })]);
		});

		it('Set Invitee Answers for a known contact sends its ID', async () => {
			await runAction(fake(), {
				resource: 'customField',
				operation: 'setInviteeAnswers',
				eventId: { __rl: true, mode: 'linkPrefix', value: 'ava/strategy-call' },
				additionalFields: { contactId: byId(seed.contact.id), previewId: seed.contact.previewId },
			});
			expect(sent(fake())).toEqual([
				{
					method: 'POST',
					path: '/v1/fields/inviteeAnswers',
					query: {},
					body: { linkPrefix: 'ava/strategy-call', contactId: seed.contact.id, previewId: seed.contact.previewId },
				},
			]);
		});
	});
});
