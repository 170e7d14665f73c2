import { describeIClosedError, flattenFieldErrors } from '../../../nodes/shared/transport/errors';

describe('describeIClosedError', () => {
	it('flattens nested field errors with dotted names', () => {
		expect(flattenFieldErrors({ newDeal: { value: ['Expected number'] }, email: 'Invalid' })).toEqual([
			'newDeal.value: Expected number',
			'email: Invalid',
		]);
	});

	it('keeps form-level errors of the zod shape', () => {
		const text = describeIClosedError(400, {
			message: { status: 400, details: { formErrors: ['contactId or email is required'], fieldErrors: {} } },
		});
		expect(text.message).toBe('iClosed rejected the request: contactId or email is required');
	});

	it('uses the plain message of 404 bodies and advises checking the ID', () => {
		const text = describeIClosedError(404, { message: 'Contact not found', code: 'NOT_FOUND' });
		expect(text).toEqual({
			message: 'iClosed answered 404: Contact not found',
			description: expect.stringMatching(/Check the ID/),
		});
	});

	it('copes with an empty or non-JSON body', () => {
		expect(describeIClosedError(502, undefined).message).toBe('iClosed answered 502: HTTP 502');
		expect(describeIClosedError(502, '<html>Bad gateway</html>').message).toBe('iClosed answered 502: <html>Bad gateway</html>');
	});
});
