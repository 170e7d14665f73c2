// Outcomes (§2.3): upsert a call's outcome, optionally with a deal (test code, never shipped).
import { notFound, reply } from '../http';
import type { Ctx, Route } from '../http';
import { id, isoZ, str, validate, ValidationError, z } from '../validation';

const NO_SALE_REASONS = [
	'FOLLOW_UP_SCHEDULE',
	'UNQUALIFIED',
	'NO_SHOW',
	'CONTACT_CANCELLED',
	'ADMIN_CANCELLED',
	'NOT_INTERESTED',
	'BAD_FIT',
	'OTHER',
] as const;
const REJECTED_REASONS = [
	'NO_SHOW',
	'BAD_FIT',
	'OTHER',
	'NOT_INTERESTED',
	'CONTACT_CANCELLED',
	'ADMIN_CANCELLED',
];

interface OutcomeBody {
	outcome: 'WON' | 'NO_SALE' | 'APPROVED' | 'REJECTED';
	noSaleReason?: string;
	objection?: string;
}

/** Cross-field rules from the French integrator notes (§2.3, unverified): the `outcomeRules` variant. */
function ruleErrors(b: OutcomeBody, callType: string): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	const add = (field: string, message: string) => (errors[field] ??= []).push(message);
	const allowed = callType === 'DISCOVERY_EVENT' ? ['APPROVED', 'REJECTED'] : ['WON', 'NO_SALE'];
	if (!allowed.includes(b.outcome))
		add('outcome', `Outcome must be one of ${allowed.join(', ')} for ${callType} calls`);
	if (b.outcome === 'WON' && !b.objection)
		add('objection', 'Objection is required when outcome is WON');
	if (b.outcome === 'NO_SALE') {
		if (!b.noSaleReason) add('noSaleReason', 'noSaleReason is required when outcome is NO_SALE');
		if (['FOLLOW_UP_SCHEDULE', 'UNQUALIFIED'].includes(b.noSaleReason ?? '') && !b.objection)
			add('objection', `Objection is required when noSaleReason is ${b.noSaleReason}`);
	}
	if (b.outcome === 'REJECTED' && !REJECTED_REASONS.includes(b.noSaleReason ?? ''))
		add(
			'noSaleReason',
			`noSaleReason must be one of ${REJECTED_REASONS.join(', ')} when outcome is REJECTED`,
		);
	return errors;
}

function upsert(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		eventCallId: id(),
		outcome: z.enum(['WON', 'NO_SALE', 'APPROVED', 'REJECTED']),
		noSaleReason: z.enum(NO_SALE_REASONS).optional(),
		objection: z
			.enum(['MONEY', 'LOGISTIC', 'PARTNER', 'FEAR', 'SMOKE_SCREEN', 'NO_OBJECTION'])
			.optional(),
		notes: str(10000).optional(),
		newDeal: z
			.object({
				id: id().optional(),
				value: z.number().nonnegative().optional(),
				transactionType: z.enum(['WON', 'RECURRING', 'DEPOSIT']).optional(),
				productId: id().optional(),
				date: isoZ().optional(),
				transactionIds: z.array(id()).optional(),
			})
			.strict()
			.optional(),
	});
	const { state } = ctx;
	const call = state.call(b.eventCallId) ?? notFound('Event call');
	const callType = state.event(call.eventId)?.eventType ?? 'STRATEGY_EVENT';
	if (ctx.variants.outcomeRules === 'strict') {
		const errors = ruleErrors(b, callType);
		if (Object.keys(errors).length) throw new ValidationError(errors);
	}
	const nd = b.newDeal;
	if (nd?.productId !== undefined && !state.product(nd.productId)) notFound('Product');
	const at = state.nowIso();
	Object.assign(call.task, {
		completed: true,
		outcome: b.outcome,
		noSaleReason: b.noSaleReason ?? null,
		objection: b.objection ?? null,
		notes: b.notes ?? null,
		updatedAt: at,
	});
	// The outcome lives on the call (`task[]`, §2.2): setting it is a write to the call, unless the
	// `outcomeMovesUpdatedAt` variant says iClosed only touches the task row (unverified, §2.3).
	if (ctx.variants.outcomeMovesUpdatedAt) call.updatedAt = at;
	if (nd) {
		const patch = {
			...(nd.value !== undefined ? { value: nd.value } : {}),
			...(nd.transactionType ? { transactionType: nd.transactionType } : {}),
			...(nd.productId !== undefined ? { productId: nd.productId } : {}),
			...(nd.date ? { time: nd.date } : {}),
			...(nd.transactionIds ? { transactionIds: nd.transactionIds } : {}),
		};
		if (nd.id !== undefined) {
			const deal = state.deals.find((d) => d.id === nd.id) ?? notFound('Deal');
			Object.assign(deal, patch, { updatedAt: at });
		} else {
			state.addDeal({
				value: 0,
				eventCallId: call.id,
				contactId: call.contactId,
				userId: call.userId,
				...patch,
			});
		}
	}
	return reply({
		message: 'Task updated successfully',
		data: {
			id: call.task.id,
			noSaleReason: call.task.noSaleReason,
			objection: call.task.objection,
			updatedAt: call.task.updatedAt,
		},
	});
}

export const outcomeRoutes: Route[] = [{ method: 'POST', path: '/v1/outcomes', handler: upsert }];
