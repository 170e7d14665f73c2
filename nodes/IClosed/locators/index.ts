import type { LocatorKind } from '../catalogue/types';
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

export type { LocatorKindModule, LocatorValue } from './locator';
export { readLocator } from './locator';
