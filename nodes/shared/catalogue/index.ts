import { callResource } from './call';
import { contactResource } from './contact';
import { customFieldResource } from './customField';
import { dealResource } from './deal';
import { eventResource } from './event';
import { outcomeResource } from './outcome';
import { productResource } from './product';
import { transactionResource } from './transaction';
import type { OperationDeclaration, ResourceDeclaration } from './types';
import { userResource } from './user';
import { webhookResource } from './webhook';

/** Every resource of the iClosed action node, in the order (the UI sorts them alphabetically). */
export const CATALOGUE: ResourceDeclaration[] = [
	contactResource,
	callResource,
	outcomeResource,
	eventResource,
	dealResource,
	productResource,
	transactionResource,
	customFieldResource,
	userResource,
	webhookResource,
];

const BY_KEY = new Map<string, OperationDeclaration>(
	CATALOGUE.flatMap((r) => r.operations.map((op) => [`${r.value}:${op.value}`, op] as const)),
);

export function findOperation(resource: string, operation: string): OperationDeclaration | undefined {
	return BY_KEY.get(`${resource}:${operation}`);
}

export function allOperations(): OperationDeclaration[] {
	return CATALOGUE.flatMap((r) => r.operations);
}
