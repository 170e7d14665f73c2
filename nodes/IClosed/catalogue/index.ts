import { contactResource } from './contact';
import type { OperationDeclaration, ResourceDeclaration } from './types';
import { userResource } from './user';

/** Every resource of the iClosed action node, in the order the catalogue is read (UI order is alphabetical). */
export const CATALOGUE: ResourceDeclaration[] = [contactResource, userResource];

const BY_KEY = new Map<string, OperationDeclaration>(
	CATALOGUE.flatMap((r) => r.operations.map((op) => [`${r.value}:${op.value}`, op] as const)),
);

export function findOperation(resource: string, operation: string): OperationDeclaration | undefined {
	return BY_KEY.get(`${resource}:${operation}`);
}

export function allOperations(): OperationDeclaration[] {
	return CATALOGUE.flatMap((r) => r.operations);
}
