/**
 * A problem with what the user entered, found before anything is sent to iClosed.
 * Pure helpers throw it; the node turns it into a NodeOperationError with the item index.
 */
export class IClosedInputError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'IClosedInputError';
	}
}
