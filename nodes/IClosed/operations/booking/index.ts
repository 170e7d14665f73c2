/**
 * The booking operations: more than one generic request each, plugged into the catalogue's
 * declarations through `execute` (and `extraProperties` where they read parameters of their own).
 *
 * - Event → Get Available Slots: `getAvailableSlots` + `slotSearchProperties`
 * - Call → Book: `bookCall`
 * - Contact → Create or Update: `upsertContact`
 */
export { bookCall } from './bookCall';
export { getAvailableSlots, slotSearchProperties } from './getAvailableSlots';
export { upsertContact } from './upsertContact';
