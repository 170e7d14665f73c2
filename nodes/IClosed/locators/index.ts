import type { FieldDeclaration, LocatorKind } from '../../shared/catalogue/types';
import { callLocator } from './call';
import { contactLocator } from './contact';
import { eventLocator } from './event';
import type { LocatorKindModule } from './locator';
import { productLocator } from './product';
import { transactionLocator } from './transaction';
import { userLocator } from './user';

/** Every locator kind a declaration may name (`locator: 'contact'` …), each one module. */
export const LOCATORS: Record<LocatorKind, LocatorKindModule> = {
	call: callLocator,
	contact: contactLocator,
	event: eventLocator,
	product: productLocator,
	transaction: transactionLocator,
	user: userLocator,
};

/** The module of a locator field's kind (every locator field names one; the layout test checks it). */
export function locatorOf(field: FieldDeclaration): LocatorKindModule {
	if (!field.locator) throw new Error(`The locator field ${field.name} names no locator kind`);
	return LOCATORS[field.locator];
}

export type { LocatorKindModule, LocatorValue } from './locator';
export { readLocator } from './locator';
