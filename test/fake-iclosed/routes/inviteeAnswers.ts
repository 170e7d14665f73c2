// POST /v1/fields/inviteeAnswers (§2.8, [3P]): the booking-form step that returns routing hints.
// §6.14: the answers come as `[{type, answer}]` (integrators) or `[{questionId, answer[]}]` (MCP): both accepted.
import { notFound, reply } from '../http';
import type { Ctx } from '../http';
import { fieldError, id, str, validate, z } from '../validation';

const byType = z
	.object({
		type: z.enum(['EMAIL', 'PHONE_NO', 'FIRST_NAME', 'LAST_NAME', 'NAME']),
		answer: z.string().min(1),
	})
	.strict();
const byQuestion = z.object({ questionId: id(), answer: z.array(z.string()) }).strict();

export function inviteeAnswers(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		linkPrefix: str(255),
		contactId: id().optional(),
		previewId: str(255).optional(),
		eventId: id().optional(),
		inviteeQuestionAnswers: z.array(z.union([byType, byQuestion])).optional(),
		secondaryQuestionsAnswer: z
			.array(
				z.object({
					customFieldId: id().optional(),
					identifier: str(255).optional(),
					answer: z.array(z.string()),
				}),
			)
			.optional(),
	});
	const { state } = ctx;
	const event = state.eventByLinkPrefix(b.linkPrefix) ?? notFound('Event');
	const typed = Object.fromEntries(
		(b.inviteeQuestionAnswers ?? []).flatMap((a) => ('type' in a ? [[a.type, a.answer]] : [])),
	) as Record<string, string>;
	let contact = b.contactId
		? (state.contact(b.contactId) ?? notFound('Contact'))
		: b.previewId
			? (state.contacts.find((c) => c.previewId === b.previewId) ?? notFound('Contact'))
			: typed.EMAIL
				? state.contactByEmail(typed.EMAIL)
				: undefined;
	if (!contact) {
		if (!typed.EMAIL && !typed.PHONE_NO)
			fieldError(
				'inviteeQuestionAnswers',
				'An EMAIL or PHONE_NO answer is required without contactId',
			);
		const [first, ...rest] = (typed.NAME ?? '').split(' ');
		contact = state.addContact({
			email: typed.EMAIL ?? null,
			phoneNumber: typed.PHONE_NO ?? null,
			firstName: typed.FIRST_NAME ?? (first || null),
			lastName: typed.LAST_NAME ?? (rest.join(' ') || null),
			eventId: event.id,
		});
	}
	// An answer equal to an option whose category is DISQUALIFY disqualifies the invitee.
	const disqualified = (b.secondaryQuestionsAnswer ?? []).some((a) => {
		const f = a.customFieldId
			? state.field(a.customFieldId)
			: state.fieldByIdentifier(a.identifier ?? '');
		return f?.CustomFieldOptions.some(
			(o) => o.category === 'DISQUALIFY' && a.answer.includes(o.name),
		);
	});
	if (disqualified) contact.status = 'DISQUALIFIED';
	return reply({
		data: {
			contactId: contact.id,
			previewId: contact.previewId,
			isDisqualified: disqualified,
			conditionalUsers: disqualified ? '' : event.hostIds.join(','),
		},
	});
}
