// 'demo' seed, part 1: the team, its weekly schedules, custom fields and booking pages (test code, never shipped).
import type { FakeState } from './state';

export function seedTeam(state: FakeState) {
	const ava = state.addUser({
		firstName: 'Ava',
		lastName: 'Thompson',
		email: 'ava.thompson@acme-growth.example.com',
		phoneNumber: '+12125550101',
		role: 'CLOSER',
		timeZone: 'America/New_York',
	});
	const lukas = state.addUser({
		firstName: 'Lukas',
		lastName: 'Becker',
		email: 'lukas.becker@acme-growth.example.com',
		phoneNumber: '+4930555010',
		role: 'CLOSER',
		timeZone: 'Europe/Berlin',
		zoomConnected: true,
	});
	const sofia = state.addUser({
		firstName: 'Sofia',
		lastName: 'Ramirez',
		email: 'sofia.ramirez@acme-growth.example.com',
		phoneNumber: '+14155550123',
		role: 'SETTER',
		timeZone: 'America/Los_Angeles',
	});
	state.addAvailability(ava.id, 'America/New_York');
	const split = ['09:00-12:00', '13:00-17:00'];
	state.addAvailability(lukas.id, 'Europe/Berlin', {
		Monday: split,
		Tuesday: split,
		Wednesday: split,
		Thursday: split,
		Friday: ['09:00-13:00'],
	});
	const early = ['08:00-16:00'];
	state.addAvailability(sofia.id, 'America/Los_Angeles', {
		Monday: early,
		Tuesday: early,
		Wednesday: early,
		Thursday: early,
		Friday: early,
	});
	return { ava, lukas, sofia };
}

export function seedFields(state: FakeState, ownerId: number) {
	state.addField({
		name: 'Contact Stage',
		identifier: 'contact_stage',
		inputType: 'SINGLE_SELECT',
		type: 'CONTACT',
		isSystemField: true,
		userId: ownerId,
		options: [
			'Potential',
			'Qualified',
			'Disqualified',
			'Strategy Call Booked',
			'Discovery Call Booked',
			'Customer',
		],
	});
	state.addField({
		name: 'Email',
		identifier: 'email',
		inputType: 'EMAIL',
		type: 'CONTACT',
		isSystemField: true,
		userId: ownerId,
	});
	const revenue = state.addField({
		name: 'Monthly revenue',
		identifier: 'monthly_revenue',
		inputType: 'SINGLE_SELECT',
		type: 'CONTACT',
		isSecondaryQuestion: true,
		isInviteeQuestion: true,
		userId: ownerId,
		options: [
			{ name: 'Under $10k', category: 'DISQUALIFY' },
			'$10k-$50k',
			'$50k-$250k',
			'Over $250k',
		],
	});
	state.addField({
		name: 'Company',
		identifier: 'company',
		inputType: 'TEXT',
		type: 'CONTACT',
		userId: ownerId,
	});
	state.addField({
		name: 'Lead source',
		identifier: 'lead_source',
		inputType: 'SINGLE_SELECT',
		type: 'CONTACT',
		userId: ownerId,
		options: ['Paid ads', 'Organic', 'Referral', 'Webinar'],
	});
	state.addField({
		name: 'Call recording',
		identifier: 'call_recording',
		inputType: 'URL',
		type: 'CALL',
		userId: ownerId,
	});
	state.addField({
		name: 'Contract length (months)',
		identifier: 'contract_length',
		inputType: 'NUMBER',
		type: 'DEAL',
		userId: ownerId,
	});
	state.addField({
		name: 'Team',
		identifier: 'team',
		inputType: 'TEXT',
		type: 'USER',
		userId: ownerId,
	});
	return { revenue };
}

export function seedEvents(
	state: FakeState,
	team: ReturnType<typeof seedTeam>,
	revenueFieldId: number,
) {
	const questions = () =>
		[
			['Full Name', 'NAME', true, {}],
			['Email Address', 'EMAIL', true, {}],
			['Phone Number', 'PHONE_NO', false, {}],
			['Monthly revenue', 'SINGLE_SELECT', true, { customFieldId: revenueFieldId }],
		].map(([statement, type, required, options], displayIndex) => ({
			id: state.nextId('question'),
			statement: statement as string,
			type: type as string,
			required: required as boolean,
			options: options as Record<string, unknown>,
			displayIndex,
			deletedAt: null,
		}));
	const strategy = state.addEvent({
		name: 'Strategy Call',
		linkPrefix: 'acme/strategy-call',
		eventType: 'STRATEGY_EVENT',
		hostIds: [team.ava.id, team.lukas.id],
		description: 'A 30-minute call to map out your growth plan.',
		duration: 30,
		slotInterval: 30,
		color: 'blue',
		inviteeQuestions: questions(),
	});
	const discovery = state.addEvent({
		name: 'Discovery Call',
		linkPrefix: 'acme/discovery-call',
		eventType: 'DISCOVERY_EVENT',
		hostIds: [team.sofia.id],
		description: 'A quick 15-minute intro with our team.',
		duration: 15,
		slotInterval: 15,
		color: 'green',
		location: 'PHONE_CALL',
		inviteeQuestions: questions(),
	});
	const demo = state.addEvent({
		name: 'Enterprise Demo',
		linkPrefix: 'acme/enterprise-demo',
		eventType: 'STRATEGY_EVENT',
		hostIds: [team.lukas.id],
		description: 'A one-hour product demo for larger teams.',
		duration: 1,
		durationUnit: 'HOURS',
		slotInterval: 60,
		color: 'purple',
		location: 'ZOOM',
		inviteeQuestions: questions(),
	});
	return { strategy, discovery, demo };
}
